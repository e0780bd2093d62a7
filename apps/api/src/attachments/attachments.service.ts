import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { TransactionRunner, type UnitOfWork } from '../common/context/transaction-runner.js';
import { conflict, invalid, notFound } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { EngineService } from '../engine/engine.service.js';
import { isRequesterView, TicketsService } from '../tickets/tickets.service.js';
import { checkFile, type CheckedFile } from './attachment-intake.js';
import {
  ATTACHMENT_COLUMNS,
  ATTACHMENT_JOINS,
  toAttachmentView,
  type AttachmentRow,
  type AttachmentView,
} from './attachment-view.js';
import { createBlobStore, type BlobStore } from './blob-store.js';
import { createVirusScanner, type VirusScanner } from './virus-scanner.js';

/** A file another module keeps on a ticket (an e-mail's attachment, a generated document). */
export interface StoreAttachmentInput {
  name: string;
  /** Informational only: the type is decided by the bytes. */
  contentType?: string;
  bytes: Buffer;
  visibility: 'internal' | 'public';
  /** Who added it; null for the system. */
  actor: { id: string } | null;
  source?: 'upload' | 'document' | 'email';
  /** Stores the file once per key: a retry with the same key answers the first file. */
  sourceKey?: string;
  /** The step (task) it came with. */
  taskId?: string;
}

/**
 * Files on tickets. Every file passes the same checks (name, size, type by
 * content, virus scan) and gets a timeline entry and an audit row written by
 * the engine in the ticket's own transaction. Reading follows the ticket's
 * authorization: whoever may see the ticket sees its files, except that the
 * requester sees public ones only.
 */
