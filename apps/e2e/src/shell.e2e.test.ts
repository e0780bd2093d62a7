import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { startServer, type RunningServer } from './server.js';

describe.runIf(hasChromium || process.env.CI)('the app shell in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the sign-in page at / and the health check on the same port', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await expect.poll(() => page.url()).toMatch(/\/login$/);
    await expect.poll(() => page.getByRole('button', { name: /sign in/i }).count()).toBe(1);
    await keepScreenshot(page, 'sign-in');
    const health = await (await fetch(`${server.baseUrl}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'embedded' });
    await context.close();
  });

  it('refuses a wrong password and signs in with the right one', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel(/user ?name/i).fill('owner');
    await page.getByLabel(/password/i).fill('wrong');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/wrong|invalid|incorrect/i);
    await signIn(page, 'owner');
    expect(new URL(page.url()).pathname).not.toBe('/login');
    await context.close();
  });
});

if (!hasChromium && !process.env.CI) {
  console.warn('e2e: /usr/bin/chromium not found — browser tests skipped (apt-get install -y chromium).');
}
