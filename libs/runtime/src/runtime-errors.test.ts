import { describe, expect, it } from 'vitest';
import { defineWorkflow, edge, node, task, approval } from './testing/define-workflow.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { isKindedError } from '@ticketflow/definition';
import { RUNTIME_ERRORS, RuntimeError, type RuntimeErrorCode } from './runtime-error.js';

const def = defineWorkflow(
  [
    node('start', 'start'),
    node('split', 'parallel'),
    task('t', { outcomes: ['done'], timeout: { after: 'PT1H' } }),
    approval('a', { policy: { type: 'all' } }),
    node('join', 'join'),
    node('end', 'end'),
  ],
  [
    edge('start', 'split'),
    edge('split', 't'),
    edge('split', 'a'),
    edge('t', 'join', { on: 'done' }),
    edge('t', 'end', { on: 'timeout' }),
    edge('a', 'join', { on: 'approved' }),
    edge('a', 'end', { on: 'rejected' }),
    edge('join', 'end'),
  ],
);

async function refused(
  driver: InstanceDriver,
  event: Parameters<InstanceDriver['send']>[0],
): Promise<RuntimeError> {
  const before = JSON.stringify(driver.snapshot);
  const error = await driver.send(event).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuntimeError);
  expect(JSON.stringify(driver.snapshot)).toBe(before);
  return error as RuntimeError;
}

describe('refused events', () => {
  it('refuses a task key that is not open', async () => {
    const d = await InstanceDriver.start(def);
    expect((await refused(d, { type: 'task.complete', taskKey: 'nope#1' })).code).toBe('task-not-open');
  });

  it('refuses an outcome the task does not have', async () => {
    const d = await InstanceDriver.start(def);
    expect((await refused(d, { type: 'task.complete', taskKey: 't#1', outcome: 'completed' })).code).toBe(
      'invalid-outcome',
    );
  });

  it('refuses to complete an approval or approve a task', async () => {
    const d = await InstanceDriver.start(def);
    expect((await refused(d, { type: 'task.complete', taskKey: 'a#1' })).code).toBe('wrong-task-kind');
    expect(
      (
        await refused(d, {
          type: 'approval.decide',
          taskKey: 't#1',
          decision: 'approved',
          actor: { id: 'x' },
          eligibleCount: 1,
        })
      ).code,
    ).toBe('wrong-task-kind');
  });

  it('rejects a second decision on the same approval by the same person', async () => {
    const d = await InstanceDriver.start(def);
    await d.decide('a', 'approved', 'ann', 2);
    expect(
      (
        await refused(d, {
          type: 'approval.decide',
          taskKey: 'a#1',
          decision: 'rejected',
          actor: { id: 'ann' },
          eligibleCount: 2,
        })
      ).code,
    ).toBe('already-decided');
  });

  it('refuses the requester approving their own ticket', async () => {
    const d = await InstanceDriver.start(def, {}, 'req');
    expect(
      (
        await refused(d, {
          type: 'approval.decide',
          taskKey: 'a#1',
          decision: 'approved',
          actor: { id: 'req' },
          eligibleCount: 1,
        })
      ).code,
    ).toBe('requester-not-allowed');
    expect(
      (
        await refused(d, {
          type: 'approval.decide',
          taskKey: 'a#1',
          decision: 'approved',
          actor: { id: 'x', isRequester: true },
          eligibleCount: 1,
        })
      ).code,
    ).toBe('requester-not-allowed');
  });

  it('refuses a timer that was cancelled because its step finished', async () => {
    const d = await InstanceDriver.start(def);
    await d.complete('t', 'done');
    expect((await refused(d, { type: 'timer.fire', timerKey: 't#1:timeout' })).code).toBe('timer-not-active');
  });

  it('refuses a message nobody waits for and an unknown action result', async () => {
    const d = await InstanceDriver.start(def);
    expect((await refused(d, { type: 'message.receive', message: 'ping' })).code).toBe('message-not-awaited');
    expect((await refused(d, { type: 'action.result', actionKey: 'x#1', outcome: 'ok' })).code).toBe(
      'action-not-pending',
    );
  });

  it('refuses every event once the instance has ended', async () => {
    const d = await InstanceDriver.start(def);
    await d.send({ type: 'cancel' });
    expect((await refused(d, { type: 'cancel' })).code).toBe('instance-not-active');
    expect((await refused(d, { type: 'task.complete', taskKey: 't#1' })).code).toBe('instance-not-active');
  });

  it('lets the last two approvals of an all step both count, advancing exactly once', async () => {
    const d = await InstanceDriver.start(def);
    await d.decide('a', 'approved', 'ann', 2);
    await d.decide('a', 'approved', 'bob', 2);
    expect(d.active).toEqual(['t', 'join']);
    expect(d.effectsOf('task.close').filter((e) => e.nodeId === 'a')).toHaveLength(1);
  });

  it("leaves the caller's snapshot and fields untouched", async () => {
    const d = await InstanceDriver.start(def, { amount: 1 });
    const snapshot = JSON.parse(JSON.stringify(d.snapshot));
    const fields = { amount: 1 };
    const { step } = await import('./run-instance.js');
    await step(
      d.compiled,
      snapshot,
      { type: 'task.complete', taskKey: 't#1', outcome: 'done', fields: { amount: 2 } },
      fields,
    );
    expect(snapshot).toEqual(d.snapshot);
    expect(fields).toEqual({ amount: 1 });
  });

  it('can still cancel an instance that is stuck in an incident', async () => {
    const d = await InstanceDriver.start(def);
    await d.send({ type: 'action.result', actionKey: 'x', outcome: 'ok' }).catch(() => undefined);
    const stuck = { ...d.snapshot, status: 'incident' as const };
    d.snapshot = stuck;
    await d.send({ type: 'cancel' });
    expect(d.status).toBe('cancelled');
    expect(d.lastEffects.filter((e) => e.type === 'task.close')).toHaveLength(2);
  });
});

describe('the kind of each refusal', () => {
  it('is declared with the code, so no caller keeps a list', () => {
    for (const [code, { kind, status }] of Object.entries(RUNTIME_ERRORS)) {
      const error = new RuntimeError(code as RuntimeErrorCode, 'x');
      expect(error.kind, code).toBe(kind);
      expect(error.status, code).toBe(status);
      expect(isKindedError(error), code).toBe(true);
    }
  });

  it('makes a corrupt snapshot unexpected and a requester deciding their own approval forbidden', () => {
    expect(new RuntimeError('invalid-snapshot', 'x')).toMatchObject({ kind: 'unexpected', status: 500 });
    expect(new RuntimeError('requester-not-allowed', 'x')).toMatchObject({ kind: 'user', status: 403 });
    expect(new RuntimeError('already-decided', 'x')).toMatchObject({ kind: 'user', status: 409 });
  });
});
