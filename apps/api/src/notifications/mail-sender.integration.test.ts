import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { startSmtpSink, until } from '../../test/mail-servers.js';
import { ticketClient } from '../../test/ticket-helpers.js';

describe('notification e-mail over SMTP', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      mail: {
        ...loadConfig({}).mail,
        smtpUrl: `smtp://127.0.0.1:${sink.port}`,
        from: 'Ticketflow <no-reply@ticketflow.test>',
      },
    });
    await t.db.dataSource.query(
      // Demo users are seeded with addresses; here only these two have one, so the agent's rows stay in-app.
      `UPDATE users SET email = CASE WHEN username IN ('requester', 'manager') THEN username || '@example.test' END`,
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('mails the approver their step and the requester the outcome, after the step committed', async () => {
    const client = ticketClient(t);
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Refund the kettle',
      fields: { refundAmount: 40 },
    });
    await client.attachReceipt(ticket.id);
    await client.act('agent', (await client.taskFor('agent', ticket.id, 'review')).id, 'complete');
    const toManager = await until(() =>
      sink.received.find((mail) => mail.to.includes('manager@example.test')),
    );
    expect(toManager.data).toContain('Manager approval');
    const approval = await client.taskFor('manager', ticket.id, 'manager');
    expect(
      (
        await client.act('manager', approval.id, 'approve', {
          comment: 'Refunded to your card.',
          visibility: 'public',
        })
      ).status,
    ).toBe(200);
    const resolved = await until(() =>
      sink.received.find(
        (mail) => mail.to.includes('requester@example.test') && mail.data.includes('was resolved'),
      ),
    );
    expect(resolved.data).toContain('From: Ticketflow <no-reply@ticketflow.test>');
    await until(() =>
      sink.received.find(
        (mail) => mail.to.includes('requester@example.test') && mail.data.includes('Refunded to your card.'),
      ),
    );
    const [row] = (await t.db.dataSource.query(
      `SELECT count(*)::int AS pending FROM notifications WHERE email_status IN ('pending', 'sending')`,
    )) as { pending: number }[];
    expect(row?.pending).toBe(0);
    const [agent] = (await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'agent' AND n.email_status IS NOT NULL`,
    )) as { n: number }[];
    expect(agent?.n).toBe(0);
  });
});
