import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

interface Received {
  to: string[];
  data: string;
}

/** An SMTP sink on loopback: accepts every message and keeps it. */
async function startSink(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until<T>(read: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('notification e-mail over SMTP', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSink>>;
  beforeAll(async () => {
    sink = await startSink();
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
