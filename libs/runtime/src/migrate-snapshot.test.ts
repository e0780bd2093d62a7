import { describe, expect, it } from 'vitest';
import { compileDefinition } from '@ticketflow/compiler';
import type { WorkflowDefinition } from '@ticketflow/definition';
import {
  isMigrationRefusal,
  migrateSnapshot,
  type MigratedSnapshot,
  type MigrationRefusal,
} from './migrate-snapshot.js';
import { pendingWork } from './pending-work.js';
import { step } from './run-instance.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { approval, defineWorkflow, edge, node, task } from './testing/define-workflow.js';
import { SAMPLE_WORKFLOWS } from './testing/sample-workflows.js';

const refund = () => JSON.parse(JSON.stringify(SAMPLE_WORKFLOWS.refund)) as WorkflowDefinition;

function withThreshold(value: number): WorkflowDefinition {
  const definition = refund();
  definition.edges = definition.edges.map((e) =>
    e.id === 'e3'
      ? { ...e, condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value }] } }
      : e,
  );
  return definition;
}

function migrated(result: MigratedSnapshot | MigrationRefusal): MigratedSnapshot {
  if (isMigrationRefusal(result)) throw new Error(`refused: ${result.refused}`);
  return result;
}

/** A split into two tasks and a join, then `after` (or straight to the end). */
function splitJoin(
  options: { after?: boolean; require?: number; extraBranch?: boolean } = {},
): WorkflowDefinition {
  const nodes = [
    node('start', 'start'),
    node('split', 'parallel'),
    task('left'),
    task('right'),
    node('join', 'join', options.require ? { require: { count: options.require } } : {}),
    node('end', 'end'),
  ];
  const edges = [
    edge('start', 'split'),
    edge('split', 'left'),
    edge('split', 'right'),
    edge('left', 'join', { on: 'completed' }),
    edge('right', 'join', { on: 'completed' }),
  ];
  if (options.extraBranch) {
    nodes.push(task('third'));
    edges.push(edge('split', 'third'), edge('third', 'join', { on: 'completed' }));
  }
  if (options.after) {
    nodes.push(task('after'));
    edges.push(edge('join', 'after'), edge('after', 'end', { on: 'completed' }));
  } else edges.push(edge('join', 'end'));
  return defineWorkflow(nodes, edges);
}

