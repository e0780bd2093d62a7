import { describe, expect, it } from 'vitest';
import type { WorkflowEdge } from '@ticketflow/definition';
import { chooseBranch } from './choose-branch.js';

const gt = (value: number) => ({ all: [{ fact: 'amount', operator: 'greaterThan', value }] });
const fieldDefs = [{ name: 'amount', type: 'number' as const, label: 'Amount' }];

describe('chooseBranch', () => {
  const edges: WorkflowEdge[] = [
    { id: 'dflt', source: 'd', target: 'c', default: true },
    { id: 'big', source: 'd', target: 'a', condition: gt(5000), priority: 2 },
    { id: 'huge', source: 'd', target: 'b', condition: gt(10000), priority: 1 },
  ];

  it('tries condition edges in priority order and explains the choice', async () => {
    const choice = await chooseBranch(edges, { amount: 20000 }, fieldDefs);
    expect(choice?.edge.id).toBe('huge');
    expect(choice?.detail).toEqual({
      kind: 'condition',
      edgeId: 'huge',
      condition: gt(10000),
      text: 'Amount > 10,000',
      values: { amount: 20000 },
    });
  });

  it('takes the next matching edge', async () => {
    expect((await chooseBranch(edges, { amount: 6200 }, fieldDefs))?.edge.id).toBe('big');
  });

  it('falls back to the default edge', async () => {
    const choice = await chooseBranch(edges, { amount: 10 }, fieldDefs);
    expect(choice?.detail).toEqual({ kind: 'default', edgeId: 'dflt', text: 'otherwise' });
  });

  it('keeps array order for equal priorities', async () => {
    const tied: WorkflowEdge[] = [
      { id: 'first', source: 'd', target: 'a', condition: gt(1) },
      { id: 'second', source: 'd', target: 'b', condition: gt(1) },
    ];
    expect((await chooseBranch(tied, { amount: 5 }, fieldDefs))?.edge.id).toBe('first');
  });

  it('returns null when nothing matches and there is no default', async () => {
    expect(
      await chooseBranch([{ id: 'x', source: 'd', target: 'a', condition: gt(1) }], { amount: 0 }, fieldDefs),
    ).toBeNull();
  });
});
