import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { ALL_POLICY_WORKFLOW, apiClient, RECEIPT_FILE } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

/** The inbox card of a ticket's waiting step. */
const cardFor = (page: Page, ticketId: string) =>
  page.locator(`[data-testid^="task-card-"][data-ticket-id="${ticketId}"]`);

async function openInbox(page: Page): Promise<void> {
  await page.goto('/inbox');
  await page.getByTestId('inbox-count').waitFor();
  // The live stream is open: changes from now on arrive without reloading.
  await page.locator('[data-testid="inbox-live"][data-status="live"]').waitFor();
}

/**
 * Issue 8's story in real Chromium against the real API: a requester creates a
 * refund through the generated form, the agent completes the review from the
 * inbox, the approval appears live in finance1's open inbox, finance1 approves,
 * finance2's inbox drops it, and the ticket page shows the path and why.
 * Then an `all` approval that needs both finance approvers.
 */
describe.runIf(hasChromium || process.env.CI)('inbox and ticket pages in Chromium', () => {
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
    await api.publish(ALL_POLICY_WORKFLOW);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('refund of 6,200: created in the form, reviewed, approved live by finance1, gone for finance2, explained on the ticket page', async () => {
    const requester = await pageAs('requester');
    await requester.goto('/tickets/new');
    await requester.getByTestId('ticket-submit').click();
    await expect.poll(() => requester.getByTestId('ticket-title-error').textContent()).toBe('Required.');
    await requester.getByTestId('ticket-workflow').selectOption('refund-approval');
    await requester.getByTestId('ticket-title').fill('Refund for order 1042');
    await requester.getByTestId('ticket-field-refundAmount').fill('six thousand');
    await requester.getByTestId('ticket-submit').click();
    await expect
      .poll(() => requester.getByTestId('ticket-field-refundAmount-error').textContent())
      .toMatch(/number/i);
    await requester.getByTestId('ticket-field-refundAmount').fill('6200');
    await requester.getByTestId('ticket-field-channel').selectOption('web');
    // The agent's review requires the receipt: the form says so, and the requester attaches it with the request.
    expect(await requester.getByTestId('ticket-files-needed').textContent()).toContain('Agent review');
    await requester.getByTestId('ticket-files-input').setInputFiles(RECEIPT_FILE);
    await requester.getByTestId('ticket-submit').click();
    await requester.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    const ticketId = requester.url().split('/').pop()!;
    await expect.poll(() => requester.getByTestId('ticket-current').textContent()).toContain('Agent review');
    await requester.getByTestId('ticket-attachment').first().waitFor();

    // Both approvers have their inbox open before the review is done.
    const finance1 = await pageAs('finance1');
    await openInbox(finance1);
    const finance2 = await pageAs('finance2');
    await openInbox(finance2);
    expect(await cardFor(finance1, ticketId).count()).toBe(0);

    const agent = await pageAs('agent');
    await openInbox(agent);
    await cardFor(agent, ticketId).click();
    // The card names the rule, already met by the requester's receipt.
    const rule = cardFor(agent, ticketId).getByTestId('step-attachment-rule');
    await expect.poll(() => rule.getAttribute('data-met')).toBe('true');
    expect(await rule.textContent()).toContain('payment receipt');
    await cardFor(agent, ticketId).getByTestId('task-complete-completed').click();
    await expect.poll(() => cardFor(agent, ticketId).count()).toBe(0);

    // No reload: the stream said "changed" and the inbox refetched.
    const approval = cardFor(finance1, ticketId);
    await approval.waitFor({ timeout: 15_000 });
    await cardFor(finance2, ticketId).waitFor({ timeout: 15_000 });
    expect(await approval.getAttribute('data-node-id')).toBe('finance');
    await expect.poll(() => approval.getByTestId('sla').getAttribute('data-level')).toBe('ok');

    await approval.click();
    await approval.getByTestId('task-comment').fill('Receipt checked, refund approved.');
    await approval.getByTestId('task-approve').click();
    // Nothing is sent before the confirmation (issue 16).
    await finance1.getByTestId('confirm-dialog').waitFor();
    expect(await cardFor(finance1, ticketId).count()).toBe(1);
    await finance1.getByTestId('confirm-ok').click();
    await expect.poll(() => cardFor(finance1, ticketId).count()).toBe(0);
    await expect
      .poll(() => finance1.getByTestId('inbox-notice').textContent())
      .toContain('Refund for order 1042');
    // finance2 never reloads either: the decided approval leaves their inbox.
    await expect.poll(() => cardFor(finance2, ticketId).count(), { timeout: 15_000 }).toBe(0);
    await finance2.reload();
    await finance2.getByTestId('inbox-count').waitFor();
    expect(await cardFor(finance2, ticketId).count()).toBe(0);

    // The ticket page (as staff): finished, the path drawn on the pinned version, and why it went to finance.
    await agent.goto(`/tickets/${ticketId}`);
    await expect.poll(() => agent.getByTestId('ticket-status').getAttribute('data-status')).toBe('completed');
    await requester.reload();
    await expect
      .poll(() => requester.getByTestId('ticket-status').getAttribute('data-status'))
      .toBe('completed');
    expect(await agent.getByTestId('ticket-version').textContent()).toContain('version 1');
    const diagram = agent.getByTestId('ticket-diagram');
    await diagram.getByTestId('node-finance').waitFor();
    expect(await diagram.getByTestId('node-finance').getAttribute('data-sim')).toBe('visited');
    expect(await diagram.getByTestId('node-manager').getAttribute('data-sim')).toBeNull();
    expect(await diagram.getByTestId('rf__edge-e3').getAttribute('class')).toContain('is-taken');
    expect(await diagram.getByTestId('rf__edge-e4').getAttribute('class')).not.toContain('is-taken');
    const timeline = agent.getByTestId('ticket-timeline');
    const explanation = timeline.locator('[data-kind="condition"]');
    expect(await explanation.textContent()).toContain(
      'Went to Finance approval because Refund amount > 5,000 (Refund amount is 6,200)',
    );
    expect(await timeline.textContent()).toContain('Receipt checked, refund approved.');
    expect(await timeline.textContent()).toContain('finance1');
    await keepScreenshot(agent, 'ticket-page');
    // The requester's timeline names the steps, not the people or the thresholds.
    const theirs = await requester.getByTestId('ticket-timeline').textContent();
    expect(theirs).toContain('Finance approval');
    expect(theirs).not.toContain('finance1');
    expect(theirs).not.toContain('5,000');

    // The tickets list finds it by title and filters it out by status.
    await requester.goto('/tickets');
    await requester.getByTestId('tickets-search').fill('1042');
    await expect
      .poll(() => requester.getByTestId('ticket-list').textContent())
      .toContain('Refund for order 1042');
    await requester.getByTestId('tickets-status').selectOption('active');
    await requester.getByTestId('tickets-empty').waitFor();
    await requester.getByTestId('tickets-status').selectOption('completed');
    await requester.getByTestId('ticket-list').getByText('Refund for order 1042').click();
    await requester.waitForURL(`**/tickets/${ticketId}`);
  });

  it('an "all" approval waits for both finance approvers; rejecting needs a comment', async () => {
    const ticket = await api.createTicket('requester', {
      workflowKey: ALL_POLICY_WORKFLOW.key,
      title: 'Refund needing everyone',
      fields: { refundAmount: 900 },
    });
    const finance1 = await pageAs('finance1');
    await openInbox(finance1);
    const first = cardFor(finance1, ticket.id);
    await first.click();
    await first.getByTestId('task-reject').click();
    await expect.poll(() => first.getByTestId('task-comment-error').textContent()).toMatch(/comment/i);
    await first.getByTestId('task-comment').fill('Fine by me');
    await first.getByTestId('task-approve').click();
    await finance1.getByTestId('confirm-ok').click();
    await expect.poll(() => cardFor(finance1, ticket.id).count()).toBe(0);
    expect((await api.ticket('requester', ticket.id)).status).toBe('active');

    // Keyboard: the second approver's card is first (selected) — "a" approves it.
    const finance2 = await pageAs('finance2');
    await openInbox(finance2);
    const second = cardFor(finance2, ticket.id);
    await second.waitFor();
    // Click the title, not the middle: a selected card's middle is its comment box, where "a" is just a letter.
    await second.locator('.task-card__title').click();
    await expect.poll(() => second.getAttribute('data-selected')).toBe('true');
    await finance2.keyboard.press('a');
    await finance2.getByTestId('confirm-dialog').waitFor();
    await finance2.keyboard.press('Enter');
    await expect.poll(() => cardFor(finance2, ticket.id).count()).toBe(0);
    await expect.poll(async () => (await api.ticket('requester', ticket.id)).status).toBe('completed');
    expect((await api.ticket('requester', ticket.id)).outcome).toBe('resolved');

    const admin = await pageAs('admin');
    await admin.goto(`/tickets/${ticket.id}`);
    const votes = admin.getByTestId('ticket-timeline').locator('[data-kind="vote"]');
    await expect.poll(() => votes.count()).toBe(2);
    expect(await votes.nth(0).textContent()).toContain('1 approved');
    expect(await votes.nth(1).textContent()).toContain('2 approved');
  });

  it('works on a phone: cards stack and the actions are reachable', async () => {
    for (const [title, amount] of [
      ['Phone refund: broken blender', 7400],
      ['Phone refund: late delivery', 5600],
      ['Phone refund: wrong size', 8100],
    ] as const) {
      const ticket = await api.createTicket('requester', {
        workflowKey: 'refund-approval',
        title,
        fields: { refundAmount: amount },
      });
      await api.attachReceipt(ticket.id, 'agent');
      await api.completeReview(ticket.id);
    }
    const phone = await pageAs('finance1', 'phone');
    await openInbox(phone);
    const cards = phone.locator('[data-testid^="task-card-"]');
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(3);
    const [a, b] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
    expect(a!.width).toBeGreaterThan(340);
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
    await cards.nth(0).click();
    const approve = cards.nth(0).getByTestId('task-approve');
    await approve.scrollIntoViewIfNeeded();
    const box = await approve.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await phone.evaluate(() => window.scrollTo(0, 0));
    await keepScreenshot(phone, 'inbox-phone');

    // The same inbox in Simplified Chinese.
    await phone.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toContain('待办');
    expect(await cards.nth(0).getByTestId('task-approve').textContent()).toBe('批准');
    expect(await cards.nth(0).getByTestId('sla').textContent()).toMatch(/^剩余 \d+天 \d+小时$/);
    await phone.getByTestId('language-switch').selectOption('en');
  });
});

if (!hasChromium && !process.env.CI) {
  console.warn(
    'e2e: /usr/bin/chromium not found — inbox browser tests skipped (apt-get install -y chromium).',
  );
}
