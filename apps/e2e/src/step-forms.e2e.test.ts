import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

const cardFor = (page: Page, ticketId: string) =>
  page.locator(`[data-testid^="task-card-"][data-ticket-id="${ticketId}"]`);

/**
 * Issue 16 in Chromium: finance1 lands in the inbox and sees the refund amount,
 * the requester and the agent's comment on the card, approves from the ticket
 * page after a confirmation; the requester lands on My tickets, reads public
 * comments only and is notified that the refund was resolved.
 */
describe.runIf(hasChromium || process.env.CI)('step forms and decisions in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
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
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('finance1 decides informed and confirms; the requester reads only what is public and is notified', async () => {
    const ticket = await api.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Refund the broken TV',
      fields: { refundAmount: 12000, channel: 'web' },
    });
    const review = (await api.inbox('agent')).find(
      (task) => task.ticketId === ticket.id && task.nodeId === 'review',
    );
    await api.call('agent', 'POST', `/tickets/${ticket.id}/comments`, {
      text: 'We are checking your refund with the shop.',
      visibility: 'public',
    });
    await api.attachReceipt(ticket.id, 'agent');
    await api.call('agent', 'POST', `/tasks/${review!.id}/complete`, {
      comment: 'Receipt checked; regular customer.',
    });

    // finance1 lands in the inbox; the card says what the decision is about.
    const finance1 = await pageAs('finance1');
    await finance1.waitForURL('**/inbox');
    const card = cardFor(finance1, ticket.id);
    await card.waitFor();
    expect(await card.getByTestId('task-value-refundAmount').textContent()).toContain('12,000');
    expect(await card.getByTestId('task-requester').textContent()).toContain('Rita Requester');
    expect(await card.getByTestId('task-last-comment').textContent()).toContain(
      'Receipt checked; regular customer.',
    );
    expect(await finance1.getByTestId('nav-designer').count()).toBe(0);
    await keepScreenshot(finance1, 'forms-inbox-en');

    // The ticket page offers the decision; approving asks first.
    await card.getByTestId('task-open-ticket').click();
    const decision = finance1.getByTestId('ticket-decision');
    await decision.waitFor();
    await decision.getByTestId('task-comment').fill('Your refund is on its way.');
    await decision.getByTestId('task-comment-public').check();
    await decision.getByTestId('task-approve').click();
    const confirm = finance1.getByTestId('confirm-dialog');
    await confirm.waitFor();
    expect(await confirm.getByTestId('confirm-value-refundAmount').textContent()).toContain('12,000');
    await keepScreenshot(finance1, 'forms-confirm-en');
    expect((await api.ticket('requester', ticket.id)).status).toBe('active');
    await confirm.getByTestId('confirm-ok').click();
    await expect.poll(async () => (await api.ticket('requester', ticket.id)).status).toBe('completed');
    await expect
      .poll(() => finance1.getByTestId('ticket-status').getAttribute('data-status'))
      .toBe('completed');

    // The requester lands on My tickets with "New request", and nothing staff-only in the navigation.
    const requester = await pageAs('requester');
    await requester.waitForURL('**/tickets');
    expect(await requester.getByTestId('tickets-title').textContent()).toBe('My tickets');
    expect(await requester.getByTestId('new-ticket').textContent()).toBe('New request');
    expect(await requester.locator('nav a').count()).toBe(1);
    await expect
      .poll(() => requester.getByTestId('ticket-list').textContent())
      .toContain('Refund the broken TV');
    await keepScreenshot(requester, 'forms-my-tickets-en');

    // Public comments only, no staff names; a notification that the refund was resolved.
    await requester.goto(`/tickets/${ticket.id}`);
    const comments = requester.getByTestId('ticket-comments');
    await expect.poll(() => comments.getByTestId('ticket-comment').count()).toBe(2);
    const text = await comments.textContent();
    expect(text).toContain('We are checking your refund with the shop.');
    expect(text).toContain('Your refund is on its way.');
    expect(text).not.toContain('Receipt checked');
    expect(await requester.locator('main').textContent()).not.toContain('finance1');
    await expect.poll(() => requester.getByTestId('notifications-count').textContent()).toMatch(/[1-9]/);
    await requester.getByTestId('notifications-bell').click();
    await expect
      .poll(() => requester.getByTestId('notifications-panel').textContent())
      .toContain('was resolved');
    await keepScreenshot(requester, 'forms-requester-ticket-en');
  });

  it('looks right in Chinese and on a phone', async () => {
    const ticket = await api.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Refund the late sofa',
      fields: { refundAmount: 8600, channel: 'app' },
    });
    await api.attachReceipt(ticket.id, 'agent');
    await api.completeReview(ticket.id);
    const phone = await pageAs('finance1', 'phone');
    await phone.waitForURL('**/inbox');
    const card = cardFor(phone, ticket.id);
    await card.waitFor();
    const box = await card.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await keepScreenshot(phone, 'forms-inbox-phone-en');
    await phone.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toContain('待办');
    await keepScreenshot(phone, 'forms-inbox-phone-zh');
    await card.locator('.task-card__title').click();
    await phone.keyboard.press('a');
    await phone.getByTestId('confirm-dialog').waitFor();
    expect(await phone.getByTestId('confirm-dialog').textContent()).toContain('批准');
    await keepScreenshot(phone, 'forms-confirm-phone-zh');
    await phone.getByTestId('confirm-cancel').click();
    expect((await api.ticket('requester', ticket.id)).activeNodes).toEqual(['finance']);

    const desktop = await pageAs('finance1');
    await desktop.getByTestId('language-switch').selectOption('zh-CN');
    await desktop.goto(`/tickets/${ticket.id}`);
    await desktop.getByTestId('ticket-decision').waitFor();
    await keepScreenshot(desktop, 'forms-ticket-zh');
    const requester = await pageAs('requester', 'phone');
    await requester.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => requester.getByTestId('tickets-title').textContent()).toBe('我的工单');
    await requester.getByTestId('ticket-list').waitFor();
    await keepScreenshot(requester, 'forms-my-tickets-phone-zh');
  });
});

if (!hasChromium && !process.env.CI) {
  console.warn(
    'e2e: /usr/bin/chromium not found — step form browser tests skipped (apt-get install -y chromium).',
  );
}
