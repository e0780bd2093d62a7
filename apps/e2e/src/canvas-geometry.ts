import type { Page } from 'playwright-core';

export interface CanvasReport {
  nodes: number;
  edges: number;
  /** "edge e3 crosses node review" / "label e3 overlaps label e4" / "label e3 overlaps node x". */
  problems: string[];
  zoom: number;
  /** The smallest font size on a node, times the zoom: what the eye gets, in px. */
  smallestNodeText: number;
}

/**
 * Reads the drawn diagram back from the page: samples every edge path every 4 px
 * (in screen space, through the SVG's transform) and reports points inside a node
 * that is not the edge's own end, label boxes that overlap each other or a node,
 * and the smallest on-screen node text. Only what React Flow rendered is measured.
 */
export function measureCanvas(page: Page, root = '.react-flow'): Promise<CanvasReport> {
  return page
    .locator(root)
    .first()
    .evaluate((flow) => {
      const inset = (r: DOMRect, by: number) => ({
        left: r.left + by,
        right: r.right - by,
        top: r.top + by,
        bottom: r.bottom - by,
      });
      const nodes = [...flow.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({
        id: el.dataset.id ?? '',
        box: el.getBoundingClientRect(),
      }));
      const problems: string[] = [];
      const edges = [...flow.querySelectorAll<SVGGElement>('.react-flow__edge')];
      for (const g of edges) {
        const id = (g.getAttribute('data-testid') ?? '').replace('rf__edge-', '');
        const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
        const matrix = path?.getScreenCTM();
        if (!path || !matrix) continue;
        const length = path.getTotalLength();
        const hit = new Set<string>();
        for (let d = 0; d <= length; d += 4) {
          // The first and last 16 px leave and enter a handle on a node's border.
          if (d < 16 || length - d < 16) continue;
          const p = new DOMPoint(path.getPointAtLength(d).x, path.getPointAtLength(d).y).matrixTransform(
            matrix,
          );
          for (const node of nodes) {
            const b = inset(node.box, 2);
            if (p.x > b.left && p.x < b.right && p.y > b.top && p.y < b.bottom) hit.add(node.id);
          }
        }
        for (const nodeId of hit) problems.push(`edge ${id} crosses node ${nodeId}`);
      }
      const labels = [...flow.querySelectorAll<HTMLElement>('.wf-edge-label')].map((el) => ({
        id: (el.dataset.testid ?? '').replace('edge-label-', ''),
        box: el.getBoundingClientRect(),
      }));
      const overlap = (a: DOMRect, b: DOMRect) =>
        a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      labels.forEach((label, i) => {
        for (const other of labels.slice(i + 1))
          if (overlap(label.box, other.box)) problems.push(`label ${label.id} overlaps label ${other.id}`);
        for (const node of nodes)
          if (overlap(label.box, node.box)) problems.push(`label ${label.id} overlaps node ${node.id}`);
      });
      const viewport = flow.querySelector<HTMLElement>('.react-flow__viewport');
      const zoom = Number(/scale\(([\d.]+)\)/.exec(viewport?.style.transform ?? '')?.[1] ?? '1');
      let smallest = Infinity;
      for (const el of flow.querySelectorAll<HTMLElement>('.react-flow__node *')) {
        const hasText = [...el.childNodes].some(
          (c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim(),
        );
        if (hasText && el.getClientRects().length)
          smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
      }
      return { nodes: nodes.length, edges: edges.length, problems, zoom, smallestNodeText: smallest * zoom };
    });
}

/** The screen point halfway along an edge's drawn path (to drop a node onto it). */
export function edgeMidpoint(page: Page, edgeId: string): Promise<{ x: number; y: number }> {
  return page.locator(`[data-testid="rf__edge-${edgeId}"] path.react-flow__edge-path`).evaluate((el) => {
    const path = el as SVGPathElement;
    const at = path.getPointAtLength(path.getTotalLength() / 2);
    const p = new DOMPoint(at.x, at.y).matrixTransform(path.getScreenCTM()!);
    return { x: p.x, y: p.y };
  });
}
