import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

/** Calls the real API as a demo user. */
function apiAs(baseUrl: string) {
  const tokens = new Map<string, string>();
  async function token(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    const { accessToken } = (await response.json()) as { accessToken: string };
    tokens.set(username, accessToken);
    return accessToken;
  }
  return async function call<T>(
    username: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(username)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV and other text stay text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
}

interface Task {
  id: string;
  ticketId: string;
  nodeId: string;
}

/**
 * The reports page against the real API: a few refund tickets are created and
 * decided through the API (reviewed, approved, rejected, left waiting), then a
 * manager opens Reports in Chromium and sees the figures, the charts and the
 * heatmap over the refund diagram.
 */
describe.runIf(hasChromium || process.env.CI)('Reports in Chromium against the real API', () => {
  let server: RunningServer;
  let browser: Browser;
  let call: ReturnType<typeof apiAs>;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    call = apiAs(server.baseUrl);
    const amounts = [6200, 7400, 9000, 5600, 1200, 800, 300, 8100];
    const tickets: string[] = [];
    for (const [index, refundAmount] of amounts.entries()) {
      // Requesters may not choose a priority on this workflow (issue 17): the high-priority ones come from staff (the process owner).
      const created = await call<{ id: string }>(
        index % 3 === 0 ? 'owner' : 'requester',
        'POST',
        '/tickets',
        {
          workflowKey: 'refund-approval',
          title: `Refund ${index + 1}`,
          fields: { refundAmount },
          priority: index % 3 === 0 ? 'high' : 'normal',
          channel: index % 2 ? 'email' : 'web',
        },
      );
      expect(created.status).toBe(201);
      tickets.push(created.body.id);
    }
    const taskOf = async (username: string, ticketId: string, nodeId: string) => {
      const inbox = await call<Task[]>(username, 'GET', '/tasks');
      const task = inbox.body.find((entry) => entry.ticketId === ticketId && entry.nodeId === nodeId);
      if (!task) throw new Error(`${username} has no ${nodeId} task for ${ticketId}`);
      return task;
    };
    // Review all but the last two (they stay waiting at review); the review requires the receipt.
    const receipts = apiClient(server.baseUrl);
    for (const ticketId of tickets.slice(0, 6)) {
      await receipts.attachReceipt(ticketId, 'agent');
      expect(
        (await call('agent', 'POST', `/tasks/${(await taskOf('agent', ticketId, 'review')).id}/complete`, {}))
          .status,
      ).toBe(200);
    }
    // Finance decides two of the large refunds (one approved, one rejected); the others wait there.
    expect(
      (
        await call(
          'finance1',
          'POST',
          `/tasks/${(await taskOf('finance1', tickets[0]!, 'finance')).id}/approve`,
          { comment: 'ok' },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          'finance1',
          'POST',
          `/tasks/${(await taskOf('finance1', tickets[1]!, 'finance')).id}/reject`,
          { comment: 'no receipt' },
        )
      ).status,
    ).toBe(200);
    // The manager approves one small refund.
    expect(
      (
        await call(
          'manager',
          'POST',
          `/tasks/${(await taskOf('manager', tickets[4]!, 'manager')).id}/approve`,
          {},
        )
      ).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers every report over the API, CSV included, for a BI tool', async () => {
    const summary = await call<{ created: number; completed: number; open: number }>(
      'manager',
      'GET',
      '/reports/summary?workflowKey=refund-approval',
    );
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ created: 8, completed: 3, open: 5 });
    const waiting = await call<{ nodeId: string; tickets: number }[]>(
      'manager',
      'GET',
      '/reports/waiting?workflowKey=refund-approval',
    );
    expect(Object.fromEntries(waiting.body.map((row) => [row.nodeId, row.tickets]))).toMatchObject({
      review: 2,
      finance: 2,
      manager: 1,
    });
    const csv = await call<string>(
      'manager',
      'GET',
      '/reports/node-times?workflowKey=refund-approval&format=csv',
    );
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="ticketflow-node-times-refund-approval-/,
    );
    expect(csv.body).toContain('nodeName');
    expect((await call('owner', 'GET', '/reports/summary')).status).toBe(403);
  });

  it('shows a manager the figures, the charts and the heatmap over the diagram', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'manager');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('page-reports').waitFor();
    await page.getByTestId('filter-workflow').selectOption('refund-approval');
    await expect.poll(() => page.getByTestId('kpi-created').textContent()).toContain('8');
    await expect.poll(() => page.getByTestId('kpi-open').textContent()).toContain('5');
    // The heatmap draws the refund flow with the Designer's nodes, each coloured.
    for (const nodeId of ['review', 'amount', 'finance', 'manager'])
      await page.getByTestId(`heat-${nodeId}`).waitFor();
    await expect.poll(() => page.locator('[data-testid^="heat-"] .wf-node').count()).toBe(7);
    await page.getByTestId('heat-metric-waiting').click();
    await expect
      .poll(() => page.getByTestId('heat-review').locator('.heat-node__badge').textContent())
      .toBe('2');
    await expect.poll(() => page.getByTestId('heat-legend').textContent()).toMatch(/waiting/i);
    await page.getByTestId('trend-chart').locator('.recharts-area').first().waitFor();
    await page.getByTestId('cycle-time-chart').locator('.recharts-bar-rectangle').first().waitFor();
    // Sortable tables: the node table sorts by visits when its header is clicked.
    await page.getByTestId('table-node-times-sort-visits').click();
    await expect
      .poll(() => page.getByTestId('table-node-times').locator('th[aria-sort="descending"]').textContent())
      .toMatch(/visits/i);
    // The CSV button downloads the server's file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-waiting').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^ticketflow-waiting-refund-approval-\d{4}-\d{2}-\d{2}\.csv$/,
    );

    await page.getByTestId('heat-metric-p50').click();
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.evaluate(() => document.querySelector('.app-body')?.scrollTo(0, 0));
    await page.mouse.move(1, 1); // no chart tooltip left open in the picture
    await page.waitForTimeout(400);
    await keepScreenshot(page, 'reports');
    await context.close();
  });

  it('shows a process owner the heatmap but not the people reports', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'owner');
    await page.goto('/reports');
    await page.getByTestId('reports-limited').waitFor();
    await page.getByTestId('heat-review').waitFor();
    expect(await page.getByTestId('section-workload').count()).toBe(0);
    await context.close();
  });
});
