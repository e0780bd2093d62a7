import { describe, expect, it } from 'vitest';
import { mergeTimerChanges, StepPlan } from './step-plan.js';

const task = (instanceId: string, taskKey: string) => ({
  id: `id-${taskKey}`,
  instanceId,
  ticketId: 't',
  taskKey,
  nodeId: taskKey.split('#')[0] as string,
  kind: 'task' as const,
  name: 'Review',
  candidateRole: 'agent',
  candidateUsers: [],
  assigneeId: null,
  policy: null,
  outcomes: ['completed'],
  form: null,
  allowRequester: true,
  dueAt: null,
  item: null,
});

describe('StepPlan', () => {
  it('renders a step as one statement whose check requires every instance update to match its seq', () => {
    const plan = new StepPlan();
    plan.updateInstance({
      id: 'i1',
      expectedSeq: 3,
      snapshot: {},
      status: 'active',
      activeNodes: ['a'],
      seq: 5,
    });
    plan.addTransitions([
      { instanceId: 'i1', seq: 4, event: 'auto', from: 'a', to: 'b', actorId: null, payload: null },
    ]);
    const { sql, values } = plan.render();
    expect(sql.match(/^WITH /)).toBeTruthy();
    expect(sql).toContain('(SELECT count(*) FROM w0) = 1 AS checked');
    expect(values).toContain('i1');
  });

  it('writes a task created and closed by the same step as one closed insert, not an insert and an update', () => {
    const plan = new StepPlan();
    plan.insertTask(task('i1', 'review#1'));
    plan.changeTask('i1', 'review#1', { close: { status: 'completed', outcome: 'completed' } });
    const { sql, values } = plan.render();
    expect(sql).not.toContain('UPDATE tasks');
    expect(values).toContain('completed');
  });

  it('changes many rows of one kind with one part, whatever the number of instances', () => {
    const plan = new StepPlan();
    for (let index = 0; index < 32; index += 1) {
      plan.updateInstance({
        id: `i${index}`,
        expectedSeq: 1,
        snapshot: {},
        status: 'active',
        activeNodes: [],
        seq: 2,
      });
      plan.changeTimer(`i${index}`, 'wait#1:timeout', { kind: 'fired' });
      plan.changeTask(`i${index}`, 'wait#1', { close: { status: 'cancelled', outcome: null } });
    }
    const { sql } = plan.render();
    expect(sql.match(/UPDATE instances/g)).toHaveLength(1);
    expect(sql.match(/UPDATE timers/g)).toHaveLength(1);
    expect(sql.match(/UPDATE tasks/g)).toHaveLength(1);
    expect(sql).toContain('(SELECT count(*) FROM w0) = 32 AS checked');
  });
});

describe('mergeTimerChanges', () => {
  it('keeps a fired timer fired when the step then cancels it, and re-arms one scheduled again', () => {
    expect(mergeTimerChanges([{ kind: 'fired' }, { kind: 'cancel' }])).toEqual({ kind: 'fired' });
    const due = new Date();
    expect(
      mergeTimerChanges([
        { kind: 'fired' },
        { kind: 'cancel' },
        { kind: 'schedule', nodeId: 'a', purpose: 'timeout', dueAt: due },
      ]),
    ).toMatchObject({ kind: 'schedule' });
    expect(
      mergeTimerChanges([
        { kind: 'schedule', nodeId: 'a', purpose: 'timeout', dueAt: due },
        { kind: 'cancel' },
      ]),
    ).toEqual({ kind: 'cancel' });
  });
});
