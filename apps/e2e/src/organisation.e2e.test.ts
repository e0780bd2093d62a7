import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

const BAD_CSV = [
  'username,manager,regions',
  'agent,manager,east;west',
  'ghost,manager,',
  'admin,requester,',
].join('\n');

describe.runIf(hasChromium || process.env.CI)('the organisation directory in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let westTicket = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // No demo agent works in region west: the retail template's fallback sends the step to areamgr-west.
    const api = apiClient(server.baseUrl);
    const ticket = await api.createTicket('requester', {
      workflowKey: 'retail-complaint',
      title: 'Broken till, west store',
      fields: {
        storeCode: 'W-12',
        region: 'west',
        category: 'service',
        description: 'The till was broken all day.',
      },
    });
    westTicket = ticket.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function chinese(viewport: 'desktop' | 'phone'): Promise<BrowserContext> {
    return browser.newContext({
      baseURL: server.baseUrl,
      viewport: viewport === 'phone' ? { width: 390, height: 844 } : { width: 1440, height: 900 },
      locale: 'zh-CN',
      extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    });
  }

  async function openDirectory(page: Page): Promise<void> {
    await page.goto('/users/organisation');
    await page.getByTestId('org-row-requester').waitFor();
  }

  it('shows who reports to whom and refuses a CSV with bad rows, listing each by line (en, 1440 and 390)', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const context = await newContext(browser, server.baseUrl, viewport);
      const page = await context.newPage();
      await signIn(page, 'admin');
      await openDirectory(page);
      expect(await page.getByTestId('org-row-requester').textContent()).toContain('manager');
      await keepScreenshot(page, viewport === 'desktop' ? 'organisation' : 'organisation-phone');
      await page.getByTestId('org-import-text').fill(BAD_CSV);
      await page.getByTestId('org-import-run').click();
      await page.getByTestId('org-import-problem-3').waitFor();
      expect(await page.getByTestId('org-import-problems').textContent()).toContain('ghost');
      expect(await page.getByTestId('org-import-problem-4').textContent()).toContain('reporting loop');
      await page.getByTestId('org-import-problems').scrollIntoViewIfNeeded();
      await keepScreenshot(
        page,
        viewport === 'desktop' ? 'organisation-import' : 'organisation-import-phone',
      );
      await context.close();
    }
  });

  it('edits a manager from the page and shows the page in Chinese (1440 and 390)', async () => {
    const context = await chinese('desktop');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await openDirectory(page);
    expect(await page.locator('h1').textContent()).toBe('组织架构');
    await page.getByTestId('org-edit-row-engineer2').click();
    await page.getByTestId('org-edit-manager').selectOption('areamgr-east');
    await page.getByTestId('org-save').click();
    await page.getByTestId('org-notice').waitFor();
    await expect.poll(() => page.getByTestId('org-row-engineer2').textContent()).toContain('areamgr-east');
    await keepScreenshot(page, 'zh-organisation');
    const storage = await context.storageState();
    await context.close();
    const phone = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
      storageState: storage,
    });
    const small = await phone.newPage();
    await openDirectory(small);
    await keepScreenshot(small, 'zh-organisation-phone');
    await phone.close();
  });

  it("says on the ticket's timeline that nobody matched and where the step went", async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.goto(`/tickets/${westTicket}`);
    const entry = page.locator('[data-event="assignment"]').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('nobody active matches in region west');
    expect(await entry.textContent()).toContain('areamgr-west');
    await entry.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'ticket-assignment-fallback');
    await context.close();
  });
});
