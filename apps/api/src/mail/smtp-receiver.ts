import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { MailIntakeService } from './mail-intake.service.js';

/** The hard ceiling of one message whatever a channel allows (50 MB, the channels' maximum). */
const SERVER_MAX_BYTES = 52_428_800;

/** An SMTP reply with a code, as smtp-server sends an error's `responseCode`. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The inbound e-mail channel: an SMTP server (smtp-server) on
 * `MAIL_INBOUND_HOST:MAIL_INBOUND_PORT` (loopback by default) that the
 * organisation's mail server relays the channels' addresses to. Refuses
 * unknown recipients at RCPT, messages over the channel's size while they
 * arrive, and hands each message to MailIntakeService; a rejected one is
 * answered 550 (the sender's server bounces it to a person), a failure 451
 * (the sender's server retries). Side effects: a listening socket.
 */
@Injectable()
export class SmtpReceiver implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SmtpReceiver');
  private server: SMTPServer | undefined;

  constructor(
    private readonly intake: MailIntakeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The port it listens on (the real one when configured as 0), or undefined when off. */
  port(): number | undefined {
    const address = this.server?.server.address() as AddressInfo | null | undefined;
    return address?.port;
  }

  async onModuleInit(): Promise<void> {
    const { inboundPort, inboundHost } = this.config.mail;
    if (inboundPort === undefined) return;
    this.server = new SMTPServer({
      name: 'ticketflow',
      banner: 'Ticketflow mail intake',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: SERVER_MAX_BYTES,
      maxClients: 20,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        this.intake
          .channelFor([address.address.toLowerCase()])
          .then((channel) =>
            callback(
              channel?.enabled ? null : smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`),
            ),
          )
          .catch(() => callback(smtpError(451, '4.3.0 try again later')));
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    this.server.on('error', (error) => this.logger.warn(`SMTP: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      this.server?.server.once('error', reject);
      this.server?.listen(inboundPort, inboundHost, () => resolve());
    });
    this.logger.log(`receiving e-mail on ${inboundHost}:${this.port()}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ): void {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= SERVER_MAX_BYTES) chunks.push(chunk);
    });
    stream.on('end', () => {
      if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 message too big'));
      const envelope = {
        mailFrom: session.envelope.mailFrom === false ? (false as const) : session.envelope.mailFrom.address,
        rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
      };
      this.intake
        .receive(Buffer.concat(chunks), envelope)
        .then((outcome) => {
          if (outcome.status === 'rejected')
            return callback(smtpError(550, `5.7.1 ${outcome.reason ?? 'rejected'}`));
          callback(null, outcome.ticketNumber ? `queued as TF-${outcome.ticketNumber}` : 'queued');
        })
        .catch((error: unknown) => {
          this.logger.error(`inbound e-mail failed: ${error instanceof Error ? error.stack : String(error)}`);
          callback(smtpError(451, '4.3.0 temporary failure, try again later'));
        });
    });
  }
}
