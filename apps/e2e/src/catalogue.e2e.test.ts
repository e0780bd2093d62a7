import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient, RECEIPT_FILE } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Issue 21's request catalogue in Chromium: an admin takes a request type out
 * of the catalogue; the requester's "New request" opens the catalogue, a search
 * finds the refund, and its card leads into the workflow's form and a ticket.
 */
describe.runIf(hasChromium || process.env.CI)('the request catalogue in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
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
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('an admin arranges it; the requester searches it and starts a refund from it', async () => {
    const admin = await pageAs('admin');
    await admin.getByTestId('nav-catalogue').click();
    await admin.getByTestId('catalogue-item-retail-complaint').waitFor();
    await admin.getByTestId('catalogue-manage').click();
    const complaint = admin.getByTestId('layout-entry-retail-complaint');
    await complaint.waitFor();
    await complaint.getByTestId('layout-requestable-retail-complaint').uncheck();
    await admin.getByTestId('layout-save').click();
    await admin.getByTestId('layout-notice').waitFor();
    await keepScreenshot(admin, 'catalogue-admin-en');

    const requester = await pageAs('requester');
    await requester.waitForURL('**/tickets');
    await requester.getByTestId('new-ticket').click();
    await requester.waitForURL('**/catalogue');
    await requester.getByTestId('catalogue-item-refund-approval').waitFor();
    expect(await requester.getByTestId('catalogue-item-retail-complaint').count()).toBe(0);
    await keepScreenshot(requester, 'catalogue-en');
    await requester.getByTestId('catalogue-search').fill('course');
    await expect.poll(() => requester.locator('[data-testid^="catalogue-item-"]').count()).toBe(1);
    await requester.getByTestId('catalogue-item-refund-approval').click();
    await requester.waitForURL(/\/tickets\/new\?workflow=refund-approval$/);
    await requester.getByTestId('ticket-field-refundAmount').waitFor();
    expect(await requester.getByTestId('ticket-workflow').inputValue()).toBe('refund-approval');
    await requester.getByTestId('ticket-title').fill('Refund for the cancelled course');
    await requester.getByTestId('ticket-field-refundAmount').fill('480');
    // The form says the review will need the receipt; the requester brings it along.
    expect(await requester.getByTestId('ticket-files-needed').textContent()).toContain('receipt');
    await requester.getByTestId('ticket-files-input').setInputFiles(RECEIPT_FILE);
    await keepScreenshot(requester, 'catalogue-new-request-en');
    await requester.getByTestId('ticket-submit').click();
    await requester.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    expect(await requester.getByTestId('ticket-title').textContent()).toContain(
      'Refund for the cancelled course',
    );
    const mine = await apiClient(server.baseUrl).call('requester', 'GET', '/tickets');
    expect(JSON.stringify(mine)).toContain('Refund for the cancelled course');
  });

  it('reads in Chinese and fits a phone', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await pageAs('requester', viewport);
      await page.goto('/catalogue');
      await page.getByTestId('language-switch').selectOption('zh-CN');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('新建申请');
      await page.getByTestId('catalogue-item-refund-approval').waitFor();
      const items = page.locator('[data-testid^="catalogue-item-"]');
      const all = await items.count();
      await page.getByTestId('catalogue-search').fill('退款');
      // The search is debounced: the screenshot waits until the list is the filtered one.
      await expect.poll(() => items.count()).toBeLessThan(all);
      expect(await page.getByTestId('catalogue-item-refund-approval').textContent()).toContain('退款审批');
      const box = await page.getByTestId('catalogue-item-refund-approval').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport === 'phone' ? 390 : 1440);
      await keepScreenshot(page, `catalogue-zh${viewport === 'phone' ? '-phone' : ''}`);
      if (viewport === 'phone') {
        await page.getByTestId('language-switch').selectOption('en');
        await page.getByTestId('catalogue-search').fill('');
        await page.getByTestId('catalogue-item-refund-approval').waitFor();
        await keepScreenshot(page, 'catalogue-en-phone');
      }
    }
    for (const viewport of ['desktop', 'phone'] as const) {
      const admin = await pageAs('admin', viewport);
      await admin.goto('/catalogue/manage');
      await admin.getByTestId('layout-entry-refund-approval').waitFor();
      if (viewport === 'phone') await keepScreenshot(admin, 'catalogue-admin-en-phone');
      await admin.getByTestId('language-switch').selectOption('zh-CN');
      await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('管理服务目录');
      await keepScreenshot(admin, `catalogue-admin-zh${viewport === 'phone' ? '-phone' : ''}`);
    }
  });
});