describe('migrateSnapshot', () => {
  it('keeps a ticket at the same step with the same task key, and the target version routes it from there', async () => {
    const driver = await InstanceDriver.start(refund(), { refundAmount: 4000 });
    const to = compileDefinition(withThreshold(3000));
    const result = migrated(migrateSnapshot(driver.compiled, to, driver.snapshot));
    expect(result.snapshot.activeNodes).toEqual(['review']);
    expect(result.tasks).toEqual([
      expect.objectContaining({ fromKey: 'review#1', toKey: 'review#1', recreate: false }),
    ]);
    expect(result.effects).toEqual([]);
    const next = await step(
      to,
      result.snapshot,
      { type: 'task.complete', taskKey: 'review#1', actor: { id: 'agent' } },
      driver.fields,
    );
    expect(next.snapshot.activeNodes).toEqual(['finance']);
  });

  it('follows a mapping to a renamed step with new task and timer keys', async () => {
    const driver = await InstanceDriver.start(refund(), { refundAmount: 6000 });
    await driver.send({ type: 'task.complete', taskKey: 'review#1', actor: { id: 'agent' } });
    const target = refund();
    target.nodes = target.nodes.map((n) => (n.id === 'finance' ? { ...n, id: 'controller' } : n));
    target.edges = target.edges.map((e) => ({
      ...e,
      source: e.source === 'finance' ? 'controller' : e.source,
      target: e.target === 'finance' ? 'controller' : e.target,
    }));
    const to = compileDefinition(target);
    const result = migrated(migrateSnapshot(driver.compiled, to, driver.snapshot, { finance: 'controller' }));
    expect(result.snapshot.activeNodes).toEqual(['controller']);
    expect(result.tasks).toEqual([
      expect.objectContaining({
        fromKey: 'finance#1',
        toKey: 'controller#1',
        fromNode: 'finance',
        toNode: 'controller',
      }),
    ]);
    expect(result.timers).toEqual([
      {
        fromKey: 'finance#1:timeout',
        toKey: 'controller#1:timeout',
        fromNode: 'finance',
        toNode: 'controller',
      },
    ]);
    expect(pendingWork(result.snapshot).tasks).toEqual([
      { taskKey: 'controller#1', nodeId: 'controller', kind: 'approval' },
    ]);
    const next = await step(
      to,
      result.snapshot,
      {
        type: 'approval.decide',
        taskKey: 'controller#1',
        decision: 'approved',
        actor: { id: 'f1' },
        eligibleCount: 1,
      },
      driver.fields,
    );
    expect(next.snapshot).toMatchObject({ status: 'completed', outcome: 'resolved' });
  });

  it('refuses a ticket whose step no longer exists, naming the step', async () => {
    const driver = await InstanceDriver.start(refund(), { refundAmount: 6000 });
    const target = refund();
    target.nodes = target.nodes.filter((n) => n.id !== 'review');
    target.edges = target.edges
      .filter((e) => e.target !== 'review' && e.source !== 'review')
      .concat({ id: 'e0', source: 'start', target: 'amount' });
    const result = migrateSnapshot(driver.compiled, compileDefinition(target), driver.snapshot);
    expect(result).toEqual({
      code: 'node-missing',
      nodeId: 'review',
      refused: expect.stringContaining('“Agent review” no longer exists'),
    });
  });

  it('refuses a mapping onto a step of another type', async () => {
    const driver = await InstanceDriver.start(refund(), { refundAmount: 6000 });
    const result = migrateSnapshot(driver.compiled, compileDefinition(refund()), driver.snapshot, {
      review: 'manager',
    });
    expect(result).toMatchObject({
      code: 'node-type-changed',
      refused: expect.stringContaining('is a task, but the target step “Manager approval” is a approval'),
    });
  });

  it('closes and recreates a task whose approvers changed, and cancels a timeout the target dropped', async () => {
    const driver = await InstanceDriver.start(refund(), { refundAmount: 6000 });
    await driver.send({ type: 'task.complete', taskKey: 'review#1', actor: { id: 'agent' } });
    const target = refund();
    target.nodes = target.nodes.map((n) =>
      n.id === 'finance'
        ? { id: 'finance', type: 'approval', name: 'Finance', approvers: { role: 'controller' } }
        : n,
    );
    const result = migrated(migrateSnapshot(driver.compiled, compileDefinition(target), driver.snapshot));
    expect(result.tasks).toEqual([
      expect.objectContaining({ fromKey: 'finance#1', toKey: 'finance#2', recreate: true }),
    ]);
    expect(result.effects.map((e) => e.type)).toEqual(['task.close', 'task.create', 'timer.cancel']);
    expect(pendingWork(result.snapshot).timers).toEqual([]);
  });

  it('schedules a timeout the target added', async () => {
    const driver = await InstanceDriver.start(refund(), { refundAmount: 6000 });
    const target = refund();
    target.nodes = target.nodes.map((n) => (n.id === 'review' ? { ...n, timeout: { after: 'PT4H' } } : n));
    const result = migrated(migrateSnapshot(driver.compiled, compileDefinition(target), driver.snapshot));
    expect(result.effects).toEqual([
      {
        type: 'timer.schedule',
        timerKey: 'review#1:timeout',
        nodeId: 'review',
        purpose: 'timeout',
        after: 'PT4H',
        businessHours: false,
      },
    ]);
  });

  it('moves a ticket waiting at a join with its arrived branch, and the join still completes', async () => {
    const driver = await InstanceDriver.start(splitJoin());
    await driver.send({ type: 'task.complete', taskKey: driver.taskKey('left'), actor: { id: 'a' } });
    expect(driver.snapshot.activeNodes).toEqual(['join', 'right']);
    const to = compileDefinition(splitJoin({ after: true }));
    const result = migrated(migrateSnapshot(driver.compiled, to, driver.snapshot));
    expect(result.snapshot.activeNodes).toEqual(['join', 'right']);
    const next = await step(
      to,
      result.snapshot,
      { type: 'task.complete', taskKey: 'right#1', actor: { id: 'b' } },
      {},
    );
    expect(next.snapshot.activeNodes).toEqual(['after']);
  });

  it('refuses a ticket inside a split whose join now requires another count, or whose branches changed', async () => {
    const driver = await InstanceDriver.start(splitJoin());
    await driver.send({ type: 'task.complete', taskKey: driver.taskKey('left'), actor: { id: 'a' } });
    const joinChanged = migrateSnapshot(
      driver.compiled,
      compileDefinition(splitJoin({ require: 1 })),
      driver.snapshot,
    );
    expect(joinChanged).toMatchObject({
      code: 'join-changed',
      refused: expect.stringContaining('join changed'),
    });
    const branches = migrateSnapshot(
      driver.compiled,
      compileDefinition(splitJoin({ extraBranch: true })),
      driver.snapshot,
    );
    expect(branches).toMatchObject({ code: 'branches-changed', refused: expect.stringContaining('2 → 3') });
  });

  it('keeps a step that has a copy in each branch in the branch it was in', async () => {
    const definition = SAMPLE_WORKFLOWS.sharedInBranches!;
    const driver = await InstanceDriver.start(definition);
    await driver.send({
      type: 'task.complete',
      taskKey: driver.taskKey('a'),
      outcome: 'ok',
      actor: { id: 'x' },
    });
    const to = compileDefinition({ ...definition, name: 'Next' });
    const result = migrated(migrateSnapshot(driver.compiled, to, driver.snapshot));
    expect(result.snapshot.activeNodes.sort()).toEqual(['b', 'shared']);
    expect(result.moves.map((m) => [m.fromPath, m.toPath])).toEqual(
      result.moves.map((m) => [m.fromPath, m.fromPath]),
    );
    const next = await step(
      to,
      result.snapshot,
      {
        type: 'task.complete',
        taskKey: pendingWork(result.snapshot).tasks.find((t) => t.nodeId === 'b')!.taskKey,
        actor: { id: 'y' },
      },
      {},
    );
    expect(next.snapshot.activeNodes).toEqual(['shared']);
  });

  it('moves a ticket inside nested splits, arrived inner branch included', async () => {
    const nested = (after: boolean) =>
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
          ...(after ? [task('wrap')] : []),
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
          ...(after
            ? [edge('outerJoin', 'wrap'), edge('wrap', 'end', { on: 'completed' })]
            : [edge('outerJoin', 'end')]),
        ],
      );
    const driver = await InstanceDriver.start(nested(false));
    await driver.send({ type: 'task.complete', taskKey: driver.taskKey('a'), actor: { id: 'x' } });
    const to = compileDefinition(nested(true));
    const result = migrated(migrateSnapshot(driver.compiled, to, driver.snapshot));
    expect(result.snapshot.activeNodes.sort()).toEqual(['b', 'c', 'innerJoin']);
    let snapshot = result.snapshot;
    for (const nodeId of ['b', 'c']) {
      const taskKey = pendingWork(snapshot).tasks.find((t) => t.nodeId === nodeId)!.taskKey;
      snapshot = (await step(to, snapshot, { type: 'task.complete', taskKey, actor: { id: 'y' } }, {}))
        .snapshot;
    }
    expect(snapshot.activeNodes).toEqual(['wrap']);
  });

  it('refuses ended tickets and leaves its input untouched', async () => {
    const driver = await InstanceDriver.start(splitJoin());
    const copy = JSON.stringify(driver.snapshot);
    migrateSnapshot(driver.compiled, compileDefinition(splitJoin({ after: true })), driver.snapshot);
    expect(JSON.stringify(driver.snapshot)).toBe(copy);
    await driver.send({ type: 'cancel' });
    expect(migrateSnapshot(driver.compiled, driver.compiled, driver.snapshot)).toMatchObject({
      code: 'instance-ended',
    });
  });

  it('keeps votes on an approval that stays the same', async () => {
    const definition = defineWorkflow(
      [node('start', 'start'), approval('ok', { policy: { type: 'all' } }), node('end', 'end')],
      [edge('start', 'ok'), edge('ok', 'end', { on: 'approved' })],
    );
    const driver = await InstanceDriver.start(definition);
    await driver.send({
      type: 'approval.decide',
      taskKey: 'ok#1',
      decision: 'approved',
      actor: { id: 'ann' },
      eligibleCount: 2,
    });
    const target = { ...definition, name: 'Renamed' };
    const result = migrated(migrateSnapshot(driver.compiled, compileDefinition(target), driver.snapshot));
    const next = await step(
      compileDefinition(target),
      result.snapshot,
      {
        type: 'approval.decide',
        taskKey: 'ok#1',
        decision: 'approved',
        actor: { id: 'bob' },
        eligibleCount: 2,
      },
      {},
    );
    expect(next.snapshot.status).toBe('completed');
  });
});
