import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots kept as CI artifacts go (documented in the README). */
export const ARTIFACTS_DIR = join(repoRoot, 'artifacts', 'screenshots');

/** True when Debian's Chromium is installed; CI installs it, a developer may not have it. */
export const hasChromium = existsSync(CHROMIUM);

/**
 * Launches Debian's Chromium headless with the flags this closed network needs
 * (Playwright gives each launch a fresh profile).
 * Side effects: starts a browser process.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own storage) with a desktop or phone viewport. */
export function newContext(
  browser: Browser,
  baseURL: string,
  viewport: 'desktop' | 'phone' = 'desktop',
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: viewport === 'phone' ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
  });
}

/** Signs in through the sign-in page as a demo user (password `demo`). */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/user ?name/i).fill(username);
  await page.getByLabel(/password/i).fill('demo');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Saves a screenshot under artifacts/screenshots/<name>.png. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
