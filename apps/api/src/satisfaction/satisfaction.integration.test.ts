import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bodyOf, startSmtpSink, until } from '../../test/mail-servers.js';
import { resolvedTicket } from '../../test/satisfaction-fixtures.js';

describe('satisfaction: asked on resolution, answered once in the app or by one click, reported', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  const tickets: Record<'byMail' | 'inApp' | 'rejected' | 'unanswered', string> = {
    byMail: '',
    inApp: '',
    rejected: '',
    unanswered: '',
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      mail: {
        ...loadConfig({}).mail,
        smtpUrl: `smtp://127.0.0.1:${sink.port}`,
        from: 'Acme <support@acme.test>',
        inboundHost: '127.0.0.1',
        publicUrl: 'https://tickets.acme.test',
      },
    });
    await t.db.dataSource.query(`UPDATE users SET email = 'rita@customer.test' WHERE username = 'requester'`);
    tickets.byMail = await resolvedTicket(t, 40);
    tickets.inApp = await resolvedTicket(t, 60);
    tickets.rejected = await resolvedTicket(t, 80, 'reject');
    tickets.unanswered = await resolvedTicket(t, 6200);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('asks the requester of each resolved ticket (not a rejected one), about the agent who resolved it', async () => {
    const rows = (await t.db.dataSource.query(
      `SELECT s.ticket_id, u.username AS agent, s.responded_at FROM satisfaction_surveys s LEFT JOIN users u ON u.id = s.agent_id`,
    )) as { ticket_id: string; agent: string; responded_at: Date | null }[];
    const agentOf = Object.fromEntries(rows.map((row) => [row.ticket_id, row.agent]));
    expect(agentOf).toEqual({
      [tickets.byMail]: 'manager',
      [tickets.inApp]: 'manager',
      [tickets.unanswered]: 'finance1',
    });
  });

  it('mails one-click links whose signed token records the rating once, then takes the missing comment once', async () => {
    const mail = await until(() =>
      sink.received.find((entry) => bodyOf(entry.data).includes('Refund 40 was resolved')),
    );
    const links = [
      ...bodyOf(mail.data).matchAll(/https:\/\/tickets\.acme\.test\/rate\?token=([\w.-]+)&rating=(\d)/g),
    ];
    expect(links.map((link) => link[2])).toEqual(['1', '2', '3', '4', '5']);
    const token = links[3]?.[1] as string;
    const survey = await t.http.get(`/api/satisfaction/survey?token=${token}`).expect(200);
    expect(survey.body).toMatchObject({ state: 'asked', ticket: { title: 'Refund 40' } });
    expect(survey.body.ticket.id).toBeUndefined();
    const answered = await t.http.post('/api/satisfaction/answer').send({ token, rating: 4 }).expect(200);
    expect(answered.body).toMatchObject({ state: 'answered', rating: 4, comment: null });
    await t.http.post('/api/satisfaction/answer').send({ token, rating: 4 }).expect(200);
    expect((await t.http.post('/api/satisfaction/answer').send({ token, rating: 1 })).body.code).toBe(
      'survey-already-answered',
    );
    await t.http.post('/api/satisfaction/answer').send({ token, comment: 'Quick, thanks.' }).expect(200);
    expect(
      (await t.http.post('/api/satisfaction/answer').send({ token, comment: 'Changed my mind' })).status,
    ).toBe(409);
    const [row] = (await t.db.dataSource.query(
      'SELECT rating, comment, response_via FROM satisfaction_surveys WHERE ticket_id = $1',
      [tickets.byMail],
    )) as unknown[];
    expect(row).toEqual({ rating: 4, comment: 'Quick, thanks.', response_via: 'email' });
  });

  it('refuses forged or altered tokens', async () => {
    const forged = '0b5e7a58-6f7c-4d7e-9c51-3b1f8f4c2a10.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await t.http.get(`/api/satisfaction/survey?token=${forged}`)).status).toBe(404);
    expect((await t.http.post('/api/satisfaction/answer').send({ token: forged, rating: 5 })).status).toBe(
      404,
    );
    expect((await t.http.get('/api/satisfaction/survey')).status).toBe(400);
  });

  it('lets the requester rate in the app once; nobody else reads or answers their survey', async () => {
    const path = `/api/tickets/${tickets.inApp}/satisfaction`;
    expect(
      (
        await t.http
          .get(path)
          .set(await as('requester'))
          .expect(200)
      ).body,
    ).toMatchObject({ state: 'asked' });
    expect((await t.http.get(path).set(await as('manager'))).status).toBe(404);
    expect(
      (
        await t.http
          .post(path)
          .set(await as('agent'))
          .send({ rating: 1 })
      ).status,
    ).toBe(404);
    const bad = await t.http
      .post(path)
      .set(await as('requester'))
      .send({ rating: 6 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('rating');
    const done = await t.http
      .post(path)
      .set(await as('requester'))
      .send({ rating: 5, comment: 'Great' })
      .expect(200);
    expect(done.body).toMatchObject({ state: 'answered', rating: 5, comment: 'Great' });
    expect(
      (
        await t.http
          .post(path)
          .set(await as('requester'))
          .send({ rating: 1 })
      ).body.code,
    ).toBe('survey-already-answered');
    const rejected = `/api/tickets/${tickets.rejected}/satisfaction`;
    expect(
      (
        await t.http
          .get(rejected)
          .set(await as('requester'))
          .expect(200)
      ).body,
    ).toEqual({ state: 'none' });
    expect(
      (
        await t.http
          .post(rejected)
          .set(await as('requester'))
          .send({ rating: 3 })
      ).body.code,
    ).toBe('survey-not-open');
  });

  it('reports asked, answered, response rate and ratings by workflow, agent, channel and month', async () => {
    const report = (
      await t.http
        .get('/api/reports/satisfaction')
        .set(await as('manager'))
        .expect(200)
    ).body as Record<string, unknown>[];
    const month = new Date().toISOString().slice(0, 7);
    const pick = (dimension: string, key: string) =>
      report.find((row) => row.dimension === dimension && row.key === key);
    expect(pick('all', '')).toMatchObject({
      asked: 3,
      answered: 2,
      responseRate: 0.6667,
      avgRating: 4.5,
      rating4: 1,
      rating5: 1,
      rating1: 0,
    });
    expect(pick('workflow', 'refund-approval')).toMatchObject({ asked: 3, answered: 2 });
    expect(pick('agent', 'manager')).toMatchObject({
      label: 'Mia Manager',
      asked: 2,
      answered: 2,
      responseRate: 1,
      avgRating: 4.5,
    });
    expect(pick('agent', 'finance1')).toMatchObject({
      asked: 1,
      answered: 0,
      responseRate: 0,
      avgRating: null,
    });
    expect(pick('channel', 'web')).toMatchObject({ asked: 3, answered: 2 });
    expect(pick('period', month)).toMatchObject({ asked: 3, answered: 2 });
    expect(report.map((row) => row.dimension)).toEqual([
      'all',
      'workflow',
      'agent',
      'agent',
      'channel',
      'period',
    ]);
    const later = (
      await t.http
        .get('/api/reports/satisfaction?from=2099-01-01')
        .set(await as('manager'))
        .expect(200)
    ).body as Record<string, unknown>[];
    expect(later).toEqual([
      expect.objectContaining({ dimension: 'all', asked: 0, answered: 0, responseRate: null }),
    ]);
    const csv = await t.http
      .get('/api/reports/satisfaction?format=csv')
      .set(await as('admin'))
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFFdimension,key,label,asked,answered,responseRate,avgRating,rating1,rating2,rating3,rating4,rating5',
    );
    expect(csv.text).toContain('all,,,3,2,0.6667,4.5,0,0,0,1,1');
  });
});
