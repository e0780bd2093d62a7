import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { EngineEvents } from '../engine/engine-events.js';
import { messageIdDomain } from '../mail/mail-threading.js';
import { notificationMail } from '../mail/notification-mail.js';
import { SurveyTokens } from '../satisfaction/survey-token.js';

/** A notification whose e-mail is due, with its recipient's address. */
interface DueMail {
  id: string;
  email: string;
  title: string;
  body: string;
  attempts: number;
  kind: string;
  ticket_id: string | null;
  ticket_number: string | null;
  reply_to: string | null;
  survey_id: string | null;
}

const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** A claim older than this was left by a crashed sender: the row is due again. */
const CLAIM_SECONDS = 120;

/**
 * Sends notification e-mails over SMTP (nodemailer) when `SMTP_URL` is set,
 * always after the step that wrote them committed: the rows marked `pending`
 * are the outbox. Woken after each commit and every poll interval; claims a
 * batch (`sending` until a deadline), sends, and marks each `sent`, or due
 * again with backoff, or `failed` after five attempts. Side effects: SMTP,
 * notification rows.
 */
@Injectable()
export class MailSender implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MailSender');
  private transport: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EngineEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly surveys: SurveyTokens,
  ) {}

  onModuleInit(): void {
    const { smtpUrl } = this.config.mail;
    if (!smtpUrl || !this.config.workers.enabled) return;
    this.transport = createTransport(smtpUrl);
    this.unsubscribe = this.events.subscribe(() => this.wake());
    this.timer = setInterval(() => this.wake(), Math.max(this.config.workers.pollMs, 1000) * 5);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** Starts a drain unless one runs; a wake during a drain runs one more. */
  wake(): void {
    if (!this.transport) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) =>
        this.logger.warn(`mail drain failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Sends every due e-mail (in batches); resolves when none is left. */
  async drain(): Promise<void> {
    for (;;) {
      const due = await this.claim();
      if (due.length === 0) return;
      for (const mail of due) await this.send(mail);
    }
  }

  private async claim(): Promise<DueMail[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications n SET email_status = 'sending', email_attempts = n.email_attempts + 1, email_next_at = now() + make_interval(secs => $2)
         FROM users u
        WHERE u.id = n.user_id AND n.id IN (
          SELECT id FROM notifications WHERE email_status IN ('pending', 'sending') AND email_next_at <= now() ORDER BY email_next_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING n.id, u.email, n.title, n.body, n.email_attempts AS attempts, n.kind, n.ticket_id,
          (SELECT number::text FROM tickets t WHERE t.id = n.ticket_id) AS ticket_number,
          (SELECT c.address FROM mail_messages m JOIN mail_channels c ON c.id = m.channel_id AND c.enabled
            WHERE m.ticket_id = n.ticket_id AND m.status = 'ticket' LIMIT 1) AS reply_to,
          (SELECT s.id FROM satisfaction_surveys s WHERE n.kind = 'ticket.resolved' AND s.ticket_id = n.ticket_id
            AND s.requester_id = n.user_id AND s.responded_at IS NULL) AS survey_id`,
      [BATCH, CLAIM_SECONDS],
    )) as [DueMail[], number];
    return rows;
  }

  private async send(mail: DueMail): Promise<void> {
    const transport = this.transport as Transporter;
    try {
      const token = mail.survey_id ? this.surveys.sign(mail.survey_id) : undefined;
      const message = notificationMail(
        {
          id: mail.id,
          title: mail.title,
          body: mail.body,
          ticketId: mail.ticket_id,
          ticketNumber: mail.ticket_number === null ? null : Number(mail.ticket_number),
          replyTo: mail.reply_to,
          ...(token
            ? {
                ratingLinks: [1, 2, 3, 4, 5].map(
                  (rating) => `${this.config.mail.publicUrl}/rate?token=${token}&rating=${rating}`,
                ),
              }
            : {}),
        },
        messageIdDomain(this.config.mail.from),
      );
      await transport.sendMail({ from: this.config.mail.from, to: mail.email, ...message });
      await this.dataSource.query(
        `UPDATE notifications SET email_status = 'sent', emailed_at = now(), email_error = NULL WHERE id = $1`,
        [mail.id],
      );
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const failed = mail.attempts >= MAX_ATTEMPTS;
      await this.dataSource.query(
        `UPDATE notifications SET email_status = $2, email_error = $3, email_next_at = CASE WHEN $2 = 'failed' THEN NULL ELSE now() + make_interval(secs => $4) END WHERE id = $1`,
        [mail.id, failed ? 'failed' : 'pending', message, 2 ** mail.attempts * 5],
      );
      this.logger.warn(
        `e-mail for notification ${mail.id} ${failed ? 'failed for good' : 'will be retried'}: ${message}`,
      );
    }
  }
}
