import { describe, expect, it } from 'vitest';
import { compileDefinition } from '@ticketflow/compiler';
import { defineWorkflow, edge, node, task } from './testing/define-workflow.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { isMigrationRefusal, migrateSnapshot } from './migrate-snapshot.js';
import { pendingWork } from './pending-work.js';
import { simulate } from './simulate-workflow.js';

const fields = [
  { name: 'amount', type: 'number' as const },
  { name: 'approvedBy', type: 'string' as const },
];

/** start → mgr (sub-flow manager-approval) → done / refused / gone (cancelled) */
function parent(extra: Record<string, unknown> = {}, withCancelled = true) {
  return defineWorkflow(
    [
      node('start', 'start'),
      node('mgr', 'subflow', {
        workflowKey: 'manager-approval',
        input: { total: 'amount' },
        output: { approvedBy: 'decidedBy' },
        ...extra,
      }),
      task('book'),
      node('refused', 'end', { outcome: 'rejected' }),
      node('gone', 'end', { outcome: 'cancelled' }),
      node('done', 'end'),
    ],
    [
      edge('start', 'mgr'),
      edge('mgr', 'book', { on: 'approved' }),
      edge('mgr', 'refused', { on: 'rejected' }),
      ...(withCancelled ? [edge('mgr', 'gone', { on: 'cancelled' })] : []),
      ...(extra.timeout ? [edge('mgr', 'refused', { on: 'timeout' })] : []),
      edge('book', 'done', { on: 'completed' }),
    ],
    fields,
  );
}

const subflowKey = (driver: InstanceDriver) => pendingWork(driver.snapshot).subflows[0]?.subflowKey ?? '';

describe('workflow pattern subprocess: a sub-flow node calls another workflow', () => {
  it('asks for a child with the mapped input and waits for it', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 120 });
    expect(driver.snapshot.activeNodes).toEqual(['mgr']);
    expect(driver.lastEffects).toContainEqual({
      type: 'subflow.start',
      subflowKey: 'mgr#1',
      nodeId: 'mgr',
      workflowKey: 'manager-approval',
      input: { total: 120 },
    });
    expect(pendingWork(driver.snapshot).subflows).toEqual([
      { subflowKey: 'mgr#1', nodeId: 'mgr', workflowKey: 'manager-approval' },
    ]);
  });

  it('leaves by the child outcome approved and copies the mapped output into the parent', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 120 });
    await driver.send({
      type: 'subflow.end',
      subflowKey: subflowKey(driver),
      outcome: 'approved',
      fields: { decidedBy: 'maria', total: 999 },
    });
    expect(driver.snapshot.activeNodes).toEqual(['book']);
    expect(driver.fields).toEqual({ amount: 120, approvedBy: 'maria' });
    expect(pendingWork(driver.snapshot).subflows).toEqual([]);
  });

  it('leaves by rejected when the child was rejected', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 120 });
    await driver.send({ type: 'subflow.end', subflowKey: 'mgr#1', outcome: 'rejected', fields: {} });
    expect(driver.snapshot).toMatchObject({ status: 'completed', outcome: 'rejected' });
  });

  it('follows the cancelled edge when the child was cancelled on its own, without copying its fields', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 120 });
    await driver.send({
      type: 'subflow.end',
      subflowKey: 'mgr#1',
      outcome: 'cancelled',
      fields: { decidedBy: 'x' },
    });
    expect(driver.snapshot).toMatchObject({ status: 'completed', outcome: 'cancelled' });
    expect(driver.fields.approvedBy).toBeUndefined();
  });

  it('raises an incident when no edge follows the child outcome', async () => {
    const driver = await InstanceDriver.start(parent({}, false), { amount: 1 });
    await driver.send({ type: 'subflow.end', subflowKey: 'mgr#1', outcome: 'cancelled' });
    expect(driver.snapshot.status).toBe('incident');
    expect(driver.lastEffects).toContainEqual(
      expect.objectContaining({ type: 'incident.raise', code: 'no-edge-for-outcome', nodeId: 'mgr' }),
    );
  });

  it('refuses a second end of the same child', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 1 });
    await driver.send({ type: 'subflow.end', subflowKey: 'mgr#1', outcome: 'approved' });
    await expect(
      driver.send({ type: 'subflow.end', subflowKey: 'mgr#1', outcome: 'approved' }),
    ).rejects.toMatchObject({ code: 'subflow-not-active' });
  });

  it('cancels the child when the parent is cancelled mid-way', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 1 });
    await driver.send({ type: 'cancel', reason: 'trip called off' });
    expect(driver.snapshot.status).toBe('cancelled');
    expect(driver.lastEffects).toContainEqual({ type: 'subflow.cancel', subflowKey: 'mgr#1', nodeId: 'mgr' });
  });

  it('cancels the child when the node times out, and leaves by timeout', async () => {
    const driver = await InstanceDriver.start(parent({ timeout: { after: 'P3D' } }), { amount: 1 });
    await driver.fire('mgr');
    expect(driver.lastEffects).toContainEqual({ type: 'subflow.cancel', subflowKey: 'mgr#1', nodeId: 'mgr' });
    expect(driver.snapshot).toMatchObject({ status: 'completed', outcome: 'rejected' });
  });

  it('is simulated like a step whose outcome the user picks, with the child fields', async () => {
    const result = await simulate(parent(), { amount: 5 }, [
      { nodeId: 'mgr', outcome: 'approved', fields: { decidedBy: 'li' } },
      { nodeId: 'book', outcome: 'completed' },
    ]);
    expect(result).toMatchObject({ status: 'completed', path: ['start', 'mgr', 'book', 'done'] });
    expect(result.fields.approvedBy).toBe('li');
  });
});

describe('migrating an instance waiting for a child', () => {
  const from = compileDefinition(parent());

  it('keeps the child when the step moves to a sub-flow calling the same workflow', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 1 });
    const renamed = parent();
    renamed.nodes = renamed.nodes.map((n) => (n.id === 'mgr' ? { ...n, id: 'boss' } : n));
    renamed.edges = renamed.edges.map((e) => ({
      ...e,
      source: e.source === 'mgr' ? 'boss' : e.source,
      target: e.target === 'mgr' ? 'boss' : e.target,
    }));
    const moved = migrateSnapshot(from, compileDefinition(renamed), driver.snapshot, { mgr: 'boss' });
    if (isMigrationRefusal(moved)) throw new Error(moved.refused);
    expect(pendingWork(moved.snapshot).subflows).toEqual([
      { subflowKey: 'mgr#1', nodeId: 'boss', workflowKey: 'manager-approval' },
    ]);
  });

  it('refuses moving a running child to a sub-flow of another workflow', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 1 });
    const other = compileDefinition(parent({ workflowKey: 'director-approval' }));
    expect(migrateSnapshot(from, other, driver.snapshot)).toMatchObject({
      code: 'subflow-running',
      nodeId: 'mgr',
    });
  });

  it('refuses moving a running child to a step that is not a sub-flow', async () => {
    const driver = await InstanceDriver.start(parent(), { amount: 1 });
    const asTask = parent();
    asTask.nodes = asTask.nodes.map((n) =>
      n.id === 'mgr'
        ? ({
            id: 'mgr',
            type: 'task',
            assignee: { role: 'agent' },
            outcomes: ['approved', 'rejected', 'cancelled'],
          } as never)
        : n,
    );
    const refusal = migrateSnapshot(from, compileDefinition(asTask), driver.snapshot);
    expect(isMigrationRefusal(refusal)).toBe(true);
  });
});
