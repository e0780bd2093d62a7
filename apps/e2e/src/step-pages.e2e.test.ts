import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

const cardFor = (page: Page, ticketId: string) =>
  page.locator(`[data-testid^="task-card-"][data-ticket-id="${ticketId}"]`);

/**
 * The pages issues 16 and 19 finished, in both languages and both widths:
 * the inbox's detail pane (path so far and comments, Chinese step names from
 * the template), the Users page with e-mail addresses, and the ticket page's
 * decision in Chinese. Screenshots are kept as artifacts.
 */
describe.runIf(hasChromium || process.env.CI)('inbox detail, users and the ticket page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  let ticketId = '';
  const contexts: BrowserContext[] = [];

  async function pageAs(username: string, viewport: 'desktop' | 'phone' = 'desktop'): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, viewport);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, username);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = apiClient(server.baseUrl);
    const ticket = await api.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Refund the broken kettle',
      fields: { refundAmount: 7400, channel: 'web' },
    });
    ticketId = ticket.id;
    const review = (await api.inbox('agent')).find((task) => task.ticketId === ticket.id);
    await api.attachReceipt(ticket.id, 'agent');
    await api.call('agent', 'POST', `/tasks/${review!.id}/complete`, { comment: 'Receipt checked.' });
    await api.call('agent', 'POST', `/tickets/${ticket.id}/comments`, { text: 'Customer called again.' });
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("opens the selected step's path and comments, in English and Chinese, on a desktop and a phone", async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await pageAs('finance1', viewport);
      await page.waitForURL('**/inbox');
      const card = cardFor(page, ticketId);
      await card.locator('.task-card__title').click();
      await expect
        .poll(() => card.getByTestId('task-path-line').textContent())
        .toBe('Agent review → Finance approval');
      await expect.poll(() => card.getByTestId('ticket-comment').count()).toBe(2);
      // The card's last comment is the one from before the step, not the later note.
      expect(await card.getByTestId('task-last-comment').textContent()).toContain('Receipt checked.');
      const suffix = viewport === 'phone' ? '-phone' : '';
      await keepScreenshot(page, `inbox-detail-en${suffix}`);
      await page.getByTestId('language-switch').selectOption('zh-CN');
      await expect.poll(() => card.getByTestId('task-path-line').textContent()).toBe('客服审核 → 财务审批');
      expect(await card.getByTestId('task-value-refundAmount').textContent()).toContain('退款金额');
      expect(await card.locator('.task-card__title').textContent()).toContain('财务审批');
      await keepScreenshot(page, `inbox-detail-zh${suffix}`);
    }
  });

  it('shows the ticket page decision with Chinese step names', async () => {
    const page = await pageAs('finance1');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('ticket-decision').waitFor();
    await keepScreenshot(page, 'ticket-decision-en');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('ticket-decision').textContent()).toContain('财务审批');
    expect(await page.getByTestId('ticket-fields').textContent()).toContain('退款金额');
    await keepScreenshot(page, 'ticket-decision-zh');
  });

  it("lets an admin change a user's e-mail address", async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await pageAs('admin', viewport);
      await page.goto('/users');
      const row = page.getByTestId('user-row-finance1');
      await row.waitFor();
      const suffix = viewport === 'phone' ? '-phone' : '';
      if (viewport === 'desktop') {
        expect(await row.getByTestId('user-email-finance1').textContent()).toContain('finance1@example.test');
        await row.getByTestId('user-edit-email-finance1').click();
        // The browser accepts a host without a domain; the server does not.
        await row.getByTestId('email-input').fill('fei@localhost');
        await row.getByTestId('email-save').click();
        await page.getByTestId('users-error').waitFor();
        expect(await page.getByTestId('users-error').textContent()).toContain('e-mail');
        await row.getByTestId('email-input').fill('fei.finance@example.com');
        await row.getByTestId('email-save').click();
        await expect
          .poll(() => row.getByTestId('user-email-finance1').textContent())
          .toContain('fei.finance@example.com');
      }
      await keepScreenshot(page, `users-en${suffix}`);
      await page.getByTestId('language-switch').selectOption('zh-CN');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('用户');
      await keepScreenshot(page, `users-zh${suffix}`);
    }
  });

  it("offers the workflow's requester switches in the Designer's workflow properties", async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await pageAs('owner', viewport);
      await page.goto('/designer/refund-approval');
      await page.getByTestId('workflow-properties').waitFor();
      const conditions = page.getByTestId('prop-workflow-conditionsPublic');
      await conditions.check();
      expect(await conditions.isChecked()).toBe(true);
      const suffix = viewport === 'phone' ? '-phone' : '';
      await page.getByTestId('workflow-properties').scrollIntoViewIfNeeded();
      await keepScreenshot(page, `designer-workflow-props-en${suffix}`);
      await page.getByTestId('language-switch').selectOption('zh-CN');
      await expect
        .poll(() => page.getByTestId('workflow-properties').textContent())
        .toContain('提交人可查看分支条件和阈值');
      await keepScreenshot(page, `designer-workflow-props-zh${suffix}`);
    }
  });
});
