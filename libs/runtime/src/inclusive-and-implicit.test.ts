import { describe, expect, it } from 'vitest';
import { validateDefinition } from '@ticketflow/definition';
import { defineWorkflow, edge, node, task } from './testing/define-workflow.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { simulate } from './simulate-workflow.js';

// Multi-choice with its synchronising merge (WCP 6, 7) and implicit termination (WCP 11).

const fields = [
  { name: 'amount', type: 'number' as const },
  { name: 'flagged', type: 'boolean' as const },
];

/** "Notify legal if the amount is over 50,000 AND security if the customer is flagged", then a join. */
const notify = defineWorkflow(
  [
    node('start', 'start'),
    node('notify', 'inclusive'),
    task('legal', { outcomes: ['done', 'rework'] }),
    task('security'),
    task('log'),
    node('join', 'join'),
    task('close'),
    node('end', 'end'),
  ],
  [
    edge('start', 'notify'),
    edge('notify', 'legal', { condition: { fact: 'amount', operator: 'greaterThan', value: 50000 } }),
    edge('notify', 'security', { condition: { fact: 'flagged', operator: 'equal', value: true } }),
    edge('notify', 'log', { default: true }),
    edge('legal', 'join', { on: 'done' }),
    // The legal branch loops back on itself until legal is done.
    edge('legal', 'legal', { on: 'rework' }),
    edge('security', 'join', { on: 'completed' }),
    edge('log', 'join', { on: 'completed' }),
    edge('join', 'close'),
    edge('close', 'end', { on: 'completed' }),
  ],
  fields,
);

/** Two branches that end separately: one answers, one may time out. */
const implicit = defineWorkflow(
  [
    node('start', 'start'),
    node('split', 'parallel'),
    task('answer'),
    task('survey', { timeout: { after: 'P2D' } }),
    node('answered', 'end', { outcome: 'resolved' }),
    node('expired', 'end', { outcome: 'survey-expired' }),
    node('surveyed', 'end', { outcome: 'surveyed' }),
  ],
  [
    edge('start', 'split'),
    edge('split', 'answer'),
    edge('split', 'survey'),
    edge('answer', 'answered', { on: 'completed' }),
    edge('survey', 'surveyed', { on: 'completed' }),
    edge('survey', 'expired', { on: 'timeout' }),
  ],
  fields,
);

describe('inclusive split and synchronising join', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(notify).problems).toEqual([]);
  });

  it('starts every branch whose condition holds and records why', async () => {
    const d = await InstanceDriver.start(notify, { amount: 80000, flagged: true });
    expect(d.active).toEqual(['legal', 'security']);
    const taken = d.transitions.filter((t) => t.from === 'notify' && t.detail?.kind === 'condition');
    expect(taken.map((t) => t.to)).toEqual(['legal', 'security']);
    const skipped = d.transitions.find((t) => t.from === 'notify' && t.detail?.kind === 'note');
    expect(skipped?.detail).toMatchObject({ text: expect.stringContaining('"log" not taken') });
  });

  it('takes the default branch only when no condition holds', async () => {
    const d = await InstanceDriver.start(notify, { amount: 10, flagged: false });
    expect(d.active).toEqual(['log']);
    await d.complete('log');
    expect(d.active).toEqual(['close']);
  });

  it('waits at the join for exactly the branches taken, also after a branch that looped', async () => {
    const d = await InstanceDriver.start(notify, { amount: 80000, flagged: true });
    await d.complete('security');
    expect(d.active).toEqual(['legal', 'join']);
    await d.complete('legal', 'rework');
    await d.complete('legal', 'rework');
    expect(d.active).toEqual(['legal', 'join']);
    expect(
      d
        .effectsOf('task.create')
        .filter((e) => e.nodeId === 'legal')
        .map((e) => e.taskKey),
    ).toEqual(['legal#1', 'legal#2', 'legal#3']);
    await d.complete('legal', 'done');
    expect(d.active).toEqual(['close']);
    expect(d.path.filter((id) => id === 'join')).toHaveLength(1);
    await d.complete('close');
    expect(d.status).toBe('completed');
  });

  it('fires the join at once when only one branch is taken and it finishes', async () => {
    const d = await InstanceDriver.start(notify, { amount: 80000, flagged: false });
    expect(d.active).toEqual(['legal']);
    await d.complete('legal', 'done');
    expect(d.active).toEqual(['close']);
  });

  it('simulates the same way, showing the branches taken', async () => {
    const result = await simulate(notify, { amount: 60000, flagged: false }, [
      { nodeId: 'legal', outcome: 'done' },
      { nodeId: 'close', outcome: 'completed' },
    ]);
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['start', 'notify', 'legal', 'join', 'close', 'end']);
  });
});

