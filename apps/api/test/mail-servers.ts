import type { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  data: string;
}

/** An SMTP sink on loopback that keeps every message (the outbound side's mail server). */
export async function startSmtpSink(): Promise<{
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
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

/** What a sending mail server got back for one message: accepted, or the SMTP code and text. */
export interface SendResult {
  accepted: boolean;
  code?: number;
  response: string;
}

/**
 * Sends one message to the SMTP server on `port` as another mail server
 * would (plain SMTP on loopback). `raw` is a whole RFC 5322 message, or
 * nodemailer fields.
 */
export async function sendMail(
  port: number,
  message: {
    from: string;
    to: string;
    subject?: string;
    text?: string;
    headers?: Record<string, string>;
    inReplyTo?: string;
    references?: string;
    messageId?: string;
    attachments?: { filename: string; content: Buffer | string; contentType?: string }[];
    raw?: string;
  },
  envelopeFrom?: string,
): Promise<SendResult> {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    tls: { rejectUnauthorized: false },
  });
  try {
    const info = await transport.sendMail({
      ...message,
      ...(envelopeFrom === undefined ? {} : { envelope: { from: envelopeFrom, to: message.to } }),
    });
    return { accepted: info.accepted.length > 0, response: info.response };
  } catch (error) {
    const failure = error as { responseCode?: number; response?: string; message: string };
    return {
      accepted: false,
      ...(failure.responseCode ? { code: failure.responseCode } : {}),
      response: failure.response ?? failure.message,
    };
  } finally {
    transport.close();
  }
}

/** Polls `read` until it returns a value (or fails after `ms`). */
export async function until<T>(read: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A header's value in a raw message (unfolded), or undefined. */
export function headerOf(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.search(/\r?\n\r?\n/));
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim();
}

/** The text body of a raw single-part message, quoted-printable decoded. */
export function bodyOf(raw: string): string {
  const body = raw.slice(raw.search(/\r?\n\r?\n/)).trim();
  if (!/^Content-Transfer-Encoding:\s*quoted-printable/im.test(raw.slice(0, raw.search(/\r?\n\r?\n/))))
    return body;
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
}
