import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Drives the Designer's React Flow canvas the way a person does: palette drops,
 * handle-to-handle drags, clicks on nodes and edge labels. Test ids are listed in
 * apps/web/README.md. Every helper waits for the state it caused.
 */

/** `expect.poll` with room for a busy machine (its default gives up after 1 s). */
export function eventually<T>(read: () => Promise<T> | T, message?: string) {
  return expect.poll(read, { timeout: 10_000, message });
}

/** Ids of the nodes on the canvas, in definition order. */
export function canvasNodeIds(page: Page): Promise<string[]> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
}

/** Ids of the edges on the canvas, in definition order. */
export function canvasEdgeIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="rf__edge-"]')
    .evaluateAll((edges) =>
      edges.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^rf__edge-/, '')),
    );
}

/** Codes of the problems the list shows (errors and warnings). */
export function problemCodes(page: Page): Promise<string[]> {
  return page
    .getByTestId('problems-list')
    .locator('[data-testid^="problem-"]')
    .evaluateAll((items) =>
      items.map((li) => (li.getAttribute('data-testid') ?? '').replace(/^problem-/, '')),
    );
}

/**
 * Drags a node type from the palette onto the canvas at `at` (pixels from the
 * canvas' top-left corner). Returns the id the Designer gave the new node, which
 * it selects, so the properties panel shows it.
 */
export async function dropNode(page: Page, type: string, at: { x: number; y: number }): Promise<string> {
  const before = await canvasNodeIds(page);
  // Playwright's HTML5 drag needs intermediate moves for dragover to fire (docs/stack.md).
  await page
    .getByTestId(`palette-${type}`)
    .dragTo(page.getByTestId('designer-canvas'), { targetPosition: at, steps: 10 });
  await eventually(() => canvasNodeIds(page)).toHaveLength(before.length + 1);
  const added = (await canvasNodeIds(page)).find((nodeId) => !before.includes(nodeId))!;
  await eventually(() => page.getByTestId('node-properties').getAttribute('data-node-id')).toBe(added);
  return added;
}

/** Clicks a node, which selects it and shows its properties. */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  await page.getByTestId(`node-${nodeId}`).click();
  await eventually(() => page.getByTestId('node-properties').getAttribute('data-node-id')).toBe(nodeId);
}

/** Clicks an edge's label (or, for an edge without one, its line), which selects it and shows its properties. */
export async function selectEdge(page: Page, edgeId: string): Promise<void> {
  const label = page.getByTestId(`edge-label-${edgeId}`);
  if (await label.count()) await label.click();
  else
    await page
      .locator(`[data-testid="rf__edge-${edgeId}"] .react-flow__edge-interaction`)
      .click({ force: true });
  await eventually(() => page.getByTestId('edge-properties').getAttribute('data-edge-id')).toBe(edgeId);
}

/**
 * Drags from a source handle (`exit`: `out` or an outcome such as `approved`) to
 * the target node's input handle with the mouse, as React Flow expects. Returns the
 * new edge's id.
 */
export async function connect(page: Page, source: string, exit: string, target: string): Promise<string> {
  const before = await canvasEdgeIds(page);
  const from = await centreOf(page, `handle-${source}-${exit}`);
  const to = await centreOf(page, `handle-${target}-in`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await eventually(() => canvasEdgeIds(page), `edge ${source}:${exit} -> ${target}`).toHaveLength(
    before.length + 1,
  );
  return (await canvasEdgeIds(page)).find((edgeId) => !before.includes(edgeId))!;
}

async function centreOf(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
