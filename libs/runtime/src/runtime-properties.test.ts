import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDefinition, type CompiledWorkflow } from '@ticketflow/compiler';
import type { FieldValues } from '@ticketflow/definition';
import type { InstanceSnapshot, RuntimeEvent } from './runtime.types.js';
import { activePaths } from './active-states.js';
import { pendingWork } from './pending-work.js';
import { start, step } from './run-instance.js';
import type { RuntimeBook } from './runtime-book.types.js';
import { defineWorkflow, edge, node } from './testing/define-workflow.js';
import { SAMPLE_WORKFLOWS } from './testing/sample-workflows.js';

/** Picks one event among what the instance waits for, steered by `choice`. */
function pickEvent(
  compiled: CompiledWorkflow,
  snapshot: InstanceSnapshot,
  choice: number,
  serial: number,
): RuntimeEvent | null {
  const work = pendingWork(snapshot);
  const options: RuntimeEvent[] = [];
  for (const task of work.tasks) {
    const info = compiled.nodes[task.nodeId]?.task;
    if (info?.kind === 'task')
      for (const outcome of info.outcomes)
        options.push({ type: 'task.complete', taskKey: task.taskKey, outcome });
    if (info?.kind === 'approval') {
      for (const decision of ['approved', 'rejected'] as const) {
        const actorRoles = [['finance'], ['legal'], ['finance', 'legal']][choice % 3];
        options.push({
          type: 'approval.decide',
          taskKey: task.taskKey,
          decision,
          actor: { id: `user-${serial}` },
          eligibleCount: 1 + (choice % 3),
          actorRoles,
          eligibleByRole: { finance: 3, legal: 2 },
        });
      }
    }
  }
  for (const timer of work.timers) options.push({ type: 'timer.fire', timerKey: timer.timerKey });
  for (const wait of work.messages)
    options.push({ type: 'message.receive', message: wait.message, payload: { reply: serial } });
  for (const subflow of work.subflows) {
    const outcomes = (compiled.nodes[subflow.nodeId]?.outgoing ?? [])
      .map((edge) => edge.on)
      .filter((on): on is string => on !== undefined && on !== 'timeout');
    for (const outcome of outcomes)
      options.push({
        type: 'subflow.end',
        subflowKey: subflow.subflowKey,
        outcome,
        fields: { total: serial },
      });
  }
  for (const action of work.actions) {
    options.push(
      { type: 'action.result', actionKey: action.actionKey, outcome: 'ok' },
      { type: 'action.result', actionKey: action.actionKey, outcome: 'failed' },
    );
  }
  if (options.length === 0) return null;
  if (choice % 17 === 0) return { type: 'cancel', reason: 'property test' };
  return options[choice % options.length] ?? null;
}

