import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { refundApproval } from '../../test/fixtures';
import { updateNode } from '../commands/node-commands';
import { fromFlow, NO_DECORATIONS, toFlowEdges, toFlowNodes } from './flow-adapter';

function roundTrip(def: WorkflowDefinition) {
  return fromFlow(def, toFlowNodes(def), toFlowEdges(def));
}

describe('flow adapter', () => {
  it('definition -> flow -> definition is lossless', () => {
    const def = refundApproval();
    expect(roundTrip(def)).toEqual(def);
  });

  it('is lossless for nodes without positions too', () => {
    const def = refundApproval();
    def.nodes = def.nodes.map(({ position: _p, ...n }) => n) as WorkflowDefinition['nodes'];
    const nodes = toFlowNodes(def);
    expect(nodes.every((n) => Number.isFinite(n.position.x))).toBe(true);
    expect(roundTrip(def)).toEqual(def);
  });

  it('takes moved positions back into the definition', () => {
    const def = refundApproval();
    const nodes = toFlowNodes(def).map((n) => (n.id === 'review' ? { ...n, position: { x: 5, y: 6 } } : n));
    expect(fromFlow(def, nodes, toFlowEdges(def)).nodes.find((n) => n.id === 'review')?.position).toEqual({
      x: 5,
      y: 6,
    });
  });

  it('maps outcomes to source handles and node types to node types', () => {
    const def = refundApproval();
    const edges = toFlowEdges(def);
    expect(edges.find((e) => e.id === 'e5')).toMatchObject({ sourceHandle: 'approved', targetHandle: 'in' });
    expect(edges.find((e) => e.id === 'e3')?.sourceHandle).toBe('out');
    expect(toFlowNodes(def).find((n) => n.id === 'finance')?.type).toBe('approval');
  });

  it('reuses unchanged nodes and edges and keeps measured sizes of changed ones', () => {
    const def = refundApproval();
    const first = toFlowNodes(def).map((n) => ({ ...n, measured: { width: 180, height: 60 } }));
    const review = def.nodes.find((n) => n.id === 'review')!;
    const next = updateNode(review, { ...review, name: 'Triage' }).do(def);
    const second = toFlowNodes(next, NO_DECORATIONS, new Map(first.map((n) => [n.id, n])));
    expect(second.find((n) => n.id === 'amount')).toBe(first.find((n) => n.id === 'amount'));
    const changed = second.find((n) => n.id === 'review')!;
    expect(changed).not.toBe(first.find((n) => n.id === 'review'));
    expect(changed.measured).toEqual({ width: 180, height: 60 });
    const edges = toFlowEdges(def);
    const redrawn = toFlowEdges(next, NO_DECORATIONS, new Map(edges.map((e) => [e.id, e])));
    const away = edges.findIndex((e) => e.source !== 'review' && e.target !== 'review');
    expect(redrawn[away]).toBe(edges[away]);
    // An edge of the renamed node is new: its accessible name (node names, any language) says "Triage".
    expect(redrawn.find((e) => e.target === 'review')?.ariaLabel).toBe('start → Triage');
  });

  it('marks invalid, selected and simulated elements', () => {
    const def = refundApproval();
    const deco = {
      ...NO_DECORATIONS,
      invalidNodes: new Set(['amount']),
      selectedNodes: new Set(['review']),
      activeNodes: new Set(['finance']),
      takenEdges: new Set(['e1']),
    };
    const nodes = toFlowNodes(def, deco);
    expect(nodes.find((n) => n.id === 'amount')?.data.invalid).toBe(true);
    expect(nodes.find((n) => n.id === 'review')?.selected).toBe(true);
    expect(nodes.find((n) => n.id === 'finance')?.data.sim).toBe('active');
    expect(toFlowEdges(def, deco).find((e) => e.id === 'e1')?.className).toContain('is-taken');
  });
});
