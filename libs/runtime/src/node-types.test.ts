import { describe, expect, it } from 'vitest';
import { defineWorkflow, edge, node, task, approval } from './testing/define-workflow.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { pendingWork } from './pending-work.js';

const linear = (middle: ReturnType<typeof node>, leave: Record<string, string>) =>
  defineWorkflow(
    [
      node('start', 'start'),
      middle,
      node('done', 'end', { outcome: 'resolved' }),
      node('other', 'end', { outcome: 'other' }),
    ],
    [
      edge('start', middle.id),
      ...Object.entries(leave).map(([on, target]) => edge(middle.id, target, on === '' ? {} : { on })),
    ],
  );

describe('start and end nodes', () => {
  it('runs straight from start to end and completes with the end outcome', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [node('start', 'start'), node('end', 'end', { outcome: 'closed' })],
        [edge('start', 'end')],
      ),
    );
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('closed');
    expect(d.effectsOf('instance.complete')).toEqual([{ type: 'instance.complete', outcome: 'closed' }]);
    expect(d.transitions.map((t) => [t.from, t.to])).toEqual([
      [null, 'start'],
      ['start', 'end'],
    ]);
  });

  it('defaults an end without outcome to resolved', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow([node('start', 'start'), node('end', 'end')], [edge('start', 'end')]),
    );
    expect(d.snapshot.outcome).toBe('resolved');
  });
});

describe('task node', () => {
  it('creates a task on entry and closes it with the chosen outcome', async () => {
    const def = linear(task('t', { outcomes: ['fixed', 'wontfix'], form: [{ field: 'note' }] }), {
      fixed: 'done',
      wontfix: 'other',
    });
    const d = await InstanceDriver.start(def);
    expect(d.effectsOf('task.create')[0]).toMatchObject({
      taskKey: 't#1',
      kind: 'task',
      name: 't',
      outcomes: ['fixed', 'wontfix'],
      form: [{ field: 'amount', mode: 'read', required: false }],
    });
    await d.complete('t', 'wontfix', { note: 'dup' });
    expect(d.effectsOf('task.close')).toEqual([
      { type: 'task.close', taskKey: 't#1', nodeId: 't', status: 'completed', outcome: 'wontfix' },
    ]);
    expect(d.fields.note).toBe('dup');
    expect(d.snapshot.outcome).toBe('other');
  });

  it('uses the first outcome when none is given', async () => {
    const d = await InstanceDriver.start(linear(task('t'), { completed: 'done' }));
    await d.complete('t');
    expect(d.snapshot.outcome).toBe('resolved');
  });

  it('leaves by the timeout edge when its timer fires, cancelling the task', async () => {
    const d = await InstanceDriver.start(
      linear(task('t', { timeout: { after: 'PT4H', businessHours: true } }), {
        completed: 'done',
        timeout: 'other',
      }),
    );
    expect(d.effectsOf('timer.schedule')).toEqual([
      {
        type: 'timer.schedule',
        timerKey: 't#1:timeout',
        nodeId: 't',
        purpose: 'timeout',
        after: 'PT4H',
        businessHours: true,
      },
    ]);
    await d.fire('t');
    expect(d.lastEffects).toContainEqual({
      type: 'task.close',
      taskKey: 't#1',
      nodeId: 't',
      status: 'cancelled',
      outcome: 'timeout',
    });
    expect(d.snapshot.outcome).toBe('other');
  });

  it('cancels the timeout timer when the task completes first', async () => {
    const d = await InstanceDriver.start(
      linear(task('t', { timeout: { after: 'PT4H' } }), { completed: 'done', timeout: 'other' }),
    );
    await d.complete('t');
    expect(d.lastEffects).toContainEqual({ type: 'timer.cancel', timerKey: 't#1:timeout', nodeId: 't' });
  });
});

