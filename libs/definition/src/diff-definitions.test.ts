import { describe, expect, it } from 'vitest';
import { diffDefinitions } from './diff-definitions.js';
import { refundExample } from './testing/refund-example.js';

describe('diffDefinitions', () => {
  it('finds nothing between a definition and its copy with keys in another order and nodes moved', () => {
    const before = refundExample();
    const after = refundExample();
    after.nodes = after.nodes.map((node) => ({ position: { x: 5, y: 5 }, ...node }));
    const diff = diffDefinitions(before, after);
    expect(diff.identical).toBe(true);
    expect(diff.changes).toEqual([]);
  });

  it('reports a moved node when layout is asked for', () => {
    const after = refundExample();
    after.nodes[1] = { ...after.nodes[1]!, position: { x: 1, y: 2 } };
    const diff = diffDefinitions(refundExample(), after, { includeLayout: true });
    expect(diff.changes).toEqual([
      expect.objectContaining({ kind: 'node-changed', nodeId: 'review', property: 'position' }),
    ]);
  });

  it('reports a changed condition on an edge with its value before and after', () => {
    const after = refundExample();
    after.edges[2] = {
      ...after.edges[2]!,
      condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 3000 }] },
    };
    const diff = diffDefinitions(refundExample(), after);
    expect(diff.edges.changed.map((e) => e.id)).toEqual(['e3']);
    expect(diff.changes).toEqual([
      {
        kind: 'edge-changed',
        edgeId: 'e3',
        edge: after.edges[2],
        property: 'condition',
        before: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 5000 }] },
        after: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 3000 }] },
      },
    ]);
  });

  it('reports added and removed nodes and edges, and changed node properties', () => {
    const after = refundExample();
    after.nodes = after.nodes.filter((node) => node.id !== 'manager');
    after.nodes.push({ id: 'lead', type: 'approval', name: 'Team lead', approvers: { role: 'lead' } });
    after.edges = after.edges.filter((edge) => edge.target !== 'manager' && edge.source !== 'manager');
    after.edges.push(
      { id: 'e10', source: 'amount', target: 'lead', default: true },
      { id: 'e11', source: 'lead', target: 'done', on: 'approved' },
    );
    const finance = after.nodes.find((node) => node.id === 'finance');
    if (finance?.type === 'approval') finance.approvers = { role: 'controller' };
    const diff = diffDefinitions(refundExample(), after);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['lead']);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['manager']);
    expect(diff.nodes.changed).toEqual([
      expect.objectContaining({
        id: 'finance',
        changes: [{ property: 'approvers', before: { role: 'finance' }, after: { role: 'controller' } }],
      }),
    ]);
    expect(diff.edges.added.map((e) => e.id)).toEqual(['e10', 'e11']);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(['e4', 'e7', 'e8', 'e9']);
    expect(diff.identical).toBe(false);
  });

  it('reports fields by name and the workflow name', () => {
    const after = refundExample();
    after.name = 'Refunds';
    after.fields = [
      { ...after.fields[0]!, label: 'Amount' },
      { name: 'reason', type: 'text' },
    ];
    const kinds = diffDefinitions(refundExample(), after).changes.map((c) => c.kind);
    expect(kinds).toEqual(['workflow-changed', 'field-added', 'field-removed', 'field-changed']);
  });

  it('does not modify its inputs', () => {
    const before = refundExample();
    const after = refundExample();
    after.edges.pop();
    const copies = JSON.stringify([before, after]);
    diffDefinitions(before, after);
    expect(JSON.stringify([before, after])).toBe(copies);
  });
});
