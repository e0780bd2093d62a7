import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

type Definition = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
};

/** The refund flow of docs/architecture.md under another key, with the finance threshold as given. */
function refundFlow(key: string, threshold: number): Definition {
  return {
    schemaVersion: 1,
    key,
    name: 'Refund approval',
    fields: [{ name: 'refundAmount', type: 'number', label: 'Refund amount', required: true }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'review', type: 'task', name: 'Agent review', assignee: { role: 'agent' } },
      { id: 'amount', type: 'decision', name: 'Refund amount?' },
      {
        id: 'finance',
        type: 'approval',
        name: 'Finance approval',
        approvers: { role: 'finance' },
        policy: { type: 'any' },
      },
      { id: 'manager', type: 'approval', name: 'Manager approval', approvers: { role: 'manager' } },
      { id: 'done', type: 'end', outcome: 'resolved' },
      { id: 'rejected', type: 'end', outcome: 'rejected' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'review' },
      { id: 'e2', source: 'review', target: 'amount', on: 'completed' },
      {
        id: 'e3',
        source: 'amount',
        target: 'finance',
        condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: threshold }] },
      },
      { id: 'e4', source: 'amount', target: 'manager', default: true },
      { id: 'e5', source: 'finance', target: 'done', on: 'approved' },
      { id: 'e6', source: 'finance', target: 'rejected', on: 'rejected' },
      { id: 'e8', source: 'manager', target: 'done', on: 'approved' },
      { id: 'e9', source: 'manager', target: 'rejected', on: 'rejected' },
    ],
  };
}

