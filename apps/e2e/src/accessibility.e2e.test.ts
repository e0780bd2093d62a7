import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { seriousAxeViolations } from './axe-check.js';
import { apiClient } from './inbox-api.js';
import { startServer, type RunningServer } from './server.js';

/**
 * axe-core on the Designer, the Inbox and the ticket page: no serious or critical
 * WCAG 2 A/AA violation. Also keeps the screenshots of those pages in English and
 * Chinese, desktop and phone, and checks that a diagram in a page lets the wheel
 * scroll the page.
 */
describe.runIf(hasChromium || process.env.CI)('accessibility and embedded diagrams', () => {
  let server: RunningServer;
  let browser: Browser;
  let ticketId = '';
  const contexts: BrowserContext[] = [];

  async function pageAs(
    user: string,
    viewport: 'desktop' | 'phone' = 'desktop',
    language = 'en',
  ): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, viewport);
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, user);
    if (language !== 'en') {
      await page.evaluate((lng) => localStorage.setItem('ticketflow.lang', lng), language);
    }
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const api = apiClient(server.baseUrl);
    ticketId = (
      await api.createTicket('requester', {
        workflowKey: 'refund-approval',
        title: 'Refund for order 1042',
        fields: { refundAmount: 6200, channel: 'web' },
      })
    ).id;
    await api.attachReceipt(ticketId, 'agent');
    await api.completeReview(ticketId);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it.each([
    ['the Designer', 'owner', '/designer/refund-approval', 'designer'],
    ['the Inbox', 'finance1', '/inbox', 'inbox-page'],
    // Staff see the diagram; the requester's page leaves it out (its conditions name internal thresholds, issue 16).
    ['the ticket page', 'admin', '', 'ticket-diagram'],
  ])('%s has no serious or critical axe violations', async (_name, user, path, testId) => {
    const page = await pageAs(user);
    await page.goto(path || `/tickets/${ticketId}`);
    await page.getByTestId(testId).waitFor();
    await page.waitForTimeout(800);
    const violations = await seriousAxeViolations(page);
    console.info(
      `[axe] ${_name}: ${JSON.stringify(violations.map((v) => `${v.id} ${v.targets.join(' | ')}`))}`,
    );
    expect(violations).toEqual([]);
  });

  it('lets the wheel scroll the page over the ticket diagram; Ctrl + wheel zooms it', async () => {
    const page = await pageAs('admin');
    await page.setViewportSize({ width: 1440, height: 600 });
    await page.goto(`/tickets/${ticketId}`);
    const diagram = page.getByTestId('ticket-diagram');
    await expect
      .poll(() => diagram.locator('.readonly-flow').getAttribute('data-laid-out'), { timeout: 10_000 })
      .toBe('true');
    await page.waitForTimeout(300);
    const zoomOf = () =>
      page
        .locator('[data-testid="ticket-diagram"] .react-flow__viewport')
        .evaluate((el) => (el as HTMLElement).style.transform);
    const before = await zoomOf();
    const box = (await diagram.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrolled = () =>
      page.evaluate(() =>
        Math.max(
          document.scrollingElement?.scrollTop ?? 0,
          document.querySelector('.app-body')?.scrollTop ?? 0,
        ),
      );
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(300);
    expect(await zoomOf()).toBe(before);
    expect(await scrolled()).toBeGreaterThan(0);
    // Ctrl + wheel (what a trackpad pinch also sends), dispatched with its modifier.
    await diagram.locator('.react-flow__pane').evaluate(
      (pane, at) => {
        pane.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: -200,
            ctrlKey: true,
            clientX: at.x,
            clientY: at.y,
            bubbles: true,
            cancelable: true,
          }),
        );
      },
      { x: box.x + box.width / 2, y: box.y + 40 },
    );
    await page.waitForTimeout(300);
    expect(await zoomOf()).not.toBe(before);
  });

  it.each([
    ['en', 'desktop'],
    ['zh', 'desktop'],
    ['en', 'phone'],
    ['zh', 'phone'],
  ] as const)(
    'keeps screenshots of the Designer, the ticket page and Reports (%s, %s)',
    async (language, viewport) => {
      const owner = await pageAs('owner', viewport, language);
      await owner.goto('/designer/refund-approval');
      await owner.getByTestId('node-start').waitFor();
      await owner.getByTestId('auto-layout').click();
      await owner.waitForTimeout(1200);
      await keepScreenshot(owner, `designer-${language}-${viewport}`);
      const staff = await pageAs('admin', viewport, language);
      await staff.goto(`/tickets/${ticketId}`);
      await expect
        .poll(
          () => staff.locator('[data-testid="ticket-diagram"] .readonly-flow').getAttribute('data-laid-out'),
          { timeout: 10_000 },
        )
        .toBe('true');
      await staff.waitForTimeout(300);
      await keepScreenshot(staff, `ticket-page-${language}-${viewport}`);
      const admin = await pageAs('admin', viewport, language);
      await admin.goto('/reports');
      await admin.waitForTimeout(2500);
      await keepScreenshot(admin, `reports-${language}-${viewport}`);
    },
  );
});
