import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DocumentAction } from '@ticketflow/definition';
import { renderText } from '../actions/action-template.js';
import { HttpCallError, sendGuarded } from '../actions/guarded-http-client.js';
import { loadTargetRules } from '../actions/http-action-settings.js';
import { fillSecrets, MissingSecretError, secretNames } from '../actions/secret-placeholders.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { SecretStore } from '../secrets/secret-store.js';
import { readDocumentData } from './document-data.js';
import { findDocumentFont, type DocumentFont } from './document-font.js';
import { buildDocumentModel, documentFileName } from './document-model.js';
import { renderPdf } from './pdf-renderer.js';

/**
 * Performs `document` actions for the outbox dispatcher, outside any
 * transaction and outside the engine's lock: reads the ticket, draws the PDF,
 * keeps it as an attachment (once per action visit: retries find the stored
 * file by its key), and optionally sends it on under the HTTP actions' host
 * rules. Throws {@link HttpCallError}: retryable when storing or sending may
 * succeed later, not when the document cannot be drawn.
 */
@Injectable()
export class DocumentActions {
  private font: DocumentFont | null | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly attachments: AttachmentsService,
    private readonly secrets: SecretStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Renders, stores and sends one document; resolves with no field changes. Side effects: see the class. */
  async perform(
    action: DocumentAction,
    ticketId: string,
    idempotencyKey: string,
  ): Promise<Record<string, unknown>> {
    const visibility = action.visibility ?? 'internal';
    const data = await readDocumentData(this.dataSource.manager, ticketId, visibility === 'public');
    if (!data) throw new HttpCallError(`ticket ${ticketId} no longer exists`, false);
    const now = new Date();
    let bytes: Buffer;
    try {
      this.font ??= findDocumentFont(this.config.attachments.documentFont);
      bytes = await renderPdf(buildDocumentModel(action, data, now), this.font, now);
    } catch (error) {
      throw new HttpCallError(`The document could not be drawn: ${messageOf(error)}`, false);
    }
    try {
      await this.attachments.store(ticketId, {
        name: documentFileName(action, data),
        contentType: 'application/pdf',
        bytes,
        visibility,
        actor: null,
        source: 'document',
        sourceKey: `document:${idempotencyKey}`,
      });
    } catch (error) {
      const retryable = !(error instanceof DomainError) || error.kind === 'operational';
      throw new HttpCallError(`The document could not be stored: ${messageOf(error)}`, retryable);
    }
    if (action.send) await this.send(action.send, bytes, data.ticket, idempotencyKey);
    return {};
  }

  private async send(
    send: NonNullable<DocumentAction['send']>,
    bytes: Buffer,
    ticket: { id: string; title: string; number: number; fields: Record<string, unknown> },
    idempotencyKey: string,
  ): Promise<void> {
    const context = {
      ticket: { id: ticket.id, title: ticket.title, number: ticket.number },
      fields: ticket.fields,
    };
    const names = Object.values(send.headers ?? {}).flatMap(secretNames);
    const values = names.length > 0 ? await this.secrets.values(names) : new Map<string, string>();
    const headers: Record<string, string> = { 'user-agent': 'Ticketflow' };
    try {
      for (const [name, value] of Object.entries(send.headers ?? {}))
        headers[name.toLowerCase()] = renderText(fillSecrets(value, values), context);
    } catch (error) {
      if (error instanceof MissingSecretError) throw new HttpCallError(error.message, false);
      throw error;
    }
    Object.assign(headers, { 'content-type': 'application/pdf', 'idempotency-key': idempotencyKey });
    const rules = await loadTargetRules(this.dataSource.manager, this.config.workers);
    await sendGuarded(
      {
        method: send.method ?? 'POST',
        url: renderText(send.url, context, encodeURIComponent),
        headers,
        body: bytes,
      },
      rules,
      {
        timeoutMs: this.config.workers.httpTimeoutMs,
        maxResponseBytes: this.config.workers.httpMaxResponseBytes,
      },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
