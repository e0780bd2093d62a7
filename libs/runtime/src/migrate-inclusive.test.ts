import { describe, expect, it } from 'vitest';
import { compileDefinition } from '@ticketflow/compiler';
import { validateDefinition, type WorkflowDefinition } from '@ticketflow/definition';
import { isMigrationRefusal, migrateSnapshot } from './migrate-snapshot.js';
import { step } from './run-instance.js';
import { pendingWork } from './pending-work.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { SAMPLE_WORKFLOWS } from './testing/sample-workflows.js';

const inclusive = () => JSON.parse(JSON.stringify(SAMPLE_WORKFLOWS.inclusiveLoop)) as WorkflowDefinition;

describe('migrating a ticket inside an inclusive split', () => {
  it('the sample definitions are valid', () => {
    expect(validateDefinition(SAMPLE_WORKFLOWS.inclusiveLoop).problems).toEqual([]);
    expect(validateDefinition(SAMPLE_WORKFLOWS.implicitTermination).problems).toEqual([]);
  });

  it('keeps the skipped branches skipped, so the join still waits for the branches taken only', async () => {
    const d = await InstanceDriver.start(inclusive(), { amount: 9000 });
    expect(d.active).toEqual(['legal']);
    const next = inclusive();
    next.nodes = next.nodes.map((n) => (n.id === 'legal' ? { ...n, name: 'Legal review' } : n));
    const target = compileDefinition(next);
    const result = migrateSnapshot(d.compiled, target, d.snapshot);
    if (isMigrationRefusal(result)) throw new Error(result.refused);
    const [task] = pendingWork(result.snapshot).tasks;
    const after = await step(
      target,
      result.snapshot,
      { type: 'task.complete', taskKey: task!.taskKey, outcome: 'done' },
      { amount: 9000 },
    );
    expect(after.snapshot.activeNodes).toEqual(['after']);
  });

  it('refuses, with a reason, when the target turns the inclusive split into a parallel one', async () => {
    const d = await InstanceDriver.start(inclusive(), { amount: 9000 });
    const next = inclusive();
    next.nodes = next.nodes.map((n) => (n.id === 'notify' ? { id: 'notify', type: 'parallel' } : n));
    next.edges = next.edges.map(({ condition: _c, default: _d, ...e }) => e);
    const result = migrateSnapshot(d.compiled, compileDefinition(next), d.snapshot);
    expect(isMigrationRefusal(result) && result.code).toBe('node-type-changed');
  });
});
