import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { EngineEvents } from '../engine/engine-events.js';

/** A notification whose e-mail is due, with its recipient's address. */
interface DueMail {
  id: string;
  email: string;
  title: string;
  body: string;
  attempts: number;
}

const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** A claim older than this was left by a crashed sender: the row is due again. */
const CLAIM_SECONDS = 120;

/** The plain-text body of a notification e-mail. Pure. */
export function mailText(mail: { title: string; body: string }): string {
  return [mail.title, '', mail.body, '', '— Ticketflow (open the app to reply)']
    .filter((line, index) => index !== 2 || mail.body !== '')
    .join('\n');
}

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
        RETURNING n.id, u.email, n.title, n.body, n.email_attempts AS attempts`,
      [BATCH, CLAIM_SECONDS],
    )) as [DueMail[], number];
    return rows;
  }

  private async send(mail: DueMail): Promise<void> {
    const transport = this.transport as Transporter;
    try {
      await transport.sendMail({
        from: this.config.mail.from,
        to: mail.email,
        subject: mail.title,
        text: mailText(mail),
      });
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