describe('versions: publishing, pinning, diff and impact over HTTP', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  const saveDraft = async (definition: Definition) =>
    t.http
      .put(`/api/workflows/${String(definition.key)}/draft`)
      .set(await client.auth('owner'))
      .send({ definition })
      .expect(200);

  it('publishes a valid draft as the next version with checksum, publisher and note', async () => {
    await saveDraft(refundFlow('publish-flow', 5000));
    const response = await t.http
      .post('/api/workflows/publish-flow/publish')
      .set(await client.auth('admin'))
      .send({ note: 'First cut' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      key: 'publish-flow',
      version: 1,
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      warnings: expect.any(Array),
    });
    const versions = await t.http
      .get('/api/workflows/publish-flow/versions')
      .set(await client.auth('agent'))
      .expect(200);
    expect(versions.body[0]).toMatchObject({
      version: 1,
      note: 'First cut',
      publishedBy: 'admin',
      activeTickets: 0,
      deprecatedAt: null,
    });
  });

  it("keeps a workflow's conditions and thresholds from requesters unless it marks them public", async () => {
    const read = async (username: string, path: string) =>
      (
        await t.http
          .get(path)
          .set(await client.auth(username))
          .expect(200)
      ).body as unknown;
    const publish = async () =>
      t.http
        .post('/api/workflows/secret-flow/publish')
        .set(await client.auth('admin'))
        .send({})
        .expect(201);
    const flow = refundFlow('secret-flow', 7300);
    flow.edges = flow.edges.map((edge) => (edge.id === 'e3' ? { ...edge, label: 'over 7300' } : edge));
    flow.nodes = flow.nodes.map((node) =>
      node.id === 'finance' ? { ...node, approvers: { users: ['finance1'] } } : node,
    );
    await saveDraft(flow);
    await publish();
    for (const path of ['/api/workflows/secret-flow/versions', '/api/workflows/secret-flow/versions/1']) {
      const text = JSON.stringify(await read('requester', path));
      for (const hidden of ['7300', 'greaterThan', '"condition"', 'finance1', 'publishedBy'])
        expect(text, `${path} shows ${hidden} to a requester`).not.toContain(hidden);
      expect(text).toContain('Finance approval');
      expect(JSON.stringify(await read('agent', path))).toContain('7300');
    }
    await saveDraft({ ...flow, conditionsPublic: true });
    await publish();
    const v2 = (await read('requester', '/api/workflows/secret-flow/versions/2')) as {
      definition: { conditionsPublic: boolean; edges: { id: string; condition?: unknown; label?: string }[] };
    };
    expect(v2.definition.conditionsPublic).toBe(true);
    expect(v2.definition.edges.find((edge) => edge.id === 'e3')).toMatchObject({
      condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 7300 }] },
      label: 'over 7300',
    });
    expect(JSON.stringify(v2)).not.toContain('finance1');
  });

  it('refuses to publish an invalid draft with its problems (422), and refuses designers (403)', async () => {
    const broken = refundFlow('broken-flow', 5000);
    broken.edges = broken.edges.filter((edge) => edge.id !== 'e4');
    await saveDraft(broken);
    const invalid = await t.http
      .post('/api/workflows/broken-flow/publish')
      .set(await client.auth('admin'))
      .send({});
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('definition-invalid');
    expect(invalid.body.details.problems.some((p: { severity: string }) => p.severity === 'error')).toBe(
      true,
    );
    await saveDraft(refundFlow('owner-flow', 5000));
    const forbidden = await t.http
      .post('/api/workflows/owner-flow/publish')
      .set(await client.auth('owner'))
      .send({});
    expect(forbidden.status).toBe(403);
  });

  it('keeps a ticket started on v1 on v1 after v2 is published, following v1 routing', async () => {
    const pinned = await client.publishAndCreate(refundFlow('pin-flow', 5000), {
      title: 'Pinned',
      fields: { refundAmount: 4000 },
    });
    const v2 = await client.publish(refundFlow('pin-flow', 3000));
    expect(v2.version).toBe(2);
    const fresh = await client.createTicket('requester', {
      workflowKey: 'pin-flow',
      title: 'Fresh',
      fields: { refundAmount: 4000 },
    });
    expect(fresh).toMatchObject({ workflow: { key: 'pin-flow', version: 2 } });

    await client.act('agent', (await client.taskFor('agent', pinned.id, 'review')).id, 'complete');
    await client.act('agent', (await client.taskFor('agent', fresh.id, 'review')).id, 'complete');
    expect(await client.ticket('requester', pinned.id)).toMatchObject({
      activeNodes: ['manager'],
      workflow: { version: 1 },
    });
    expect(await client.ticket('requester', fresh.id)).toMatchObject({
      activeNodes: ['finance'],
      workflow: { version: 2 },
    });
    const versions = await t.http
      .get('/api/workflows/pin-flow/versions')
      .set(await client.auth('admin'))
      .expect(200);
    expect(
      versions.body.map((v: { version: number; activeTickets: number }) => [v.version, v.activeTickets]),
    ).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it('diffs the draft against the latest version and words the changed condition', async () => {
    await client.publish(refundFlow('diff-flow', 5000));
    const draft = refundFlow('diff-flow', 3000);
    draft.nodes.push({ id: 'audit', type: 'task', name: 'Audit', assignee: { role: 'agent' } });
    draft.edges = draft.edges.map((edge) => (edge.id === 'e5' ? { ...edge, target: 'audit' } : edge));
    draft.edges.push({ id: 'e10', source: 'audit', target: 'done', on: 'completed' });
    await saveDraft(draft);
    const response = await t.http
      .get('/api/workflows/diff-flow/diff')
      .set(await client.auth('owner'))
      .expect(200);
    expect(response.body.from).toMatchObject({ ref: 1, label: 'v1' });
    expect(response.body.to).toMatchObject({ ref: 'draft', label: 'draft' });
    expect(response.body.diff.nodes.added.map((n: { id: string }) => n.id)).toEqual(['audit']);
    expect(response.body.diff.edges.changed.map((e: { id: string }) => e.id)).toEqual(['e3', 'e5']);
    expect(response.body.changes.map((c: { text: string }) => c.text)).toContain(
      'Path “Refund amount? → Finance approval”: condition when Refund amount > 5,000 → when Refund amount > 3,000',
    );
    const zh = await t.http
      .get('/api/workflows/diff-flow/diff?from=1&to=draft&lang=zh')
      .set(await client.auth('admin'))
      .expect(200);
    expect(zh.body.changes.some((c: { text: string }) => c.text.includes('新增'))).toBe(true);
    const between = await t.http
      .get('/api/workflows/diff-flow/diff?from=1&to=1')
      .set(await client.auth('admin'))
      .expect(200);
    expect(between.body.diff.identical).toBe(true);
    expect(
      (await t.http.get('/api/workflows/diff-flow/diff?from=7').set(await client.auth('admin'))).status,
    ).toBe(404);
    expect(
      (await t.http.get('/api/workflows/diff-flow/diff?from=latest').set(await client.auth('admin'))).status,
    ).toBe(400);
  });

  it('previews the impact of a lower threshold on recent tickets, naming each ticket', async () => {
    await client.publish(refundFlow('impact-flow', 5000));
    const amounts = [4000, 4500, 3500, 6000, 1000];
    const tickets = [];
    for (const amount of amounts)
      tickets.push(
        await client.createTicket('requester', {
          workflowKey: 'impact-flow',
          title: `Refund ${amount}`,
          fields: { refundAmount: amount },
        }),
      );
    // One of them already went through review (and so waits for the manager on v1).
    await client.act('agent', (await client.taskFor('agent', tickets[0]!.id, 'review')).id, 'complete');
    await saveDraft(refundFlow('impact-flow', 3000));

    const response = await t.http
      .post('/api/workflows/impact-flow/impact')
      .set(await client.auth('owner'))
      .send({})
      .expect(200);
    expect(response.body).toMatchObject({ key: 'impact-flow', version: 1, sampled: 5, differing: 3 });
    expect(response.body.groups).toHaveLength(1);
    expect(response.body.groups[0]).toMatchObject({
      count: 3,
      nowVisits: [{ id: 'finance', name: 'Finance approval' }],
      noLongerVisits: [{ id: 'manager', name: 'Manager approval' }],
      summary:
        '3 tickets would now go through “Finance approval” and no longer go through “Manager approval”',
    });
    const ids = response.body.groups[0].tickets.map((ticket: { ticketId: string }) => ticket.ticketId).sort();
    expect(ids).toEqual([tickets[0]!.id, tickets[1]!.id, tickets[2]!.id].sort());
    const limited = await t.http
      .post('/api/workflows/impact-flow/impact')
      .set(await client.auth('admin'))
      .send({ limit: 2 })
      .expect(200);
    expect(limited.body.sampled).toBe(2);
    expect(
      (
        await t.http
          .post('/api/workflows/impact-flow/impact')
          .set(await client.auth('admin'))
          .send({ limit: 0 })
      ).status,
    ).toBe(400);
  });

  it('refuses an impact preview of an invalid draft with its problems', async () => {
    await client.publish(refundFlow('impact-broken', 5000));
    const broken = refundFlow('impact-broken', 3000);
    broken.edges = broken.edges.filter((edge) => edge.id !== 'e4');
    await saveDraft(broken);
    const response = await t.http
      .post('/api/workflows/impact-broken/impact')
      .set(await client.auth('admin'))
      .send({});
    expect(response.status).toBe(422);
    expect(response.body.details.problems.length).toBeGreaterThan(0);
  });
});
