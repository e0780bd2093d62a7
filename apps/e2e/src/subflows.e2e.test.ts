import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Issue 23, sub-flows: a travel request calls the seeded manager-approval workflow as a child
 * ticket. The ticket page links the parent to the child (with the child's current step) and the
 * child back to its parent, in English and Chinese, at 1440 px and on a phone.
 */
describe.runIf(hasChromium || process.env.CI)('sub-flow links on the ticket page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let parentId = '';
  let childId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const api = apiClient(server.baseUrl);
    const ticket = await api.createTicket('requester', {
      workflowKey: 'travel-request',
      title: 'Customer visit in Lyon',
      fields: { destination: 'Lyon', cost: 1200, reason: 'Kick-off with the customer' },
    });
    parentId = ticket.id;
    const parent = await api.call<{ subflows?: { ticketId: string }[] }>(
      'requester',
      'GET',
      `/tickets/${parentId}`,
    );
    childId = parent.subflows?.[0]?.ticketId ?? '';
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function chinese(viewport: 'desktop' | 'phone'): Promise<BrowserContext> {
    return browser.newContext({
      baseURL: server.baseUrl,
      viewport: viewport === 'phone' ? { width: 390, height: 844 } : { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    });
  }

  async function signInChinese(page: Page, username: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  it('links the parent to the child and back, with the child step (en, 1440 and 390)', async () => {
    expect(childId).not.toBe('');
    for (const viewport of ['desktop', 'phone'] as const) {
      const context = await newContext(browser, server.baseUrl, viewport);
      const page = await context.newPage();
      await signIn(page, 'requester');
      await page.goto(`/tickets/${parentId}`);
      const child = page.getByTestId('ticket-subflow');
      await child.waitFor();
      expect(await child.getByTestId('ticket-subflow-position').textContent()).toContain('Manager approval');
      await page.getByTestId('ticket-subflows').scrollIntoViewIfNeeded();
      await keepScreenshot(page, viewport === 'desktop' ? 'subflow-parent' : 'subflow-parent-phone');
      await page.getByTestId('ticket-subflow-link').click();
      await page.waitForURL((url) => url.pathname === `/tickets/${childId}`);
      const parent = page.getByTestId('ticket-parent');
      await parent.waitFor();
      expect(await parent.textContent()).toContain('Customer visit in Lyon');
      await keepScreenshot(page, viewport === 'desktop' ? 'subflow-child' : 'subflow-child-phone');
      await page.getByTestId('ticket-parent-link').click();
      await page.waitForURL((url) => url.pathname === `/tickets/${parentId}`);
      await page.getByTestId('ticket-subflow').waitFor();
      await context.close();
    }
  });

  it('shows the manager the child with its parent unlinked, since they may not open the parent', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'manager');
    await page.goto(`/tickets/${childId}`);
    const parent = page.getByTestId('ticket-parent');
    await parent.waitFor();
    expect(await page.getByTestId('ticket-parent-link').count()).toBe(0);
    expect(await parent.textContent()).toContain('may not open');
    await context.close();
  });

  it('reads the links in Chinese (1440 and 390)', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const context = await chinese(viewport);
      const page = await context.newPage();
      await signInChinese(page, 'requester');
      await page.goto(`/tickets/${parentId}`);
      const child = page.getByTestId('ticket-subflow');
      await child.waitFor();
      await expect
        .poll(() => child.getByTestId('ticket-subflow-position').textContent())
        .toContain('经理审批');
      await page.getByTestId('ticket-subflows').scrollIntoViewIfNeeded();
      await keepScreenshot(page, viewport === 'desktop' ? 'zh-subflow-parent' : 'zh-subflow-parent-phone');
      await page.getByTestId('ticket-subflow-link').click();
      await page.waitForURL((url) => url.pathname === `/tickets/${childId}`);
      const parent = page.getByTestId('ticket-parent');
      await parent.waitFor();
      expect(await parent.textContent()).toContain('由此工单发起');
      await keepScreenshot(page, viewport === 'desktop' ? 'zh-subflow-child' : 'zh-subflow-child-phone');
      await context.close();
    }
  });

  it('shows the sub-flow step in the Designer: the called workflow, its outcomes and the mappings (en and zh)', async () => {
    for (const language of ['en', 'zh'] as const) {
      const context =
        language === 'en' ? await newContext(browser, server.baseUrl) : await chinese('desktop');
      const page = await context.newPage();
      if (language === 'en') await signIn(page, 'owner');
      else await signInChinese(page, 'owner');
      await page.goto('/designer/travel-request');
      await page.locator('[data-id="mgr"]').click();
      const picker = page.getByTestId('prop-subflow-workflow');
      await picker.waitFor();
      await expect.poll(() => picker.inputValue()).toBe('manager-approval');
      await expect
        .poll(() => page.getByTestId('node-properties').textContent())
        .toContain(language === 'en' ? 'approved, rejected' : '批准、驳回');
      expect(await page.getByTestId('prop-subflow-input').locator('select').count()).toBe(4);
      await keepScreenshot(page, language === 'en' ? 'subflow-designer' : 'zh-subflow-designer');
      await context.close();
    }
  });
});
