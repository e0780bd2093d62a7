import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import {
  canvasEdgeIds,
  canvasNodeIds,
  connect,
  dropNode,
  eventually,
  problemCodes,
  selectEdge,
  selectNode,
} from './designer-canvas.js';
import { startServer, type RunningServer } from './server.js';

const KEY = 'refund-e2e';

interface SavedDraft {
  revision: number;
  definition: {
    name: string;
    fields: { name: string; type: string; required?: boolean; options?: string[] }[];
    nodes: { id: string; type: string; name?: string; [prop: string]: unknown }[];
    edges: {
      id: string;
      source: string;
      target: string;
      on?: string;
      default?: boolean;
      condition?: unknown;
    }[];
  };
}

/**
 * the refund flow of docs/architecture.md, drawn by hand in the Designer against the real API:
 * palette drops, handle-to-handle connections, the fields editor, the no-code
 * condition builder, live problems, save + reload, and the in-browser simulation.
 * The steps share one page and run in order; each `it` is one stage of the story.
 */
describe.runIf(hasChromium || process.env.CI)('the Designer in Chromium against the real API', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Node ids the Designer gave the dropped nodes, by their role in the refund flow. */
  const id: Record<'start' | 'review' | 'amount' | 'finance' | 'manager' | 'done' | 'rejected', string> = {
    start: '',
    review: '',
    amount: '',
    finance: '',
    manager: '',
    done: '',
    rejected: '',
  };
  const edge: Record<'toFinance' | 'toManager', string> = { toFinance: '', toManager: '' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });
  afterEach(async ({ task }) => {
    // The steps build on each other: show where a failed one left the page.
    if (task.result?.state === 'fail')
      await keepScreenshot(page, `designer-failed-${task.name.split(' ').slice(0, 3).join('-')}`);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  async function getAsOwner<T>(path: string): Promise<T> {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'demo' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await fetch(`${server.baseUrl}/api${path}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }
  const draftFromApi = () => getAsOwner<SavedDraft>(`/workflows/${KEY}/draft`);

  it('creates a workflow and empties its canvas', async () => {
    await signIn(page, 'owner');
    await page.goto('/designer');
    await page.getByTestId('new-workflow-name').fill('Refund (e2e)');
    await page.getByTestId('new-workflow-key').fill(KEY);
    await page.getByTestId('new-workflow-create').click();
    await page.waitForURL(`**/designer/${KEY}`);
    await eventually(() => canvasNodeIds(page)).toEqual(['start', 'end']);

    // A new workflow starts as start -> end; remove both to draw from nothing.
    for (const starter of ['start', 'end']) {
      await selectNode(page, starter);
      await page.keyboard.press('Delete');
    }
    await eventually(() => canvasNodeIds(page)).toEqual([]);
    expect(await canvasEdgeIds(page)).toEqual([]);
  });

  it('draws the refund flow from the palette, with properties set in the side panel', async () => {
    // Five columns do not fit at 100 %: zoom out twice (to about 70 %) first.
    await page.locator('.react-flow__controls-zoomout').click();
    await page.locator('.react-flow__controls-zoomout').click();
    await eventually(() =>
      page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform),
    ).toMatch(/scale\(0\.69/);

    // Columns left to right; the approvals and the ends on two rows.
    id.start = await dropNode(page, 'start', { x: 90, y: 310 });
    id.review = await dropNode(page, 'task', { x: 250, y: 310 });
    await page.getByTestId('prop-name').fill('Agent review');
    await page.getByTestId('prop-assignee-role').selectOption('agent');

    id.amount = await dropNode(page, 'decision', { x: 420, y: 310 });
    await page.getByTestId('prop-name').fill('Refund amount?');

    id.finance = await dropNode(page, 'approval', { x: 610, y: 190 });
    await page.getByTestId('prop-name').fill('Finance approval');
    await page.getByTestId('prop-approvers-role').selectOption('finance');
    await page.getByTestId('prop-policy-type').selectOption('any');
    await page.getByTestId('prop-timeout').fill('48 hours');
    await page.getByTestId('prop-timeout').press('Enter');
    // A timeout without an automatic decision adds a third way out.
    await page.getByTestId(`handle-${id.finance}-timeout`).waitFor();

    id.manager = await dropNode(page, 'approval', { x: 610, y: 430 });
    await page.getByTestId('prop-name').fill('Manager approval');
    await page.getByTestId('prop-approvers-role').selectOption('manager');

    id.done = await dropNode(page, 'end', { x: 820, y: 190 });
    await page.getByTestId('prop-name').fill('Done');
    await page.getByTestId('prop-end-outcome').fill('resolved');

    id.rejected = await dropNode(page, 'end', { x: 820, y: 430 });
    await page.getByTestId('prop-name').fill('Rejected');
    await page.getByTestId('prop-end-outcome').fill('rejected');

    expect(await canvasNodeIds(page)).toHaveLength(7);
    // Nothing is connected yet: the validator says so, live.
    await eventually(() => problemCodes(page)).toContain('no-way-out');
  });

  it('connects the nodes handle to handle and clears the problems as it goes', async () => {
    await connect(page, id.start, 'out', id.review);
    await connect(page, id.review, 'completed', id.amount);
    // The first branch of a decision becomes its default; the second needs a condition.
    edge.toFinance = await connect(page, id.amount, 'out', id.finance);
    edge.toManager = await connect(page, id.amount, 'out', id.manager);
    await connect(page, id.finance, 'approved', id.done);
    await connect(page, id.finance, 'rejected', id.rejected);
    await connect(page, id.finance, 'timeout', id.manager);
    await connect(page, id.manager, 'approved', id.done);
    await connect(page, id.manager, 'rejected', id.rejected);
    expect(await canvasEdgeIds(page)).toHaveLength(9);

    await eventually(() => problemCodes(page)).not.toContain('no-way-out');
    await eventually(() => problemCodes(page)).toContain('missing-condition');
  });

  it('declares the fields, builds refundAmount > 5000 without code and moves the default to the manager branch', async () => {
    await page.getByTestId('tab-fields').click();
    await page.getByTestId('field-add').click();
    await page.getByTestId('field-name-0').fill('refundAmount');
    await page.getByTestId('field-name-0').press('Enter');
    await page.getByTestId('field-label-0').fill('Refund amount');
    await page.getByTestId('field-type-0').selectOption('number');
    await page.getByTestId('field-required-0').check();
    await page.getByTestId('field-add').click();
    await page.getByTestId('field-name-1').fill('channel');
    await page.getByTestId('field-name-1').press('Enter');
    await page.getByTestId('field-type-1').selectOption('enum');
    for (const option of ['phone', 'web', 'wechat', 'email', 'app']) {
      await page.getByTestId('field-options-1-input').fill(option);
      await page.getByTestId('field-options-1-add').click();
    }
    await page.getByTestId('field-options-1-item-app').waitFor();

    // decision -> finance was the default; make it the condition branch.
    await selectEdge(page, edge.toFinance);
    await page.getByTestId('prop-edge-condition').check();
    // Now the decision has no default edge at all.
    await eventually(() => problemCodes(page)).toContain('missing-default-edge');

    await page.getByTestId('cond-add').click();
    const rule = page.getByTestId('cond-rule-0');
    await rule.getByTestId('cond-field').selectOption('refundAmount');
    await rule.getByTestId('cond-operator').selectOption('greaterThan');
    await rule.getByTestId('cond-value').fill('5000');
    await rule.getByTestId('cond-value').press('Enter');
    await eventually(() => page.getByTestId('cond-text').textContent()).toMatch(/5,?000/);

    await selectEdge(page, edge.toManager);
    await page.getByTestId('prop-edge-default').check();
    await eventually(() => problemCodes(page)).toEqual([]);
    await eventually(() => page.getByTestId('problems-summary').textContent()).toMatch(/none/i);
  });

  it('saves the draft and finds it intact after a reload, in the API and on the canvas', async () => {
    await page.getByTestId('save-draft').click();
    await eventually(() => page.getByTestId('draft-status').getAttribute('data-status')).toBe('saved');

    const saved = await draftFromApi();
    const { definition } = saved;
    expect(definition.name).toBe('Refund (e2e)');
    expect(definition.fields).toEqual([
      { name: 'refundAmount', label: 'Refund amount', type: 'number', required: true },
      { name: 'channel', type: 'enum', options: ['phone', 'web', 'wechat', 'email', 'app'] },
    ]);
    const byId = new Map(definition.nodes.map((n) => [n.id, n]));
    expect(byId.get(id.review)).toMatchObject({
      type: 'task',
      name: 'Agent review',
      assignee: { role: 'agent' },
    });
    expect(byId.get(id.amount)).toMatchObject({ type: 'decision', name: 'Refund amount?' });
    expect(byId.get(id.finance)).toMatchObject({
      type: 'approval',
      name: 'Finance approval',
      approvers: { role: 'finance' },
      policy: { type: 'any' },
      timeout: { after: 'PT48H' },
    });
    expect(byId.get(id.manager)).toMatchObject({
      type: 'approval',
      name: 'Manager approval',
      approvers: { role: 'manager' },
    });
    expect(byId.get(id.done)).toMatchObject({ type: 'end', outcome: 'resolved' });
    expect(byId.get(id.rejected)).toMatchObject({ type: 'end', outcome: 'rejected' });
    expect(definition.nodes.map((n) => n.type).sort()).toEqual([
      'approval',
      'approval',
      'decision',
      'end',
      'end',
      'start',
      'task',
    ]);

    const wiring = definition.edges
      .map((e) => `${e.source} -${e.on ?? (e.default ? 'default' : e.condition ? 'if' : '')}-> ${e.target}`)
      .sort();
    expect(wiring).toEqual(
      [
        `${id.start} --> ${id.review}`,
        `${id.review} -completed-> ${id.amount}`,
        `${id.amount} -if-> ${id.finance}`,
        `${id.amount} -default-> ${id.manager}`,
        `${id.finance} -approved-> ${id.done}`,
        `${id.finance} -rejected-> ${id.rejected}`,
        `${id.finance} -timeout-> ${id.manager}`,
        `${id.manager} -approved-> ${id.done}`,
        `${id.manager} -rejected-> ${id.rejected}`,
      ].sort(),
    );
    expect(definition.edges.find((e) => e.id === edge.toFinance)?.condition).toEqual({
      all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 5000 }],
    });

    await page.reload();
    await eventually(() => canvasNodeIds(page)).toEqual(definition.nodes.map((n) => n.id));
    await eventually(() => canvasEdgeIds(page)).toEqual(definition.edges.map((e) => e.id));
    await eventually(() => page.getByTestId(`node-${id.finance}`).textContent()).toContain(
      'Finance approval',
    );
    await eventually(() => page.getByTestId('draft-status').getAttribute('data-status')).not.toBe('unsaved');
    expect(await problemCodes(page)).toEqual([]);
    expect((await draftFromApi()).revision).toBe(saved.revision);

    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(400); // the fit animation takes 300 ms
    await keepScreenshot(page, 'designer-refund-hand-drawn');
  });

  it('simulates a 6,200 refund through finance approval to resolved', async () => {
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('sim-field-refundAmount').fill('6200');
    await page.getByTestId('sim-field-refundAmount').press('Enter');
    await page.getByTestId('sim-field-channel').selectOption('web');
    await page.getByTestId('simulate-start').click();

    await page.getByTestId(`sim-action-${id.review}-completed`).click();
    await page.getByTestId(`sim-action-${id.finance}-approved`).click();
    await eventually(() => page.getByTestId('sim-status').getAttribute('data-status')).toBe('completed');
    expect(await page.getByTestId('sim-status').textContent()).toContain('resolved');
    expect(await pathNodeIds(page)).toEqual([id.start, id.review, id.amount, id.finance, id.done]);
    expect(await page.getByTestId('sim-path').textContent()).toContain('Finance approval');
    expect(await page.getByTestId(`node-${id.finance}`).getAttribute('data-sim')).toBe('visited');
    await keepScreenshot(page, 'designer-simulation-finance');
  });

  it('simulates a 3,000 refund through manager approval', async () => {
    await page.getByTestId('sim-field-refundAmount').fill('3000');
    await page.getByTestId('sim-field-refundAmount').press('Enter');
    await page.getByTestId('simulate-start').click();
    await page.getByTestId(`sim-action-${id.review}-completed`).click();
    await page.getByTestId(`sim-action-${id.manager}-approved`).waitFor();
    expect(await page.getByTestId(`sim-action-${id.finance}-approved`).count()).toBe(0);
    await page.getByTestId(`sim-action-${id.manager}-approved`).click();
    await eventually(() => page.getByTestId('sim-status').getAttribute('data-status')).toBe('completed');
    expect(await pathNodeIds(page)).toEqual([id.start, id.review, id.amount, id.manager, id.done]);
    expect(await page.getByTestId('sim-log').textContent()).toMatch(/otherwise|default/i);
  });

  it('stops at a conflict when someone else saved meanwhile, names them, and loads their version on request', async () => {
    const other = await newContext(browser, server.baseUrl);
    const theirs = await other.newPage();
    await signIn(theirs, 'admin');
    await theirs.goto(`/designer/${KEY}`);
    await eventually(() => canvasNodeIds(theirs)).toHaveLength(7);
    await theirs.getByTestId('workflow-name').fill('Refund (edited by admin)');
    await theirs.getByTestId('save-draft').click();
    await eventually(() => theirs.getByTestId('draft-status').getAttribute('data-status')).toBe('saved');
    await other.close();

    // Our page still edits the revision it loaded.
    await page.getByTestId('workflow-name').fill('Refund (mine)');
    await page.getByTestId('save-draft').click();
    await page.getByTestId('conflict-dialog').waitFor();
    expect(await page.getByTestId('draft-status').getAttribute('data-status')).toBe('conflict');
    const { users } = await getAsOwner<{ users: { username: string; displayName?: string }[] }>('/directory');
    const admin = users.find((u) => u.username === 'admin')!;
    expect(await page.getByTestId('conflict-dialog').textContent()).toContain(
      admin.displayName ?? admin.username,
    );

    await page.getByTestId('conflict-reload').click();
    await eventually(() => page.getByTestId('conflict-dialog').count()).toBe(0);
    expect(await page.getByTestId('workflow-name').inputValue()).toBe('Refund (edited by admin)');
    expect((await draftFromApi()).definition.name).toBe('Refund (edited by admin)');
  });
});

function pathNodeIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('sim-path')
    .locator('li[data-node-id]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-node-id') ?? ''));
}