describe('implicit termination', () => {
  it('is a valid definition: branches may end at their own ends', () => {
    expect(validateDefinition(implicit).problems).toEqual([]);
  });

  it('ends when the last branch ends, with that branch’s outcome, also when one branch timed out', async () => {
    const d = await InstanceDriver.start(implicit);
    expect(d.active).toEqual(['answer', 'survey']);
    await d.fire('survey');
    expect(d.status).toBe('active');
    expect(d.active).toEqual(['answer']);
    expect(d.lastEffects).toContainEqual({
      type: 'task.close',
      taskKey: 'survey#1',
      nodeId: 'survey',
      status: 'cancelled',
      outcome: 'timeout',
    });
    await d.complete('answer');
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('resolved');
    expect(d.lastEffects).toContainEqual({ type: 'instance.complete', outcome: 'resolved' });
  });

  it('takes the outcome of the branch that ended last', async () => {
    const d = await InstanceDriver.start(implicit);
    await d.complete('answer');
    expect(d.status).toBe('active');
    await d.fire('survey');
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('survey-expired');
  });

  it('lets the branches of an inclusive split end separately too', async () => {
    const separate = defineWorkflow(
      [
        node('start', 'start'),
        node('notify', 'inclusive'),
        task('legal'),
        task('security'),
        node('end', 'end'),
        node('noted', 'end', { outcome: 'noted' }),
      ],
      [
        edge('start', 'notify'),
        edge('notify', 'legal', { condition: { fact: 'amount', operator: 'greaterThan', value: 50000 } }),
        edge('notify', 'security', { default: true }),
        edge('legal', 'end', { on: 'completed' }),
        edge('security', 'noted', { on: 'completed' }),
      ],
      fields,
    );
    expect(validateDefinition(separate).problems).toEqual([]);
    const d = await InstanceDriver.start(separate, { amount: 90000 });
    expect(d.active).toEqual(['legal']);
    await d.complete('legal');
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('resolved');
  });
});

describe('inclusive join property', () => {
  it('fires once, right after the last branch taken arrives, in any order of completion', async () => {
    const { default: fc } = await import('fast-check');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 100000 }),
        fc.boolean(),
        fc.array(fc.nat(5), { maxLength: 8 }),
        async (amount, flagged, choices) => {
          const d = await InstanceDriver.start(notify, { amount, flagged });
          const taken = [amount > 50000 && 'legal', flagged && 'security'].filter(
            (id): id is string => typeof id === 'string',
          );
          const expected = taken.length > 0 ? taken : ['log'];
          expect(d.active).toEqual(expected);
          const left = [...expected];
          for (const choice of [...choices, 0, 0, 0]) {
            if (left.length === 0) break;
            const nodeId = left[choice % left.length] as string;
            const finishes = nodeId !== 'legal' || choice % 3 !== 1;
            await d.complete(nodeId, nodeId === 'legal' ? (finishes ? 'done' : 'rework') : undefined);
            if (finishes) left.splice(left.indexOf(nodeId), 1);
            expect(d.active.includes('close')).toBe(left.length === 0);
          }
          if (left.length === 0) expect(d.path.filter((id) => id === 'join')).toHaveLength(1);
        },
      ),
      { numRuns: 80 },
    );
  });
});
