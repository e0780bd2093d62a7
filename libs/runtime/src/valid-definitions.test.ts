import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDefinition } from '@ticketflow/compiler';
import {
  validateDefinition,
  type WorkflowDefinition,
  type WorkflowEdge,
  type WorkflowNode,
} from '@ticketflow/definition';
import { pendingWork } from './pending-work.js';
import { start, step } from './run-instance.js';
import { RuntimeError } from './runtime-error.js';
import type { RuntimeEvent } from './runtime.types.js';

const KINDS = [
  'task',
  'approval',
  'decision',
  'parallel',
  'inclusive',
  'join',
  'wait',
  'timer',
  'set',
  'join2of3',
] as const;

/** A random definition with the right exits per node type; often invalid, sometimes valid. */
const arbitraryDefinition = fc
  .record({
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 2, maxLength: 8 }),
    targets: fc.array(fc.nat(100), { minLength: 40, maxLength: 40 }),
  })
  .map(({ kinds, targets }): WorkflowDefinition => {
    const nodes: WorkflowNode[] = [{ id: 'start', type: 'start' }];
    kinds.forEach((kind, i) => {
      const id = `n${i}`;
      if (kind === 'task')
        nodes.push({ id, type: 'task', assignee: { role: 'agent' }, timeout: { after: 'PT1H' } });
      else if (kind === 'approval')
        nodes.push({ id, type: 'approval', approvers: { role: 'x' }, policy: { type: 'all' } });
      else if (kind === 'wait') nodes.push({ id, type: 'wait', message: 'm' });
      else if (kind === 'timer') nodes.push({ id, type: 'timer', after: 'PT1M' });
      else if (kind === 'set')
        nodes.push({ id, type: 'action', action: { type: 'set-fields', values: { amount: i } } });
      else if (kind === 'join2of3') nodes.push({ id, type: 'join', require: { count: 2 } });
      else nodes.push({ id, type: kind });
    });
    nodes.push({ id: 'done', type: 'end' }, { id: 'no', type: 'end', outcome: 'rejected' });
    let cursor = 0;
    // Mostly forward edges (to one of the next three nodes), sometimes anywhere: loops and joins.
    const next = (from: number) => {
      const roll = targets[cursor++ % targets.length] ?? 0;
      const pool = roll % 5 === 0 ? nodes.slice(1) : nodes.slice(from + 1, from + 4);
      return (pool[roll % Math.max(pool.length, 1)] ?? nodes[nodes.length - 2])!.id;
    };
    const edges: WorkflowEdge[] = [];
    let from = 0;
    const add = (source: string, extra: Partial<WorkflowEdge> = {}) =>
      edges.push({ id: `e${edges.length + 1}`, source, target: next(from), ...extra });
    for (const [index, n] of nodes.entries()) {
      from = index;
      if (n.type === 'start') add(n.id);
      if (n.type === 'task') {
        add(n.id, { on: 'completed' });
        add(n.id, { on: 'timeout' });
      }
      if (n.type === 'approval') {
        add(n.id, { on: 'approved' });
        add(n.id, { on: 'rejected' });
      }
      if (n.type === 'decision') {
        add(n.id, { condition: { all: [{ fact: 'amount', operator: 'greaterThan', value: 3 }] } });
        add(n.id, { default: true });
      }
      if (n.type === 'parallel') {
        add(n.id);
        add(n.id);
        if (cursor % 2) add(n.id);
      }
      if (n.type === 'inclusive') {
        add(n.id, { condition: { fact: 'amount', operator: 'greaterThan', value: 2 } });
        add(n.id, { condition: { fact: 'amount', operator: 'lessThan', value: 5 } });
        add(n.id, { default: true });
      }
      if (n.type === 'join' || n.type === 'timer') add(n.id);
      if (n.type === 'wait') add(n.id, { on: 'received' });
      if (n.type === 'action') add(n.id, { on: 'ok' });
    }
    return {
      schemaVersion: 1,
      key: 'random',
      name: 'Random',
      fields: [{ name: 'amount', type: 'number' }],
      nodes,
      edges,
    };
  });

function anyEvent(
  snapshot: Parameters<typeof pendingWork>[0],
  pick: number,
  serial: number,
): RuntimeEvent | null {
  const work = pendingWork(snapshot);
  const options: RuntimeEvent[] = [
    ...work.tasks.map((t): RuntimeEvent =>
      t.kind === 'task'
        ? { type: 'task.complete', taskKey: t.taskKey }
        : {
            type: 'approval.decide',
            taskKey: t.taskKey,
            decision: pick % 2 ? 'approved' : 'rejected',
            actor: { id: `u${serial}` },
            eligibleCount: 1,
          },
    ),
    ...work.timers.map((t): RuntimeEvent => ({ type: 'timer.fire', timerKey: t.timerKey })),
    ...work.messages.map((m): RuntimeEvent => ({ type: 'message.receive', message: m.message })),
  ];
  return options[pick % Math.max(options.length, 1)] ?? null;
}

describe('definitions the validator accepts', () => {
  it('always compile, and random runs never fail with anything but an incident', async () => {
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(
        arbitraryDefinition,
        fc.array(fc.nat(50), { maxLength: 12 }),
        fc.integer({ min: 0, max: 6 }),
        async (definition, picks, amount) => {
          const validation = validateDefinition(definition);
          if (!validation.valid) return;
          valid += 1;
          const compiled = compileDefinition(definition);
          let result = await start(compiled, { amount });
          for (const [serial, pick] of picks.entries()) {
            if (result.snapshot.status !== 'active') break;
            const event = anyEvent(result.snapshot, pick, serial);
            if (!event) break;
            try {
              result = await step(compiled, result.snapshot, event, result.fields);
            } catch (error) {
              expect(error).toBeInstanceOf(RuntimeError);
              throw error;
            }
            const ids = new Set(definition.nodes.map((n) => n.id));
            for (const id of result.snapshot.activeNodes) expect(ids.has(id)).toBe(true);
          }
        },
      ),
      { numRuns: 8000 },
    );
    expect(valid).toBeGreaterThan(20);
  }, 60_000);
});