function checkInvariants(compiled: CompiledWorkflow, snapshot: InstanceSnapshot): void {
  const nodeIds = new Set(compiled.definition.nodes.map((n) => n.id));
  for (const id of snapshot.activeNodes) expect(nodeIds.has(id)).toBe(true);
  const value = (snapshot.machine as RuntimeBook & { xstate: { value: unknown } }).xstate.value;
  const known = new Set(
    Object.keys(compiled.placements).flatMap((path) =>
      path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  for (const path of activePaths(value)) expect(known.has(path)).toBe(true);
  const work = pendingWork(snapshot);
  const waitingAt = [...work.tasks, ...work.timers, ...work.messages, ...work.actions, ...work.subflows].map(
    (w) => w.nodeId,
  );
  for (const id of waitingAt) expect(snapshot.activeNodes).toContain(id);
  if (snapshot.status === 'completed' || snapshot.status === 'cancelled') {
    expect(snapshot.activeNodes).toEqual([]);
    expect(waitingAt).toEqual([]);
  }
  expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
}

describe('runtime properties', () => {
  for (const [name, definition] of Object.entries(SAMPLE_WORKFLOWS)) {
    it(`random valid event sequences keep "${name}" inside its definition`, async () => {
      const compiled = compileDefinition(definition);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.nat(1000), { maxLength: 25 }),
          fc.integer({ min: 0, max: 10000 }),
          async (choices, amount) => {
            const lineItems = Array.from({ length: amount % 4 }, (_, i) => ({ sku: `S${i}`, amount: i }));
            let fields: FieldValues = {
              refundAmount: amount,
              amount,
              lineItems,
              costCentreOwners: ['ann', 'bob'],
            };
            let result = await start(compiled, fields);
            checkInvariants(compiled, result.snapshot);
            // Every child asked for is waited for until it ends or is cancelled: none is left running unseen.
            const children = new Set<string>();
            const followChildren = (effects: typeof result.effects, ended?: string) => {
              if (ended) children.delete(ended);
              for (const effect of effects) {
                if (effect.type === 'subflow.start') children.add(effect.subflowKey);
                if (effect.type === 'subflow.cancel') children.delete(effect.subflowKey);
              }
              const waiting = pendingWork(result.snapshot).subflows.map((s) => s.subflowKey);
              expect([...children].sort()).toEqual(waiting.sort());
            };
            followChildren(result.effects);
            for (const [serial, choice] of choices.entries()) {
              if (result.snapshot.status !== 'active') break;
              const event = pickEvent(compiled, result.snapshot, choice, serial);
              if (!event) break;
              const restored = JSON.parse(JSON.stringify(result.snapshot)) as InstanceSnapshot;
              const next = await step(compiled, restored, event, fields);
              const again = await step(compiled, result.snapshot, event, fields);
              expect(JSON.stringify(again)).toBe(JSON.stringify(next));
              result = next;
              fields = next.fields;
              checkInvariants(compiled, result.snapshot);
              followChildren(next.effects, event.type === 'subflow.end' ? event.subflowKey : undefined);
              expect(result.effects.some((e) => e.type === 'incident.raise')).toBe(false);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('turns a loop that never waits into an incident instead of spinning', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 5, max: 200 }),
        async (length, bound) => {
          const actions = Array.from({ length }, (_, i) =>
            node(`set${i}`, 'action', { action: { type: 'set-fields', values: { [`f${i}`]: i } } }),
          );
          const definition = defineWorkflow(
            [node('start', 'start'), node('d', 'decision'), ...actions, node('end', 'end')],
            [
              edge('start', 'd'),
              edge('d', 'set0', {
                condition: { fact: 'amount', operator: 'greaterThanInclusive', value: 0 },
              }),
              edge('d', 'end', { default: true }),
              ...actions.map((a, i) => edge(a.id, i + 1 < length ? `set${i + 1}` : 'd', { on: 'ok' })),
            ],
          );
          const result = await start(compileDefinition(definition), { amount: 1 }, { maxAutoSteps: bound });
          expect(result.snapshot.status).toBe('incident');
          expect(result.effects.filter((e) => e.type === 'incident.raise')).toEqual([
            expect.objectContaining({ code: 'too-many-steps' }),
          ]);
          expect(result.transitions.filter((t) => t.event === 'auto').length).toBeLessThanOrEqual(bound + 1);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('uses a default bound of 1,000 automatic steps', async () => {
    const definition = defineWorkflow(
      [
        node('start', 'start'),
        node('d', 'decision'),
        node('set', 'action', { action: { type: 'set-fields', values: { x: 1 } } }),
        node('end', 'end'),
      ],
      [
        edge('start', 'd'),
        edge('d', 'set', { condition: { fact: 'amount', operator: 'equal', value: 1 } }),
        edge('d', 'end', { default: true }),
        edge('set', 'd', { on: 'ok' }),
      ],
    );
    const result = await start(compileDefinition(definition), { amount: 1 });
    expect(result.snapshot.status).toBe('incident');
    expect(result.effects.at(-1)).toMatchObject({ type: 'incident.raise', code: 'too-many-steps' });
  });
});