describe('approval node', () => {
  it('emits an approval task with defaults (policy any, requester not allowed)', async () => {
    const d = await InstanceDriver.start(linear(approval('a'), { approved: 'done', rejected: 'other' }));
    expect(d.effectsOf('task.create')[0]).toEqual({
      type: 'task.create',
      taskKey: 'a#1',
      nodeId: 'a',
      kind: 'approval',
      name: 'a',
      approvers: { role: 'approvers' },
      policy: { type: 'any' },
      allowRequester: false,
      form: [{ field: 'amount', mode: 'read', required: false }],
    });
  });

  it('with policy any, the first decision decides and is recorded as a vote', async () => {
    const d = await InstanceDriver.start(linear(approval('a'), { approved: 'done', rejected: 'other' }));
    await d.decide('a', 'rejected', 'finance1', 2);
    expect(d.snapshot.outcome).toBe('other');
    expect(d.transitions.find((t) => t.detail?.kind === 'vote')?.detail).toEqual({
      kind: 'vote',
      decision: 'rejected',
      actor: 'finance1',
      approved: 0,
      rejected: 1,
    });
  });

  it('with autoDecision, a timeout decides instead of following a timeout edge', async () => {
    const d = await InstanceDriver.start(
      linear(approval('a', { timeout: { after: 'P1D', autoDecision: 'approved' } }), {
        approved: 'done',
        rejected: 'other',
      }),
    );
    await d.fire('a');
    expect(d.lastEffects).toContainEqual({
      type: 'task.close',
      taskKey: 'a#1',
      nodeId: 'a',
      status: 'completed',
      outcome: 'approved',
    });
    expect(d.snapshot.outcome).toBe('resolved');
  });

  it('without autoDecision, a timeout follows the timeout edge', async () => {
    const d = await InstanceDriver.start(
      linear(approval('a', { timeout: { after: 'P1D' } }), {
        approved: 'done',
        rejected: 'other',
        timeout: 'other',
      }),
    );
    await d.fire('a');
    expect(d.snapshot.outcome).toBe('other');
  });

  it('with a quorum, decides once enough approve and rejects once the quorum is out of reach', async () => {
    const def = linear(approval('a', { policy: { type: 'quorum', count: 2 } }), {
      approved: 'done',
      rejected: 'other',
    });
    const yes = await InstanceDriver.start(def);
    await yes.decide('a', 'approved', 'u1', 3);
    expect(yes.active).toEqual(['a']);
    await yes.decide('a', 'rejected', 'u2', 3);
    expect(yes.active).toEqual(['a']);
    await yes.decide('a', 'approved', 'u3', 3);
    expect(yes.snapshot.outcome).toBe('resolved');

    const no = await InstanceDriver.start(def);
    await no.decide('a', 'rejected', 'u1', 3);
    await no.decide('a', 'rejected', 'u2', 3);
    expect(no.snapshot.outcome).toBe('other');
  });

  it('with percent, needs that share of the eligible approvers', async () => {
    const d = await InstanceDriver.start(
      linear(approval('a', { policy: { type: 'percent', value: 50 } }), {
        approved: 'done',
        rejected: 'other',
      }),
    );
    await d.decide('a', 'approved', 'u1', 4);
    expect(d.status).toBe('active');
    await d.decide('a', 'approved', 'u2', 4);
    expect(d.snapshot.outcome).toBe('resolved');
  });
});

describe('decision node', () => {
  it('routes by condition and records the text and values used', async () => {
    const def = defineWorkflow(
      [
        node('start', 'start'),
        node('d', 'decision'),
        node('big', 'end', { outcome: 'big' }),
        node('small', 'end', { outcome: 'small' }),
      ],
      [
        edge('start', 'd'),
        edge('d', 'big', { condition: { all: [{ fact: 'amount', operator: 'greaterThan', value: 5000 }] } }),
        edge('d', 'small', { default: true }),
      ],
    );
    const big = await InstanceDriver.start(def, { amount: 6200 });
    expect(big.snapshot.outcome).toBe('big');
    expect(big.transitions[2]).toMatchObject({
      event: 'auto',
      from: 'd',
      to: 'big',
      detail: { kind: 'condition', edgeId: 'e2', text: 'Amount > 5,000', values: { amount: 6200 } },
    });
    const small = await InstanceDriver.start(def, { amount: 10 });
    expect(small.transitions[2]).toMatchObject({
      from: 'd',
      to: 'small',
      detail: { kind: 'default', edgeId: 'e3' },
    });
  });

  it('raises an incident when no condition holds and there is no default', async () => {
    const def = defineWorkflow(
      [node('start', 'start'), node('d', 'decision'), node('big', 'end')],
      [
        edge('start', 'd'),
        edge('d', 'big', { condition: { fact: 'amount', operator: 'greaterThan', value: 5 } }),
      ],
    );
    const d = await InstanceDriver.start(def, { amount: 1 });
    expect(d.status).toBe('incident');
    expect(d.effectsOf('incident.raise')[0]).toMatchObject({ code: 'no-branch-matched', nodeId: 'd' });
    expect(d.active).toEqual(['d']);
  });
});

