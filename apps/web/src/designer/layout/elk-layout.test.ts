import { describe, expect, it } from 'vitest';
import type { Position, WorkflowDefinition } from '@ticketflow/definition';
import { validateDefinition } from '@ticketflow/definition';
import { refundApproval } from '../../test/fixtures';
import { defaultNodeSize, layoutFlow, type FlowLayout } from './elk-layout';
import { largeFlow } from './large-flow';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function nodeBoxes(def: WorkflowDefinition, layout: FlowLayout): Map<string, Box> {
  return new Map(def.nodes.map((n) => [n.id, { ...layout.positions.get(n.id)!, ...defaultNodeSize(n) }]));
}

/** True when the segment a-b passes through the inside of the box (touching its border does not count). */
function segmentEntersBox(a: Position, b: Position, box: Box): boolean {
  const inset = 1;
  const left = box.x + inset;
  const right = box.x + box.width - inset;
  const top = box.y + inset;
  const bottom = box.y + box.height - inset;
  if (a.y === b.y)
    return a.y > top && a.y < bottom && Math.max(a.x, b.x) > left && Math.min(a.x, b.x) < right;
  return a.x > left && a.x < right && Math.max(a.y, b.y) > top && Math.min(a.y, b.y) < bottom;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function problemsOf(def: WorkflowDefinition, layout: FlowLayout): string[] {
  const boxes = nodeBoxes(def, layout);
  const found: string[] = [];
  for (const [edgeId, route] of layout.routes) {
    route.points.slice(1).forEach((b, i) => {
      const a = route.points[i]!;
      if (a.x !== b.x && a.y !== b.y && Math.abs(a.x - b.x) > 0.5 && Math.abs(a.y - b.y) > 0.5)
        found.push(`${edgeId} has a diagonal leg`);
      for (const [nodeId, box] of boxes)
        if (segmentEntersBox(a, b, box)) found.push(`${edgeId} crosses ${nodeId}`);
    });
  }
  const labels = [...layout.routes].filter(([, r]) => r.label).map(([id, r]) => [id, r.label!] as const);
  labels.forEach(([id, box], i) => {
    for (const [other, otherBox] of labels.slice(i + 1))
      if (overlap(box, otherBox)) found.push(`label ${id} overlaps label ${other}`);
    for (const [nodeId, nodeBox] of boxes)
      if (overlap(box, nodeBox)) found.push(`label ${id} overlaps ${nodeId}`);
  });
  return found;
}

const labelSizes = (def: WorkflowDefinition) =>
  new Map(def.edges.filter((e) => !e.on).map((e) => [e.id, { width: 120, height: 22 }]));

// ELK is compiled Java: its first runs are slow in jsdom on a busy machine.
describe('layoutFlow', { timeout: 30_000 }, () => {
  it('places the refund flow left to right along its edges', async () => {
    const def = refundApproval();
    const { positions } = await layoutFlow(def);
    const x = (id: string) => positions.get(id)!.x;
    expect(x('start')).toBeLessThan(x('review'));
    expect(x('review')).toBeLessThan(x('amount'));
    expect(x('amount')).toBeLessThan(x('finance'));
    expect(x('manager')).toBeLessThan(x('done'));
  });

  it('routes every refund edge orthogonally around the nodes, with labels clear of nodes and each other', async () => {
    const def = refundApproval();
    const layout = await layoutFlow(def, new Map(), labelSizes(def));
    expect(layout.routes.size).toBe(def.edges.length);
    expect(problemsOf(def, layout)).toEqual([]);
  });

  it('starts each route at its exit handle and ends it at the input handle', async () => {
    const def = refundApproval();
    const layout = await layoutFlow(def);
    const finance = layout.positions.get('finance')!;
    const size = defaultNodeSize(def.nodes.find((n) => n.id === 'finance')!);
    // approved, rejected, timeout: the second of three exits is in the middle of the right side.
    const rejected = layout.routes.get('e6')!.points[0]!;
    expect(rejected.x).toBeCloseTo(finance.x + size.width, 0);
    expect(rejected.y).toBeCloseTo(finance.y + size.height / 2, 0);
    const into = layout.routes.get('e6')!.points.at(-1)!;
    const end = layout.positions.get('rejected')!;
    expect(into.x).toBeCloseTo(end.x, 0);
  });

  it('keeps a generated 50-node flow readable: no edge through a node, no overlapping labels, rows not one strip', async () => {
    const def = largeFlow(50);
    expect(def.nodes).toHaveLength(50);
    expect(validateDefinition(def).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const layout = await layoutFlow(def, new Map(), labelSizes(def));
    expect(problemsOf(def, layout)).toEqual([]);
    const boxes = [...nodeBoxes(def, layout).values()];
    const width = Math.max(...boxes.map((b) => b.x + b.width));
    const height = Math.max(...boxes.map((b) => b.y + b.height));
    expect(width / height).toBeLessThan(4);
  });
});
