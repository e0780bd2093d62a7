import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server.js';

/**
 * Latin words a Chinese page may show: product and protocol names, units and
 * abbreviations that Chinese text uses as they are, and the language switch's
 * own "English". Anything else in Latin letters is an untranslated string.
 */
const PRODUCT_AND_UNIT_WORDS = [
  'Ticketflow',
  'React',
  'Flow',
  'English',
  'SLA',
  'JSON',
  'CSV',
  'PDF',
  'API',
  'URL',
  'HTTP',
  'HTTPS',
  'ID',
  'IT',
  'ITIL',
  'ERP',
  'WMS',
  'CAB',
  'PLC',
  'UTC',
  'GMT',
  'ISO',
  'Ctrl',
  'Shift',
  'Alt',
  'Esc',
  'Enter',
  'Tab',
  'ms',
  'KB',
  'MB',
  'Idempotency',
  'Key',
  'slug',
  'schemaVersion',
  'Bearer',
  'PM',
  'AM',
  // React Flow's attribution link: the library's name and its own label, which its licence asks us to keep.
  'attribution',
];

/**
 * User data the demo seeds and the test creates (workflow names, node names,
 * field labels and options of the example workflows, demo people, IANA zone
 * names): shown as the users wrote them, so not a translation gap.
 */
export function userDataWords(extra: readonly string[] = []): Set<string> {
  const words = new Set<string>(PRODUCT_AND_UNIT_WORDS.map((w) => w.toLowerCase()));
  const addText = (text: string) => {
    for (const word of text.match(/[A-Za-z]+/g) ?? []) words.add(word.toLowerCase());
  };
  const walk = (value: unknown, key = ''): void => {
    if (key === 'x-i18n' || key === 'description' || key === '$schema') return; // translations and prose are not data to allow
    if (typeof value === 'string') addText(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  const folder = join(repoRoot, 'workflows');
  for (const file of readdirSync(folder).filter(
    (f) => f.endsWith('.json') && !f.endsWith('.scenarios.json'),
  )) {
    walk(JSON.parse(readFileSync(join(folder, file), 'utf8')));
  }
  const demoUsers = readFileSync(join(repoRoot, 'apps/api/src/users/demo-users.ts'), 'utf8');
  for (const m of demoUsers.matchAll(/(?:username|displayName|name): '([^']+)'/g)) addText(m[1]!);
  for (const zone of Intl.supportedValuesOf('timeZone')) addText(zone);
  extra.forEach(addText);
  return words;
}

/** One Latin word found on a page, with the text around it. */
export interface LatinFinding {
  word: string;
  context: string;
}

/**
 * Every Latin-letter word (two letters or more) the user can read on the page:
 * visible text, option labels, placeholders, titles and accessible labels —
 * minus the allowed words. Reads the page only.
 */
export async function latinWordsOn(page: Page, allowed: ReadonlySet<string>): Promise<LatinFinding[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) =>
      (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if (parent.tagName !== 'OPTION' && !visible(parent)) continue;
      const text = node.textContent?.trim();
      if (text) found.push(text);
    }
    for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (!visible(el)) continue;
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const value = el.getAttribute(name);
        if (value) found.push(value);
      }
    }
    return found;
  });
  const findings: LatinFinding[] = [];
  for (const text of texts) {
    // Checksums and ids (hex, with digits) are data, not words.
    const words = text.replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/g, ' ');
    for (const word of words.match(/[A-Za-z]{2,}/g) ?? []) {
      if (!allowed.has(word.toLowerCase())) findings.push({ word, context: text.slice(0, 120) });
    }
  }
  return findings;
}
