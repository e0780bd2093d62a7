import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

interface Draft {
  revision: number;
  definition: {
    edges: { id: string; condition?: { all: { fact: string; operator: string; value: number }[] } }[];
  };
}

/**
 * Issue 7 in Chromium: a process owner lowered the finance threshold of
 * refund-approval to 3,000 in a draft (through the API); the admin opens the
 * Versions page, reads the diff, previews the impact on the tickets created
 * first, publishes with a note and sees v2 in the list.
 */
describe.runIf(hasChromium || process.env.CI)('the Versions page in Chromium against the real API', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const rerouted: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    const api = apiClient(server.baseUrl);
    for (const amount of [4000, 4500, 6000, 1000]) {
      const ticket = await api.createTicket('requester', {
        workflowKey: 'refund-approval',
        title: `Refund ${amount}`,
        fields: { refundAmount: amount },
      });
      if (amount === 4000 || amount === 4500) rerouted.push(ticket.id);
      if (amount === 4000) {
        await api.attachReceipt(ticket.id, 'agent');
        await api.completeReview(ticket.id);
      }
    }
    const draft = await api.call<Draft>('owner', 'GET', '/workflows/refund-approval/draft');
    const definition = structuredClone(draft.definition);
    for (const edge of definition.edges)
      if (edge.id === 'e3' && edge.condition) edge.condition.all[0]!.value = 3000;
    await api.call('owner', 'PUT', '/workflows/refund-approval/draft', {
      definition,
      baseRevision: draft.revision,
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the workflow with v1 and the changed draft as a coloured diff with the change in words', async () => {
    await signIn(page, 'admin');
    await page.getByTestId('nav-versions').click();
    await page.getByTestId('versions-workflow-refund-approval').click();
    await expect.poll(() => page.getByTestId('version-row-1').textContent()).toContain('admin');
    await page.getByTestId('draft-diff').click();
    await expect
      .poll(() => page.getByTestId('diff-change').allTextContents())
      .toEqual([
        'Path “Refund amount? → Finance approval”: condition when Refund amount > 5,000 → when Refund amount > 3,000',
      ]);
    await expect
      .poll(() => page.locator('[data-testid="diff-diagram"] .react-flow__edge.diff-changed').count())
      .toBe(1);
    await keepScreenshot(page, 'versions-diff');
  });

  it('previews the impact: the tickets between 3,000 and 5,000 would now need finance approval', async () => {
    await page.getByTestId('impact-run').click();
    await expect
      .poll(() => page.getByTestId('impact-summary').textContent())
      .toMatch(/^2 of \d+ recent tickets of v1 would route differently\.$/);
    const group = page.getByTestId('impact-group').first();
    expect(await group.textContent()).toContain('would now go through Finance approval');
    for (const id of rerouted)
      expect(await page.getByTestId(`impact-ticket-${id}`).getAttribute('href')).toBe(`/tickets/${id}`);
    await keepScreenshot(page, 'versions-impact');
  });

  it('publishes the draft with a note and lists v2', async () => {
    await page.getByTestId('publish-note').fill('Finance approves refunds above 3,000');
    await page.getByTestId('publish-button').click();
    await expect.poll(() => page.getByTestId('publish-result').textContent()).toBe('Published as v2.');
    await expect
      .poll(() => page.getByTestId('version-note-2').textContent())
      .toBe('Finance approves refunds above 3,000');
    expect(await page.getByTestId('version-active-1').textContent()).toBe('4');
    expect(await page.getByTestId('version-active-2').textContent()).toBe('0');
    await keepScreenshot(page, 'versions-published');
  });

  it('migrates the running v1 tickets to v2 after a dry run, each with its verdict', async () => {
    await page.getByTestId('version-migrate-2').click();
    await expect
      .poll(() => page.getByTestId('migration-summary').textContent())
      .toBe('Dry run: 4 can move, 0 cannot.');
    expect(await page.getByTestId('mapping-review').inputValue()).toBe('review');
    expect(await page.getByTestId('mapping-manager').inputValue()).toBe('manager');
    await keepScreenshot(page, 'versions-migration-dry-run');
    await page.getByTestId('migration-execute').click();
    await expect
      .poll(() => page.getByTestId('migration-summary').textContent())
      .toBe('4 migrated, 0 refused, 0 failed.');
    await page.getByTestId('migration-close').click();
    await expect.poll(() => page.getByTestId('version-active-2').textContent()).toBe('4');
    expect(await page.getByTestId('version-active-1').textContent()).toBe('0');
  });
});
