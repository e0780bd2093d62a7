import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { loadConfig } from '../config/app-config.js';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789';

/** The value of one series line (`name{labels} value`), or undefined when absent. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ operations: { ...loadConfig({}).operations, metricsToken: METRICS_TOKEN } });
  });
  afterAll(async () => t?.close());

  it('answers 401 without a token and 403 to a non-admin, in the error format', async () => {
    expect((await t.http.get('/metrics').expect(401)).body).toMatchObject({ code: 'unauthenticated' });
    expect(
      (await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token').expect(401)).body.code,
    ).toBeDefined();
    const agent = await t.login('agent');
    expect(
      (await t.http.get('/metrics').set('Authorization', `Bearer ${agent}`).expect(403)).body,
    ).toMatchObject({ code: 'role-required' });
  });

  it('exposes the named series with sane values after a scripted run', async () => {
    const client = ticketClient(t);
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Metrics run',
      fields: { refundAmount: 6200 },
    });
    await client.attachReceipt(ticket.id);
    const review = await client.taskFor('agent', ticket.id, 'review');
    expect((await client.act('agent', review.id, 'complete')).status).toBe(200);
    const approval = await client.taskFor('finance1', ticket.id, 'finance');
    expect((await client.act('finance1', approval.id, 'approve', { comment: 'ok' })).status).toBe(200);
    await t.http
      .get('/api/nope')
      .set('Authorization', `Bearer ${await t.login('agent')}`)
      .expect(404);

    const response = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    for (const name of [
      'ticketflow_http_request_duration_seconds',
      'ticketflow_engine_events_applied_total',
      'ticketflow_engine_transitions_committed_total',
      'ticketflow_timers',
      'ticketflow_timer_lag_seconds',
      'ticketflow_timers_fired_total',
      'ticketflow_outbox_messages',
      'ticketflow_outbox_sent_total',
      'ticketflow_outbox_failed_total',
      'ticketflow_outbox_retries_total',
      'ticketflow_incidents_open',
      'ticketflow_tasks_open',
      'ticketflow_sla_breached_open',
      'ticketflow_sse_clients',
      'ticketflow_db_pool_connections',
      'ticketflow_housekeeping_deleted_rows_total',
      'ticketflow_process_resident_memory_bytes',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(
      valueOf(text, 'ticketflow_engine_events_applied_total{workflow="refund-approval",kind="start"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(
        text,
        'ticketflow_engine_events_applied_total{workflow="refund-approval",kind="task.complete"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(text, 'ticketflow_engine_transitions_committed_total{workflow="refund-approval",kind="start"}'),
    ).toBeGreaterThanOrEqual(1);
    // Route templates, never ids; the unknown route counted once as unmatched.
    expect(text).toMatch(
      /ticketflow_http_request_duration_seconds_count\{method="POST",route="\/api\/tasks\/:id\/complete",status_code="200"\} [1-9]/,
    );
    expect(text).not.toContain(review.id);
    expect(
      valueOf(
        text,
        'ticketflow_http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}',
      ),
    ).toBe(1);
    expect(valueOf(text, 'ticketflow_incidents_open')).toBe(0);
    expect(valueOf(text, 'ticketflow_timer_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, 'ticketflow_sse_clients')).toBe(0);
    // The pool's own figures: its size as configured; a worker's query may be queued at any moment on the embedded database's one connection.
    expect(valueOf(text, 'ticketflow_db_pool_connections{state="max"}')).toBe(
      process.env.DATABASE_URL ? 20 : 1,
    );
    expect(valueOf(text, 'ticketflow_db_pool_connections{state="waiting"}')).toBeGreaterThanOrEqual(0);
  });

  it("counts open tasks by workflow and node and reads an admin's own token too", async () => {
    const client = ticketClient(t);
    await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Open review',
      fields: { refundAmount: 10 },
    });
    const admin = await t.login('admin');
    const text = (await t.http.get('/metrics').set('Authorization', `Bearer ${admin}`).expect(200)).text;
    const [row] = (await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM tasks t JOIN tickets k ON k.id = t.ticket_id WHERE t.status = 'open' AND k.workflow_key = 'refund-approval' AND t.node_id = 'review'`,
    )) as { n: number }[];
    // The database figures are cached for a few seconds: at least the earlier count, at most the current one.
    const shown = valueOf(text, 'ticketflow_tasks_open{workflow="refund-approval",node="review"}') ?? 0;
    expect(shown).toBeGreaterThanOrEqual((row?.n ?? 0) - 1);
    expect(shown).toBeLessThanOrEqual(row?.n ?? 0);
  });
});
