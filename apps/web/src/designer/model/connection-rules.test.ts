import { describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { canConnect } from './connection-rules';

describe('canConnect', () => {
  const def = refundApproval();

  it('sets `on` from the outcome handle', () => {
    const def2 = { ...def, edges: def.edges.filter((e) => e.id !== 'e7') };
    const verdict = canConnect(def2, { source: 'finance', target: 'manager', sourceHandle: 'timeout' });
    expect(verdict).toMatchObject({
      ok: true,
      edge: { source: 'finance', target: 'manager', on: 'timeout' },
    });
  });

  it.each([
    [{ source: 'review', target: 'review', sourceHandle: 'completed' }, 'self-loop'],
    [{ source: 'done', target: 'review' }, 'from-end'],
    [{ source: 'review', target: 'start', sourceHandle: 'completed' }, 'into-start'],
    [{ source: 'finance', target: 'done', sourceHandle: 'maybe' }, 'unknown-exit'],
    [{ source: 'finance', target: 'rejected', sourceHandle: 'approved' }, 'exit-taken'],
    [{ source: 'start', target: 'manager' }, 'exit-taken'],
    [{ source: 'amount', target: 'finance', sourceHandle: 'out' }, 'duplicate'],
    [{ source: 'nope', target: 'done' }, 'unknown-node'],
  ])('refuses %j (%s)', (request, reason) => {
    expect(canConnect(def, request)).toEqual({ ok: false, reason });
  });

  it('lets a decision have many branches; not even the first becomes the default by accident', () => {
    expect(canConnect(def, { source: 'amount', target: 'done', sourceHandle: 'out' })).toMatchObject({
      ok: true,
      edge: { source: 'amount' },
    });
    const bare = { ...def, edges: def.edges.filter((e) => e.source !== 'amount') };
    const verdict = canConnect(bare, { source: 'amount', target: 'done', sourceHandle: 'out' });
    expect(verdict.ok && verdict.edge).toEqual({ id: expect.any(String), source: 'amount', target: 'done' });
  });

  it('gives new edges ids that are not taken', () => {
    const verdict = canConnect(def, { source: 'amount', target: 'done' });
    expect(verdict.ok && def.edges.some((e) => e.id === verdict.edge.id)).toBe(false);
  });
});
