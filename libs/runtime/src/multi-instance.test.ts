import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDefinition } from '@ticketflow/compiler';
import { validateDefinition, type FieldDefinition, type WorkflowDefinition } from '@ticketflow/definition';
import { isMigrationRefusal, migrateSnapshot } from './migrate-snapshot.js';
import { pendingWork } from './pending-work.js';
import { simulate } from './simulate-workflow.js';
import { defineWorkflow, edge, node, task } from './testing/define-workflow.js';
import { InstanceDriver } from './testing/instance-driver.js';

// Multiple instances with run-time knowledge (WCP 14, 15): one approval per line item, approvers from a field.

const fields: FieldDefinition[] = [
  {
    name: 'lineItems',
    type: 'list',
    itemFields: [
      { name: 'sku', type: 'string' },
      { name: 'amount', type: 'number' },
    ],
  },
  { name: 'costCentreOwners', type: 'users' },
];

const perLine = (policy: Record<string, unknown> = { type: 'all' }): WorkflowDefinition =>
  defineWorkflow(
    [
      node('start', 'start'),
      node('lines', 'approval', { approvers: { field: 'costCentreOwners' }, forEach: 'lineItems', policy }),
      task('order'),
      node('end', 'end'),
      node('no', 'end', { outcome: 'rejected' }),
    ],
    [
      edge('start', 'lines'),
      edge('lines', 'order', { on: 'approved' }),
      edge('lines', 'no', { on: 'rejected' }),
      edge('order', 'end', { on: 'completed' }),
    ],
    fields,
  );

const items = [
  { sku: 'LAPTOP', amount: 1800 },
  { sku: 'DOCK', amount: 240 },
  { sku: 'CHAIR', amount: 600 },
];
const values = { lineItems: items, costCentreOwners: ['ann', 'bob'] };

