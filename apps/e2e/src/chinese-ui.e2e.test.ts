import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser } from './browser.js';
import { apiClient } from './inbox-api.js';
import { latinWordsOn, userDataWords, type LatinFinding } from './latin-words.js';
import { startServer, type RunningServer } from './server.js';

/** A workflow written by a Chinese process owner: every name a user reads is Chinese. */
const LEAVE = {
  schemaVersion: 1,
  key: 'qing-jia-shen-pi',
  name: '请假审批',
  fields: [
    { name: 'days', type: 'number', label: '请假天数', required: true, min: 1, max: 30 },
    { name: 'reason', type: 'text', label: '事由' },
  ],
  nodes: [
    { id: 'start', type: 'start', name: '开始', position: { x: 0, y: 120 } },
    {
      id: 'review',
      type: 'task',
      name: '主管初审',
      assignee: { role: 'agent' },
      timeout: { after: 'PT48H' },
      position: { x: 200, y: 120 },
    },
    {
      id: 'approve',
      type: 'approval',
      name: '经理审批',
      approvers: { role: 'manager' },
      policy: { type: 'any' },
      position: { x: 420, y: 120 },
    },
    { id: 'done', type: 'end', name: '已批准', outcome: 'resolved', position: { x: 640, y: 60 } },
    { id: 'refused', type: 'end', name: '已驳回', outcome: 'rejected', position: { x: 640, y: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'review' },
    { id: 'e2', source: 'review', target: 'approve', on: 'completed' },
    { id: 'e3', source: 'review', target: 'refused', on: 'timeout' },
    { id: 'e4', source: 'approve', target: 'done', on: 'approved' },
    { id: 'e5', source: 'approve', target: 'refused', on: 'rejected' },
  ],
};

/** The draft after the owner shortens the first review to 24 hours (a diff in words on the Versions page). */
const LEAVE_DRAFT = {
  ...LEAVE,
  nodes: LEAVE.nodes.map((node) => (node.id === 'review' ? { ...node, timeout: { after: 'PT24H' } } : node)),
};

const report = (page: string, findings: LatinFinding[]) =>
  findings.map((f) => `${page}: "${f.word}" in “${f.context}”`);

describe.runIf(hasChromium || process.env.CI)('the Chinese UI in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let ticketId = '';
  // User data of this test: the workflow's key, the demo password the sign-in page shows,
  // and the demo users' e-mail addresses on the Users page (name@example.test).
  const allowed = userDataWords([LEAVE.key, 'demo', 'example', 'test']);
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const api = apiClient(server.baseUrl);
    await api.publish(LEAVE);
    await api.call('owner', 'PUT', `/workflows/${LEAVE.key}/draft`, { definition: LEAVE_DRAFT });
    const first = await api.createTicket('requester', {
      workflowKey: LEAVE.key,
      title: '年假五天',
      fields: { days: 5, reason: '回老家探亲' },
    });
    // Requesters may not choose a priority on this workflow (issue 17): staff open the urgent one.
    await api.createTicket('agent', {
      workflowKey: LEAVE.key,
      title: '病假一天',
      fields: { days: 1 },
      priority: 'high',
    });
    await api.completeReview(first.id);
    ticketId = first.id;
    // The admin puts the Chinese workflow into the request catalogue, first.
    const layout = await api.call<{
      categories: unknown[];
      entries: { workflowKey: string; workflowName: unknown; published: unknown; requestable: boolean }[];
    }>('admin', 'GET', '/catalogue/layout');
    const entries = layout.entries.map(({ workflowName: _name, published: _published, ...entry }) =>
      entry.workflowKey === LEAVE.key
        ? { ...entry, requestable: true, description: { en: 'Ask for days off.', zh: '申请休假。' } }
        : entry,
    );
    await api.call('admin', 'PUT', '/catalogue/layout', {
      categories: layout.categories,
      entries: [
        ...entries.filter((e) => e.workflowKey === LEAVE.key),
        ...entries.filter((e) => e.workflowKey !== LEAVE.key),
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A browser whose language is Chinese: the app must pick zh-CN on the first visit by itself. */
  async function chineseContext(viewport: 'desktop' | 'phone' = 'desktop'): Promise<BrowserContext> {
    return browser.newContext({
      baseURL: server.baseUrl,
      viewport: viewport === 'phone' ? { width: 390, height: 844 } : { width: 1440, height: 900 },
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

  async function scan(page: Page, name: string, path: string, ready: string): Promise<void> {
    await page.goto(path);
    await page.getByTestId(ready).first().waitFor();
    // Live pages keep a server-sent events stream open, so "network idle" never comes: let the data arrive.
    await page.waitForTimeout(1500);
    await page.locator('[data-loading]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    problems.push(...report(name, await latinWordsOn(page, allowed)));
    await keepScreenshot(page, `zh-${name}`);
  }

  it('detects the browser language on a first visit and keeps <html lang> after a reload', async () => {
    const context = await chineseContext();
    const page = await context.newPage();
    await page.goto('/login');
    await expect.poll(() => page.getByRole('button', { name: '登录' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    problems.push(...report('sign-in', await latinWordsOn(page, allowed)));
    await keepScreenshot(page, 'zh-sign-in');
    await page.reload();
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await context.close();
  });

  it('shows no English on the pages an admin uses', async () => {
    const context = await chineseContext();
    const page = await context.newPage();
    await signInChinese(page, 'admin');
    await scan(page, 'designer-list', '/designer', 'new-workflow-form');
    await scan(page, 'designer', `/designer/${LEAVE.key}`, 'designer-canvas');
    await scan(page, 'versions', `/versions?key=${LEAVE.key}`, 'draft-review');
    await page.getByTestId('draft-diff').click();
    await page.getByTestId('diff-change').first().waitFor();
    expect(await page.getByTestId('diff-change').allTextContents()).toEqual([
      '主管初审：超时 48 小时 → 24 小时',
    ]);
    problems.push(...report('versions-diff', await latinWordsOn(page, allowed)));
    await keepScreenshot(page, 'zh-versions-diff');
    await scan(page, 'tickets', '/tickets', 'tickets-page');
    await scan(page, 'ticket', `/tickets/${ticketId}`, 'ticket-page');
    await scan(page, 'reports', '/reports', 'page-reports');
    await scan(page, 'rules', '/rules', 'page-rules');
    await scan(page, 'users', '/users', 'users-table');
    await scan(page, 'catalogue', '/catalogue', 'catalogue-page');
    await context.close();
  });

  it('shows no English where a requester starts a request', async () => {
    const context = await chineseContext();
    const page = await context.newPage();
    await signInChinese(page, 'requester');
    await scan(page, 'catalogue-requester', '/catalogue', `catalogue-item-${LEAVE.key}`);
    await scan(page, 'new-request', `/tickets/new?workflow=${LEAVE.key}`, 'ticket-field-days');
    await context.close();
  });

  it('shows no English in the inbox, on a phone too', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const context = await chineseContext(viewport);
      const page = await context.newPage();
      await signInChinese(page, 'manager');
      await scan(page, viewport === 'phone' ? 'inbox-phone' : 'inbox', '/inbox', 'inbox-page');
      // The selected step's detail: its path so far, the timeline and the comments.
      await page.locator('[data-testid^="task-card-"] .task-card__title').first().click();
      await page.getByTestId('task-path-line').waitFor();
      await page.getByTestId('ticket-comments').waitFor();
      await page.waitForTimeout(500);
      problems.push(...report(`inbox-detail-${viewport}`, await latinWordsOn(page, allowed)));
      await keepScreenshot(page, `zh-inbox-detail${viewport === 'phone' ? '-phone' : ''}`);
      await context.close();
    }
  });

  it('names a workflow in Chinese and creates it with a pinyin key', async () => {
    const context = await chineseContext();
    const page = await context.newPage();
    await signInChinese(page, 'owner');
    await page.goto('/designer');
    await page.getByTestId('new-workflow-name').fill('中文测试流程');
    await expect
      .poll(() => page.getByTestId('new-workflow-key').inputValue())
      .toBe('zhong-wen-ce-shi-liu-cheng');
    await page.getByTestId('new-workflow-create').click();
    await page.waitForURL(/\/designer\/zhong-wen-ce-shi-liu-cheng$/);
    await page.getByTestId('designer-canvas').waitFor();
    await context.close();
  });

  it('found no untranslated word (the list names page, word and text)', () => {
    expect(problems, `Latin words in the Chinese UI:\n${problems.join('\n')}`).toEqual([]);
  });
});
