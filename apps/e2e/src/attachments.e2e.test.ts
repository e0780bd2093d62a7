import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

/** A 1×1 PNG: what a phone photo of a receipt starts with, as far as the server's content check goes. */
const RECEIPT = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a2b90000000049454e44ae426082',
  'hex',
);

const cardFor = (page: Page, ticketId: string) =>
  page.locator(`[data-testid^="task-card-"][data-ticket-id="${ticketId}"]`);

/**
 * Issue 21 in Chromium: the requester attaches a receipt while creating a
 * refund; after the review, finance sees it on the inbox card and downloads
 * it; the ticket page lists it. Screenshots in English and Chinese, desktop
 * and phone.
 */
describe.runIf(hasChromium || process.env.CI)('attachments in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  const contexts: BrowserContext[] = [];

  async function pageAs(
    username: string,
    viewport: 'desktop' | 'phone' = 'desktop',
    chinese = false,
  ): Promise<Page> {
    const context = chinese
      ? await browser.newContext({
          baseURL: server.baseUrl,
          viewport: viewport === 'phone' ? { width: 390, height: 844 } : { width: 1440, height: 900 },
          deviceScaleFactor: 1,
          locale: 'zh-CN',
          extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
        })
      : await newContext(browser, server.baseUrl, viewport);
    contexts.push(context);
    const page = await context.newPage();
    if (chinese) {
      await page.goto('/login');
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill('demo');
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    } else await signIn(page, username);
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

  it('a receipt attached while creating a refund is on the approver’s card, downloadable', async () => {
    const requester = await pageAs('requester');
    await requester.goto('/tickets/new');
    await requester.getByTestId('ticket-workflow').selectOption('refund-approval');
    await requester.getByTestId('ticket-title').fill('Refund for order 1042');
    await requester.getByTestId('ticket-field-refundAmount').fill('6200');
    await requester.getByTestId('ticket-field-channel').selectOption('web');
    await requester
      .getByTestId('ticket-files-input')
      .setInputFiles({ name: 'receipt-1042.png', mimeType: 'image/png', buffer: RECEIPT });
    expect(await requester.getByTestId('ticket-files-file').textContent()).toContain('receipt-1042.png');
    await keepScreenshot(requester, 'attachments-create-en');
    await requester.getByTestId('ticket-submit').click();
    await requester.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    const ticketId = requester.url().split('/').pop()!;
    const listed = requester.getByTestId('ticket-attachment');
    await listed.first().waitFor();
    expect(await listed.first().textContent()).toContain('receipt-1042.png');
    await requester.getByTestId('ticket-attachments').scrollIntoViewIfNeeded();
    await keepScreenshot(requester, 'attachments-ticket-en');

    await api.completeReview(ticketId);

    const finance1 = await pageAs('finance1');
    await finance1.goto('/inbox');
    const card = cardFor(finance1, ticketId);
    await card.waitFor();
    const file = card.getByTestId('task-file');
    expect(await file.textContent()).toContain('receipt-1042.png');
    await keepScreenshot(finance1, 'attachments-inbox-en');
    const [download] = await Promise.all([
      finance1.waitForEvent('download'),
      file.getByTestId('attachment-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('receipt-1042.png');

    const phone = await pageAs('finance2', 'phone');
    await phone.goto('/inbox');
    await cardFor(phone, ticketId).getByTestId('task-file').waitFor();
    await keepScreenshot(phone, 'attachments-inbox-phone-en');

    const zh = await pageAs('finance1', 'desktop', true);
    await zh.goto('/inbox');
    const zhCard = cardFor(zh, ticketId);
    await zhCard.getByTestId('task-file').waitFor();
    expect(await zhCard.getByTestId('task-files').textContent()).toMatch(/^附件（1）：receipt-1042.png/);
    await keepScreenshot(zh, 'attachments-inbox-zh');
    await zh.goto(`/tickets/${ticketId}`);
    await zh.getByTestId('ticket-attachment').first().waitFor();
    await zh.getByTestId('ticket-attachments').scrollIntoViewIfNeeded();
    await keepScreenshot(zh, 'attachments-ticket-zh');

    const zhPhone = await pageAs('requester', 'phone', true);
    await zhPhone.goto('/tickets/new');
    await zhPhone.getByTestId('ticket-workflow').selectOption('refund-approval');
    await zhPhone
      .getByTestId('ticket-files-input')
      .setInputFiles({ name: '收据.png', mimeType: 'image/png', buffer: RECEIPT });
    await zhPhone.getByTestId('ticket-files').scrollIntoViewIfNeeded();
    await keepScreenshot(zhPhone, 'attachments-create-phone-zh');
  });
});