describe('multi-instance approvals', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(perLine()).problems).toEqual([]);
  });

  it('opens one approval per line item, each seeing its item, with approvers read from the field', async () => {
    const d = await InstanceDriver.start(perLine(), values);
    const created = d.effectsOf('task.create');
    expect(created.map((e) => e.taskKey)).toEqual(['lines#1.1', 'lines#1.2', 'lines#1.3']);
    expect(created[1]).toMatchObject({
      kind: 'approval',
      approvers: { users: ['ann', 'bob'] },
      item: { index: 1, of: 3, value: { sku: 'DOCK', amount: 240 } },
    });
    expect(pendingWork(d.snapshot).tasks.map((t) => t.item)).toEqual([0, 1, 2]);
  });

  it('rejects the step when one item is rejected under "all", records each item’s outcome and cancels the rest', async () => {
    const d = await InstanceDriver.start(perLine(), values);
    await d.send({
      type: 'approval.decide',
      taskKey: 'lines#1.1',
      decision: 'approved',
      actor: { id: 'ann' },
      eligibleCount: 2,
    });
    expect(d.status).toBe('active');
    await d.send({
      type: 'approval.decide',
      taskKey: 'lines#1.2',
      decision: 'rejected',
      actor: { id: 'bob' },
      eligibleCount: 2,
      comment: 'Docks are stocked',
    });
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('rejected');
    expect(d.lastEffects).toContainEqual({
      type: 'task.close',
      taskKey: 'lines#1.2',
      nodeId: 'lines',
      status: 'completed',
      outcome: 'rejected',
    });
    expect(d.lastEffects).toContainEqual({
      type: 'task.close',
      taskKey: 'lines#1.3',
      nodeId: 'lines',
      status: 'cancelled',
    });
    const notes = d.transitions
      .filter((t) => t.from === 'lines' && t.detail?.kind === 'note')
      .map((t) => (t.detail as { text: string }).text);
    expect(notes).toEqual(expect.arrayContaining(['item 1 of 3: approved', 'item 2 of 3: rejected']));
    const book = d.snapshot.machine as {
      items: Record<string, { of: number; outcomes: Record<string, string> }>;
    };
    expect(book.items['lines#1']).toEqual({ of: 3, outcomes: { '0': 'approved', '1': 'rejected' } });
  });

  it('goes on when a quorum of items is approved, though one item was rejected', async () => {
    const d = await InstanceDriver.start(perLine({ type: 'quorum', count: 2 }), values);
    await d.send({
      type: 'approval.decide',
      taskKey: 'lines#1.2',
      decision: 'rejected',
      actor: { id: 'bob' },
      eligibleCount: 2,
    });
    await d.send({
      type: 'approval.decide',
      taskKey: 'lines#1.1',
      decision: 'approved',
      actor: { id: 'ann' },
      eligibleCount: 2,
    });
    expect(d.active).toEqual(['lines']);
    await d.send({
      type: 'approval.decide',
      taskKey: 'lines#1.3',
      decision: 'approved',
      actor: { id: 'bob' },
      eligibleCount: 2,
    });
    expect(d.active).toEqual(['order']);
  });

  it('refuses a second decision on the same item', async () => {
    const d = await InstanceDriver.start(perLine(), values);
    await d.send({
      type: 'approval.decide',
      taskKey: 'lines#1.1',
      decision: 'approved',
      actor: { id: 'ann' },
      eligibleCount: 2,
    });
    await expect(
      d.send({
        type: 'approval.decide',
        taskKey: 'lines#1.1',
        decision: 'rejected',
        actor: { id: 'bob' },
        eligibleCount: 2,
      }),
    ).rejects.toMatchObject({ code: 'task-not-open' });
  });

  it('leaves at once by approved when the list is empty, and raises an incident when the users field lists nobody', async () => {
    const empty = await InstanceDriver.start(perLine(), { lineItems: [], costCentreOwners: ['ann'] });
    expect(empty.active).toEqual(['order']);
    const nobody = await InstanceDriver.start(perLine(), { lineItems: items, costCentreOwners: [] });
    expect(nobody.status).toBe('incident');
    expect(nobody.effectsOf('incident.raise')[0]).toMatchObject({ code: 'no-approvers', nodeId: 'lines' });
  });

  it('runs a task once per item and completes under "any" with the first item done', async () => {
    const pick = defineWorkflow(
      [
        node('start', 'start'),
        task('check', { forEach: 'lineItems', policy: { type: 'any' }, outcomes: ['ok', 'broken'] }),
        node('end', 'end'),
      ],
      [edge('start', 'check'), edge('check', 'end', { on: 'ok' }), edge('check', 'end', { on: 'broken' })],
      fields,
    );
    expect(validateDefinition(pick).problems).toEqual([]);
    const d = await InstanceDriver.start(pick, values);
    await d.send({ type: 'task.complete', taskKey: 'check#1.3', outcome: 'broken', actor: { id: 'agent' } });
    expect(d.status).toBe('completed');
  });

  it('simulates per item', async () => {
    const result = await simulate(perLine(), values, [
      { nodeId: 'lines', outcome: 'approved', item: 3 },
      { nodeId: 'lines', outcome: 'approved' },
      { nodeId: 'lines', outcome: 'approved' },
      { nodeId: 'order', outcome: 'completed' },
    ]);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('completed');
  });

  it('migrates open items to the same step of a new version, and refuses a step that no longer runs per item', async () => {
    const d = await InstanceDriver.start(perLine(), values);
    await d.send({
      type: 'approval.decide',
      taskKey: 'lines#1.1',
      decision: 'approved',
      actor: { id: 'ann' },
      eligibleCount: 2,
    });
    const renamed = perLine();
    renamed.nodes = renamed.nodes.map((n) => (n.id === 'order' ? { ...n, name: 'Place the order' } : n));
    const moved = migrateSnapshot(d.compiled, compileDefinition(renamed), d.snapshot);
    if (isMigrationRefusal(moved)) throw new Error(moved.refused);
    expect(pendingWork(moved.snapshot).tasks.map((t) => t.taskKey)).toEqual(['lines#1.2', 'lines#1.3']);
    const single = perLine();
    single.nodes = single.nodes.map((n) =>
      n.id === 'lines' ? { id: 'lines', type: 'approval', approvers: { field: 'costCentreOwners' } } : n,
    );
    const refused = migrateSnapshot(d.compiled, compileDefinition(single), d.snapshot);
    expect(isMigrationRefusal(refused) && refused.code).toBe('multi-instance-running');
  });

  it('property: under "all" the step is approved exactly when every item is approved, decided as soon as one is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(20), { maxLength: 6 }),
        async (verdicts, order) => {
          const list = verdicts.map((_, i) => ({ sku: `S${i}`, amount: i }));
          const d = await InstanceDriver.start(perLine(), { lineItems: list, costCentreOwners: ['ann'] });
          const left = verdicts.map((_, i) => i);
          for (const pick of [...order, ...verdicts.map(() => 0)]) {
            if (d.status !== 'active' || !d.active.includes('lines') || left.length === 0) break;
            const index = left.splice(pick % left.length, 1)[0] as number;
            await d.send({
              type: 'approval.decide',
              taskKey: `lines#1.${index + 1}`,
              decision: verdicts[index] ? 'approved' : 'rejected',
              actor: { id: 'ann' },
              eligibleCount: 1,
            });
          }
          const allApproved = verdicts.every(Boolean);
          expect(d.active.includes('order')).toBe(allApproved);
          expect(d.status === 'completed' && d.snapshot.outcome === 'rejected').toBe(!allApproved);
          expect(pendingWork(d.snapshot).tasks.filter((t) => t.nodeId === 'lines')).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