@Injectable()
export class AttachmentsService {
  private readonly blobs: BlobStore;
  private readonly scanner: VirusScanner;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.blobs = createBlobStore(config.attachments.store);
    this.scanner = createVirusScanner(config.attachments.scan);
  }

  /**
   * Keeps a file on a ticket for another module, with no authorization check
   * (the caller has decided): checks it, writes the bytes (bucket first, when
   * one is configured), then the row, the timeline entry and the audit row in
   * one transaction. Throws a DomainError when the file is refused.
   */
  async store(ticketId: string, input: StoreAttachmentInput): Promise<AttachmentView> {
    if (input.sourceKey) {
      const existing = await this.bySourceKey(input.sourceKey);
      if (existing) return existing;
    }
    const file = await checkFile(input, this.config.attachments, this.scanner);
    const id = randomUUID();
    const blob = await this.blobs.put(id, file.bytes, file.contentType);
    return this.tx.run(async (uow) => {
      const instance = await this.engine.lock(uow, { ticketId });
      const [row] = (await uow.manager.query(
        `INSERT INTO attachments (id, ticket_id, task_id, name, content_type, size_bytes, sha256, visibility, source, source_key, storage, storage_key, data, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (source_key) DO NOTHING RETURNING id`,
        [
          id,
          ticketId,
          input.taskId ?? null,
          file.name,
          file.contentType,
          file.bytes.length,
          file.sha256,
          input.visibility,
          input.source ?? 'upload',
          input.sourceKey ?? null,
          blob.storage,
          blob.storageKey,
          blob.data,
          input.actor?.id ?? null,
        ],
      )) as { id: string }[];
      if (!row) return (await this.bySourceKey(input.sourceKey!, uow)) as AttachmentView;
      await this.recordOnTimeline(uow, instance, id, file, input);
      return (await this.byId(id, uow)) as AttachmentView;
    });
  }

  /**
   * An upload through the API: the caller must see the ticket; the requester's
   * files are public, staff choose (internal by default). A `taskId` links the
   * file to an open step of this ticket. Closed tickets take no new files.
   */
  async upload(
    ticketId: string,
    file: { name: string; bytes: Buffer },
    options: { visibility?: 'internal' | 'public'; taskId?: string },
    user: AuthUser,
  ): Promise<AttachmentView> {
    const ticket = await this.assertMayUpload(ticketId, user);
    if (options.taskId !== undefined) await this.assertOpenTaskOf(ticketId, options.taskId);
    const fromRequester = ticket.requester_id === user.id;
    return this.store(ticketId, {
      ...file,
      visibility: fromRequester ? 'public' : (options.visibility ?? 'internal'),
      actor: { id: user.id },
      source: 'upload',
      ...(options.taskId ? { taskId: options.taskId } : {}),
    });
  }

  /**
   * The ticket, when `user` may add files to it: they see it (404 otherwise)
   * and it is still open (409 `ticket-closed`). Read-only.
   */
  async assertMayUpload(ticketId: string, user: AuthUser) {
    if (!/^[0-9a-f-]{36}$/i.test(ticketId)) throw notFound('Ticket', ticketId);
    const ticket = await this.tickets.visibleTicket(ticketId, user);
    if (ticket.status === 'completed' || ticket.status === 'cancelled')
      throw conflict('ticket-closed', `The ticket is ${ticket.status}; it takes no new files.`);
    return ticket;
  }

  /** The ticket's files, oldest first; the requester gets public ones without staff names. */
  async list(ticketId: string, user: AuthUser): Promise<AttachmentView[]> {
    const ticket = await this.tickets.visibleTicket(ticketId, user);
    const requester = isRequesterView(user, ticket);
    const rows = (await this.dataSource.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a ${ATTACHMENT_JOINS}
        WHERE a.ticket_id = $1 AND (NOT $2 OR a.visibility = 'public') ORDER BY a.created_at, a.id`,
      [ticketId, requester],
    )) as AttachmentRow[];
    return rows.map((row) => toAttachmentView(row, requester ? user.id : undefined));
  }

  /** One file's bytes for a download, under the same rules as `list`; 404 for anything not visible. */
  async open(id: string, user: AuthUser): Promise<{ view: AttachmentView; bytes: Buffer }> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Attachment', id);
    const [row] = (await this.dataSource.query(
      `SELECT ${ATTACHMENT_COLUMNS}, a.storage, a.storage_key, a.data FROM attachments a ${ATTACHMENT_JOINS} WHERE a.id = $1`,
      [id],
    )) as (AttachmentRow & { storage: string; storage_key: string | null; data: Buffer | null })[];
    if (!row) throw notFound('Attachment', id);
    const ticket = await this.tickets.visibleTicket(row.ticket_id, user).catch(() => {
      throw notFound('Attachment', id);
    });
    const requester = isRequesterView(user, ticket);
    if (requester && row.visibility !== 'public') throw notFound('Attachment', id);
    return {
      view: toAttachmentView(row, requester ? user.id : undefined),
      bytes: await this.blobs.get(row),
    };
  }

  private async recordOnTimeline(
    uow: UnitOfWork,
    instance: Awaited<ReturnType<EngineService['lock']>>,
    id: string,
    file: CheckedFile,
    input: StoreAttachmentInput,
  ): Promise<void> {
    const attachment = { id, name: file.name, contentType: file.contentType, size: file.bytes.length };
    await this.engine.touch(uow, instance, {
      tasksChanged: false,
      entries: [
        {
          event: 'attachment',
          payload: {
            kind: 'attachment',
            attachment,
            visibility: input.visibility,
            source: input.source ?? 'upload',
          },
          ...(input.actor ? { actorId: input.actor.id } : {}),
        },
      ],
      audit: [
        {
          actorId: input.actor?.id ?? null,
          action: 'ticket.attach',
          objectType: 'ticket',
          objectId: instance.ticketId,
          details: {
            ...attachment,
            sha256: file.sha256,
            visibility: input.visibility,
            source: input.source ?? 'upload',
          },
        },
      ],
    });
  }

  private async assertOpenTaskOf(ticketId: string, taskId: string): Promise<void> {
    const [task] = /^[0-9a-f-]{36}$/i.test(taskId)
      ? ((await this.dataSource.query(`SELECT status FROM tasks WHERE id = $1 AND ticket_id = $2`, [
          taskId,
          ticketId,
        ])) as { status: string }[])
      : [];
    if (!task || task.status !== 'open')
      throw invalid(
        'attachment-task-invalid',
        `taskId "${taskId.slice(0, 40)}" is not an open step of this ticket.`,
      );
  }

  private async byId(id: string, uow: UnitOfWork): Promise<AttachmentView | undefined> {
    const [row] = (await uow.manager.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a ${ATTACHMENT_JOINS} WHERE a.id = $1`,
      [id],
    )) as AttachmentRow[];
    return row ? toAttachmentView(row) : undefined;
  }

  private async bySourceKey(key: string, uow?: UnitOfWork): Promise<AttachmentView | undefined> {
    const [row] = (await (uow?.manager ?? this.dataSource.manager).query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a ${ATTACHMENT_JOINS} WHERE a.source_key = $1`,
      [key],
    )) as AttachmentRow[];
    return row ? toAttachmentView(row) : undefined;
  }
}