describe('timer node', () => {
  it('schedules a relative timer and continues when it fires', async () => {
    const d = await InstanceDriver.start(linear(node('wait2d', 'timer', { after: 'P2D' }), { '': 'done' }));
    expect(d.effectsOf('timer.schedule')).toEqual([
      {
        type: 'timer.schedule',
        timerKey: 'wait2d#1:timer',
        nodeId: 'wait2d',
        purpose: 'timer',
        after: 'P2D',
        businessHours: false,
      },
    ]);
    expect(pendingWork(d.snapshot).timers).toEqual([
      { timerKey: 'wait2d#1:timer', nodeId: 'wait2d', purpose: 'timer' },
    ]);
    await d.fire('wait2d');
    expect(d.status).toBe('completed');
  });

  it('schedules an absolute timer from a date field', async () => {
    const d = await InstanceDriver.start(
      linear(node('until', 'timer', { until: 'dueDate' }), { '': 'done' }),
      { dueDate: '2030-01-02T03:04:05Z' },
    );
    expect(d.effectsOf('timer.schedule')[0]).toMatchObject({
      at: '2030-01-02T03:04:05.000Z',
      purpose: 'timer',
    });
  });

  it('raises an incident when the date field is empty', async () => {
    const d = await InstanceDriver.start(
      linear(node('until', 'timer', { until: 'dueDate' }), { '': 'done' }),
    );
    expect(d.effectsOf('incident.raise')[0]).toMatchObject({ code: 'invalid-timer-date' });
  });
});

describe('wait node', () => {
  const def = linear(node('w', 'wait', { message: 'customer-replied', timeout: { after: 'P3D' } }), {
    received: 'done',
    timeout: 'other',
  });

  it('continues on its message and merges the payload into the fields', async () => {
    const d = await InstanceDriver.start(def);
    expect(pendingWork(d.snapshot).messages).toEqual([{ nodeId: 'w', message: 'customer-replied' }]);
    await d.send({ type: 'message.receive', message: 'customer-replied', payload: { reply: 'ok' } });
    expect(d.fields.reply).toBe('ok');
    expect(d.snapshot.outcome).toBe('resolved');
    expect(d.lastEffects).toContainEqual({ type: 'timer.cancel', timerKey: 'w#1:timeout', nodeId: 'w' });
  });

  it('follows the timeout edge when the message does not come', async () => {
    const d = await InstanceDriver.start(def);
    await d.fire('w');
    expect(d.snapshot.outcome).toBe('other');
    expect(pendingWork(d.snapshot).messages).toEqual([]);
  });
});

describe('action node', () => {
  it('applies set-fields and continues without waiting', async () => {
    const d = await InstanceDriver.start(
      linear(node('set', 'action', { action: { type: 'set-fields', values: { priority: 'high' } } }), {
        ok: 'done',
      }),
      { amount: 1 },
    );
    expect(d.fields).toEqual({ amount: 1, priority: 'high' });
    expect(d.status).toBe('completed');
  });

  it('asks for an http call and waits for its result', async () => {
    const action = { type: 'http', method: 'POST', url: 'https://example.test/hook' };
    const d = await InstanceDriver.start(
      linear(node('call', 'action', { action }), { ok: 'done', failed: 'other' }),
    );
    expect(d.effectsOf('action.perform')).toEqual([
      { type: 'action.perform', actionKey: 'call#1', nodeId: 'call', action },
    ]);
    await d.actionResult('call', 'ok', { ticketNo: 42 });
    expect(d.fields.ticketNo).toBe(42);
    expect(d.snapshot.outcome).toBe('resolved');
  });

  it('follows the failed edge, or raises an incident without one', async () => {
    const notify = { type: 'notify', to: { requester: true }, template: 'hello' };
    const withEdge = await InstanceDriver.start(
      linear(node('n', 'action', { action: notify }), { ok: 'done', failed: 'other' }),
    );
    await withEdge.actionResult('n', 'failed');
    expect(withEdge.snapshot.outcome).toBe('other');
    const without = await InstanceDriver.start(
      linear(node('n', 'action', { action: notify }), { ok: 'done' }),
    );
    await without.send({ type: 'action.result', actionKey: 'n#1', outcome: 'failed', error: 'HTTP 500' });
    expect(without.status).toBe('incident');
    expect(without.effectsOf('incident.raise')[0]).toMatchObject({ code: 'action-failed', nodeId: 'n' });
  });
});
