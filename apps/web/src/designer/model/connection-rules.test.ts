import { describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { validateDefinition } from '@ticketflow/definition';
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
    [{ source: 'done', target: 'review' }, 'edge-from-end'],
    [{ source: 'review', target: 'start', sourceHandle: 'completed' }, 'edge-into-start'],
    [{ source: 'finance', target: 'done', sourceHandle: 'maybe' }, 'unknown-outcome'],
    [{ source: 'finance', target: 'rejected', sourceHandle: 'approved' }, 'duplicate-outcome-edge'],
    [{ source: 'start', target: 'manager' }, 'plain-edge-count'],
    [{ source: 'amount', target: 'finance', sourceHandle: 'out' }, 'duplicate-edge'],
    [{ source: 'nope', target: 'done' }, 'dangling-edge'],
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

describe('one set of rules for the canvas and the validator', () => {
  it('refuses an edge out of an end with the code validation reports for it', () => {
    const def = refundApproval();
    const refused = canConnect(def, { source: 'done', target: 'review' });
    expect(refused).toEqual({ ok: false, reason: 'edge-from-end' });
    const drawn = { ...def, edges: [...def.edges, { id: 'x', source: 'done', target: 'review' }] };
    expect(validateDefinition(drawn).problems.map((p) => p.code)).toContain('edge-from-end');
  });
});
