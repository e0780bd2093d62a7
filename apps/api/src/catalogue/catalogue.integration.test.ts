import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

interface Catalogue {
  categories: { id: string; name: { en: string; zh: string } }[];
  entries: {
    workflowKey: string;
    categoryId: string | null;
    icon: string;
    title: { en: string; zh: string };
    description: { en: string; zh: string };
  }[];
}

interface Layout {
  categories: { id: string; name: { en: string; zh: string } }[];
  entries: {
    workflowKey: string;
    published: boolean;
    requestable: boolean;
    categoryId: string | null;
    icon: string;
    title?: { en: string; zh: string };
    description: { en: string; zh: string };
  }[];
}

describe('request catalogue: requesters start from requestable workflows, admins arrange them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  const catalogue = async (username: string, q?: string) =>
    (
      await t.http
        .get('/api/catalogue')
        .query(q === undefined ? {} : { q })
        .set(await as(username))
        .expect(200)
    ).body as Catalogue;
  const layout = async () =>
    (
      await t.http
        .get('/api/catalogue/layout')
        .set(await as('admin'))
        .expect(200)
    ).body as Layout;
  const save = async (body: object, username = 'admin') =>
    t.http
      .put('/api/catalogue/layout')
      .set(await as(username))
      .send(body);
  const asInput = (current: Layout) => ({
    categories: current.categories,
    entries: current.entries.map(({ workflowKey, requestable, categoryId, icon, title, description }) => ({
      workflowKey,
      requestable,
      categoryId,
      icon,
      ...(title ? { title } : {}),
      description,
    })),
  });

  it('starts from the templates, grouped and ordered, in both languages', async () => {
    const mine = await catalogue('requester');
    expect(mine.categories.map((category) => category.id)).toEqual([
      'customer-service',
      'operations',
      'it',
      'internal',
    ]);
    expect(mine.entries.slice(0, 3).map((entry) => entry.workflowKey)).toEqual([
      'refund-approval',
      'ecommerce-return',
      'retail-complaint',
    ]);
    expect(mine.entries[0]).toMatchObject({
      icon: 'refund',
      title: { en: 'Refund approval', zh: '退款审批' },
      description: { zh: expect.stringContaining('退还') },
    });
  });

  it('finds request types by words in either language', async () => {
    expect((await catalogue('requester', '课程')).entries.map((e) => e.workflowKey)).toEqual([
      'refund-approval',
    ]);
    expect((await catalogue('requester', 'IT services')).entries.map((e) => e.workflowKey)).toEqual([
      'it-incident',
      'it-change',
    ]);
    const none = await catalogue('requester', 'no such thing');
    expect(none).toEqual({ categories: [], entries: [] });
  });

  it('shows requesters only requestable workflows that are published and not deprecated', async () => {
    await t.http
      .put('/api/workflows/draft-only/draft')
      .set(await as('owner'))
      .send({
        definition: {
          schemaVersion: 1,
          key: 'draft-only',
          name: 'Draft only',
          fields: [],
          nodes: [],
          edges: [],
        },
      })
      .expect(200);
    const current = asInput(await layout());
    current.entries = current.entries.map((entry) =>
      entry.workflowKey === 'retail-complaint'
        ? { ...entry, requestable: false }
        : entry.workflowKey === 'draft-only'
          ? { ...entry, requestable: true }
          : entry,
    );
    expect((await save(current)).status).toBe(200);
    const keys = (await catalogue('requester')).entries.map((entry) => entry.workflowKey);
    expect(keys).not.toContain('retail-complaint');
    expect(keys).not.toContain('draft-only');
    expect((await layout()).entries.find((e) => e.workflowKey === 'draft-only')).toMatchObject({
      published: false,
      requestable: true,
    });
  });

  it('lets an admin reorder, regroup and retitle, and audits it', async () => {
    const current = asInput(await layout());
    current.categories = [
      { id: 'it', name: { en: 'IT help', zh: '信息技术帮助' } },
      ...current.categories.filter((c) => c.id !== 'it'),
    ];
    const change = current.entries.find((e) => e.workflowKey === 'it-change')!;
    current.entries = [
      { ...change, title: { en: 'Change a system', zh: '系统变更' }, icon: 'hardware' },
      ...current.entries.filter((e) => e.workflowKey !== 'it-change'),
    ];
    expect((await save(current)).status).toBe(200);
    const mine = await catalogue('agent');
    expect(mine.categories[0]).toEqual({ id: 'it', name: { en: 'IT help', zh: '信息技术帮助' } });
    expect(mine.entries[0]).toMatchObject({
      workflowKey: 'it-change',
      icon: 'hardware',
      title: { zh: '系统变更' },
    });
    const [audit] = (await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'catalogue.update'`,
    )) as { n: number }[];
    expect(audit?.n).toBeGreaterThanOrEqual(3);
  });

  it('refuses anyone but an admin to read the layout or change it (403), and changes nothing', async () => {
    const before = await catalogue('requester');
    for (const username of ['requester', 'agent', 'owner', 'manager']) {
      expect((await save({ categories: [], entries: [] }, username)).status).toBe(403);
      expect((await t.http.get('/api/catalogue/layout').set(await as(username))).status).toBe(403);
    }
    expect(await catalogue('requester')).toEqual(before);
    expect((await t.http.get('/api/catalogue')).status).toBe(401);
  });

  it('refuses a bad arrangement with a 400 naming the field, and keeps the old one', async () => {
    const before = await catalogue('requester');
    const current = asInput(await layout());
    const cases: [object, string, string][] = [
      [
        { ...current, entries: [{ ...current.entries[0], categoryId: 'nowhere' }] },
        'invalid-catalogue',
        'entries[0].categoryId',
      ],
      [
        { ...current, categories: [...current.categories, current.categories[0]] },
        'invalid-catalogue',
        `categories[${current.categories.length}].id`,
      ],
      [
        { ...current, entries: [{ ...current.entries[0], workflowKey: 'no-such-flow' }] },
        'unknown-workflow',
        'entries[0].workflowKey',
      ],
      [
        { ...current, entries: [{ ...current.entries[0], icon: 'skull' }] },
        'invalid-input',
        'entries.0.icon',
      ],
      [
        { ...current, categories: [{ id: 'Bad Id', name: { en: 'x', zh: 'x' } }] },
        'invalid-input',
        'categories.0.id',
      ],
    ];
    for (const [body, code, field] of cases) {
      const response = await save(body);
      expect(response.status, field).toBe(400);
      expect(response.body.code).toBe(code);
      expect(JSON.stringify(response.body.details)).toContain(field);
    }
    expect(await catalogue('requester')).toEqual(before);
  });
});
