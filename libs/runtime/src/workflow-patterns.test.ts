import { describe, expect, it } from 'vitest';
import { defineWorkflow, edge, node, task, approval } from './testing/define-workflow.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { pendingWork } from './pending-work.js';
import { SAMPLE_WORKFLOWS } from './testing/sample-workflows.js';

// Control-flow patterns after van der Aalst et al. (workflowpatterns.com).

const amountOver = (value: number) => ({ all: [{ fact: 'amount', operator: 'greaterThan', value }] });

describe('workflow patterns', () => {
  it('sequence: steps run one after another', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [node('start', 'start'), task('a'), task('b'), node('end', 'end')],
        [edge('start', 'a'), edge('a', 'b', { on: 'completed' }), edge('b', 'end', { on: 'completed' })],
      ),
    );
    expect(d.active).toEqual(['a']);
    await d.complete('a');
    expect(d.active).toEqual(['b']);
    await d.complete('b');
    expect(d.path).toEqual(['start', 'a', 'b', 'end']);
  });

  const splitJoin = (require?: number, branches = 2) =>
    defineWorkflow(
      [
        node('start', 'start'),
        node('split', 'parallel'),
        ...Array.from({ length: branches }, (_, i) => task(`t${i + 1}`)),
        node('join', 'join', require ? { require: { count: require } } : {}),
        task('after'),
        node('end', 'end'),
      ],
      [
        edge('start', 'split'),
        ...Array.from({ length: branches }, (_, i) => edge('split', `t${i + 1}`)),
        ...Array.from({ length: branches }, (_, i) => edge(`t${i + 1}`, 'join', { on: 'completed' })),
        edge('join', 'after'),
        edge('after', 'end', { on: 'completed' }),
      ],
    );

  it('parallel split: all branches start at once', async () => {
    const d = await InstanceDriver.start(splitJoin());
    expect(d.active).toEqual(['t1', 't2']);
    expect(d.effectsOf('task.create').map((e) => e.taskKey)).toEqual(['t1#1', 't2#1']);
    expect(d.transitions.filter((t) => t.from === 'split').map((t) => t.to)).toEqual(['t1', 't2']);
  });

  it('synchronization: the join waits for every branch', async () => {
    const d = await InstanceDriver.start(splitJoin());
    await d.complete('t2');
    expect(d.active).toEqual(['t1', 'join']);
    await d.complete('t1');
    expect(d.active).toEqual(['after']);
    expect(d.path.filter((id) => id === 'join')).toHaveLength(1);
  });

  it('partial join (2 of 3): continues after two branches and cancels the third', async () => {
    const d = await InstanceDriver.start(splitJoin(2, 3));
    await d.complete('t1');
    expect(d.active).toEqual(['join', 't2', 't3']);
    await d.complete('t3');
    expect(d.active).toEqual(['after']);
    expect(d.lastEffects).toContainEqual({
      type: 'task.close',
      taskKey: 't2#1',
      nodeId: 't2',
      status: 'cancelled',
    });
    expect(pendingWork(d.snapshot).tasks.map((t) => t.nodeId)).toEqual(['after']);
    expect(d.transitions.some((t) => t.from === 't2' && t.to === null)).toBe(true);
  });

  const choice = defineWorkflow(
    [
      node('start', 'start'),
      node('d', 'decision'),
      task('big'),
      task('small'),
      task('merge'),
      node('end', 'end'),
    ],
    [
      edge('start', 'd'),
      edge('d', 'big', { condition: amountOver(5000) }),
      edge('d', 'small', { default: true }),
      edge('big', 'merge', { on: 'completed' }),
      edge('small', 'merge', { on: 'completed' }),
      edge('merge', 'end', { on: 'completed' }),
    ],
  );

  it('exclusive choice: exactly one branch is taken, by condition', async () => {
    expect((await InstanceDriver.start(choice, { amount: 9000 })).active).toEqual(['big']);
    expect((await InstanceDriver.start(choice, { amount: 90 })).active).toEqual(['small']);
  });

  it('simple merge: either branch continues at the same step', async () => {
    for (const amount of [9000, 90]) {
      const d = await InstanceDriver.start(choice, { amount });
      await d.complete(amount > 5000 ? 'big' : 'small');
      expect(d.active).toEqual(['merge']);
    }
  });

  it('arbitrary cycles: a step is revisited with a new visit number', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [node('start', 'start'), task('work'), approval('check'), node('end', 'end')],
        [
          edge('start', 'work'),
          edge('work', 'check', { on: 'completed' }),
          edge('check', 'work', { on: 'rejected' }),
          edge('check', 'end', { on: 'approved' }),
        ],
      ),
    );
    await d.complete('work');
    await d.decide('check', 'rejected');
    expect(d.taskKey('work')).toBe('work#2');
    await d.complete('work');
    await d.decide('check', 'approved');
    expect(d.effectsOf('task.create').map((e) => e.taskKey)).toEqual([
      'work#1',
      'check#1',
      'work#2',
      'check#2',
    ]);
    expect(d.status).toBe('completed');
  });

  it('a task looping to itself gets a fresh task each time', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [node('start', 'start'), task('t', { outcomes: ['again', 'done'] }), node('end', 'end')],
        [edge('start', 't'), edge('t', 't', { on: 'again' }), edge('t', 'end', { on: 'done' })],
      ),
    );
    await d.complete('t', 'again');
    expect(d.lastEffects.map((e) => e.type)).toEqual(['task.close', 'task.create']);
    expect(d.taskKey('t')).toBe('t#2');
  });

  it('implicit termination: a split without a join completes when every branch has ended', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [
          node('start', 'start'),
          node('split', 'parallel'),
          task('a'),
          task('b'),
          node('endA', 'end', { outcome: 'a-done' }),
          node('endB', 'end', { outcome: 'b-done' }),
        ],
        [
          edge('start', 'split'),
          edge('split', 'a'),
          edge('split', 'b'),
          edge('a', 'endA', { on: 'completed' }),
          edge('b', 'endB', { on: 'completed' }),
        ],
      ),
    );
    await d.complete('b');
    expect(d.status).toBe('active');
    expect(d.active).toEqual(['a']);
    await d.complete('a');
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('a-done');
  });

  it('multiple instances with design-time knowledge: parallel approvers under policy all', async () => {
    const def = defineWorkflow(
      [
        node('start', 'start'),
        approval('board', { approvers: { users: ['ann', 'bob', 'cy'] }, policy: { type: 'all' } }),
        node('yes', 'end', { outcome: 'approved' }),
        node('no', 'end', { outcome: 'rejected' }),
      ],
      [
        edge('start', 'board'),
        edge('board', 'yes', { on: 'approved' }),
        edge('board', 'no', { on: 'rejected' }),
      ],
    );
    const d = await InstanceDriver.start(def);
    await d.decide('board', 'approved', 'ann', 3);
    await d.decide('board', 'approved', 'bob', 3);
    expect(d.status).toBe('active');
    await d.decide('board', 'approved', 'cy', 3);
    expect(d.snapshot.outcome).toBe('approved');
    const votes = d.transitions.filter((t) => t.detail?.kind === 'vote').map((t) => t.detail);
    expect(votes).toHaveLength(3);
    expect(votes[2]).toMatchObject({ actor: 'cy', approved: 3, rejected: 0 });

    const rejected = await InstanceDriver.start(def);
    await rejected.decide('board', 'approved', 'ann', 3);
    await rejected.decide('board', 'rejected', 'bob', 3);
    expect(rejected.snapshot.outcome).toBe('rejected');
  });

  const deferred = defineWorkflow(
    [
      node('start', 'start'),
      node('w', 'wait', { message: 'paid', timeout: { after: 'P7D' } }),
      node('ship', 'end', { outcome: 'shipped' }),
      node('drop', 'end', { outcome: 'expired' }),
    ],
    [edge('start', 'w'), edge('w', 'ship', { on: 'received' }), edge('w', 'drop', { on: 'timeout' })],
  );

  it('deferred choice: whichever comes first (message or timeout) decides', async () => {
    const paid = await InstanceDriver.start(deferred);
    await paid.send({ type: 'message.receive', message: 'paid' });
    expect(paid.snapshot.outcome).toBe('shipped');
    await expect(paid.send({ type: 'timer.fire', timerKey: 'w#1:timeout' })).rejects.toMatchObject({
      code: 'instance-not-active',
    });

    const late = await InstanceDriver.start(deferred);
    await late.fire('w');
    expect(late.snapshot.outcome).toBe('expired');
  });

  it('cancel activity: a timeout takes the flow out of a step and closes its task', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [
          node('start', 'start'),
          task('slow', { timeout: { after: 'PT1H' } }),
          task('escalated'),
          node('end', 'end'),
        ],
        [
          edge('start', 'slow'),
          edge('slow', 'end', { on: 'completed' }),
          edge('slow', 'escalated', { on: 'timeout' }),
          edge('escalated', 'end', { on: 'completed' }),
        ],
      ),
    );
    const key = d.taskKey('slow');
    await d.fire('slow');
    expect(d.active).toEqual(['escalated']);
    await expect(d.send({ type: 'task.complete', taskKey: key })).rejects.toMatchObject({
      code: 'task-not-open',
    });
  });

  it('cancel case: cancelling closes every open task and timer in every branch', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [
          node('start', 'start'),
          node('split', 'parallel'),
          task('a', { timeout: { after: 'PT1H' } }),
          node('w', 'wait', { message: 'm' }),
          node('join', 'join'),
          node('end', 'end'),
        ],
        [
          edge('start', 'split'),
          edge('split', 'a'),
          edge('split', 'w'),
          edge('a', 'join', { on: 'completed' }),
          edge('w', 'join', { on: 'received' }),
          edge('join', 'end'),
        ],
      ),
    );
    await d.send({ type: 'cancel', reason: 'customer withdrew' });
    expect(d.status).toBe('cancelled');
    expect(d.snapshot.outcome).toBe('cancelled');
    expect(d.active).toEqual([]);
    expect(d.lastEffects).toEqual([
      { type: 'task.close', taskKey: 'a#1', nodeId: 'a', status: 'cancelled' },
      { type: 'timer.cancel', timerKey: 'a#1:timeout', nodeId: 'a' },
    ]);
    expect(pendingWork(d.snapshot)).toEqual({
      tasks: [],
      timers: [],
      messages: [],
      actions: [],
      subflows: [],
    });
  });

  it('nested splits: an inner split joins inside a branch of the outer one', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [
          node('start', 'start'),
          node('outer', 'parallel'),
          node('inner', 'parallel'),
          task('a'),
          task('b'),
          node('innerJoin', 'join'),
          task('c'),
          node('outerJoin', 'join'),
          node('end', 'end'),
        ],
        [
          edge('start', 'outer'),
          edge('outer', 'inner'),
          edge('outer', 'c'),
          edge('inner', 'a'),
          edge('inner', 'b'),
          edge('a', 'innerJoin', { on: 'completed' }),
          edge('b', 'innerJoin', { on: 'completed' }),
          edge('innerJoin', 'outerJoin'),
          edge('c', 'outerJoin', { on: 'completed' }),
          edge('outerJoin', 'end'),
        ],
      ),
    );
    expect(d.active).toEqual(['a', 'b', 'c']);
    await d.complete('a');
    await d.complete('c');
    expect(d.status).toBe('active');
    await d.complete('b');
    expect(d.status).toBe('completed');
  });

  it('an end node inside a joined branch ends the whole instance and cancels the rest', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [
          node('start', 'start'),
          node('split', 'parallel'),
          approval('legal'),
          approval('finance'),
          node('join', 'join'),
          node('ok', 'end'),
          node('no', 'end', { outcome: 'rejected' }),
        ],
        [
          edge('start', 'split'),
          edge('split', 'legal'),
          edge('split', 'finance'),
          edge('legal', 'join', { on: 'approved' }),
          edge('legal', 'no', { on: 'rejected' }),
          edge('finance', 'join', { on: 'approved' }),
          edge('finance', 'no', { on: 'rejected' }),
          edge('join', 'ok'),
        ],
      ),
    );
    await d.decide('legal', 'rejected');
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('rejected');
    expect(d.lastEffects).toContainEqual({
      type: 'task.close',
      taskKey: 'finance#1',
      nodeId: 'finance',
      status: 'cancelled',
    });
  });

  it('loops back over a split: branches start again with fresh keys, decisions inside branches work', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [
          node('start', 'start'),
          node('split', 'parallel'),
          node('route', 'decision'),
          task('big'),
          task('small'),
          node('w', 'wait', { message: 'docs' }),
          node('join', 'join'),
          approval('check'),
          node('end', 'end'),
        ],
        [
          edge('start', 'split'),
          edge('split', 'route'),
          edge('split', 'w'),
          edge('route', 'big', { condition: amountOver(100) }),
          edge('route', 'small', { default: true }),
          edge('big', 'join', { on: 'completed' }),
          edge('small', 'join', { on: 'completed' }),
          edge('w', 'join', { on: 'received' }),
          edge('join', 'check'),
          edge('check', 'split', { on: 'rejected' }),
          edge('check', 'end', { on: 'approved' }),
        ],
      ),
      { amount: 500 },
    );
    expect(d.active).toEqual(['big', 'w']);
    await d.send({ type: 'message.receive', message: 'docs', payload: { amount: 5 } });
    await d.complete('big');
    await d.decide('check', 'rejected');
    expect(d.active).toEqual(['small', 'w']);
    expect(d.taskKey('small')).toBe('small#1');
    await d.complete('small');
    await d.send({ type: 'message.receive', message: 'docs' });
    expect(d.taskKey('check')).toBe('check#2');
    await d.decide('check', 'approved');
    expect(d.status).toBe('completed');
  });

  it('delivers one message to every branch waiting for it', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [
          node('start', 'start'),
          node('split', 'parallel'),
          node('w1', 'wait', { message: 'go' }),
          node('w2', 'wait', { message: 'go' }),
          node('join', 'join'),
          node('end', 'end'),
        ],
        [
          edge('start', 'split'),
          edge('split', 'w1'),
          edge('split', 'w2'),
          edge('w1', 'join', { on: 'received' }),
          edge('w2', 'join', { on: 'received' }),
          edge('join', 'end'),
        ],
      ),
    );
    await d.send({ type: 'message.receive', message: 'go' });
    expect(d.status).toBe('completed');
  });

  it('runs a step reached from two branches once per branch, each with its own task', async () => {
    const d = await InstanceDriver.start(SAMPLE_WORKFLOWS.sharedInBranches!);
    await d.complete('a', 'ok');
    await d.complete('b');
    expect(
      d
        .effectsOf('task.create')
        .filter((e) => e.nodeId === 'shared')
        .map((e) => e.taskKey),
    ).toEqual(['shared#1', 'shared#2']);
    expect(pendingWork(d.snapshot).timers.map((t) => t.timerKey)).toEqual([
      'shared#1:timeout',
      'shared#2:timeout',
    ]);
    await d.send({ type: 'task.complete', taskKey: 'shared#2' });
    expect(pendingWork(d.snapshot).tasks.map((t) => t.taskKey)).toEqual(['shared#1']);
    expect(pendingWork(d.snapshot).timers.map((t) => t.timerKey)).toEqual(['shared#1:timeout']);
    expect(d.active).toEqual(['shared', 'join']);
    await d.send({ type: 'timer.fire', timerKey: 'shared#1:timeout' });
    expect(d.status).toBe('completed');
  });

  it("a branch crossing into another branch's step gets its own copy of it", async () => {
    const d = await InstanceDriver.start(SAMPLE_WORKFLOWS.sharedInBranches!);
    await d.complete('a', 'cross');
    expect(pendingWork(d.snapshot).tasks.map((t) => t.taskKey)).toEqual(['b#1', 'b#2']);
    expect(d.active).toEqual(['b']);
  });

  it('an edge back to the split restarts every branch', async () => {
    const d = await InstanceDriver.start(SAMPLE_WORKFLOWS.restartSplit!);
    await d.complete('a', 'again');
    expect(pendingWork(d.snapshot).tasks.map((t) => t.taskKey)).toEqual(['a#2', 'b#2']);
    expect(d.effectsOf('task.close')).toContainEqual({
      type: 'task.close',
      taskKey: 'b#1',
      nodeId: 'b',
      status: 'cancelled',
    });
    await d.decide('b', 'rejected');
    expect(d.snapshot.outcome).toBe('stopped');
  });

  it('a branch that goes straight to an end ends the instance at once', async () => {
    const d = await InstanceDriver.start(
      defineWorkflow(
        [
          node('start', 'start'),
          node('split', 'parallel'),
          task('a'),
          node('join', 'join'),
          node('end', 'end'),
          node('x', 'end', { outcome: 'short' }),
        ],
        [
          edge('start', 'split'),
          edge('split', 'a'),
          edge('split', 'x'),
          edge('a', 'join', { on: 'completed' }),
          edge('join', 'end'),
        ],
      ),
    );
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('short');
    // The other branch was entered and left within the same step: no task was ever created.
    expect(d.effects).toEqual([{ type: 'instance.complete', outcome: 'short' }]);
  });
});
