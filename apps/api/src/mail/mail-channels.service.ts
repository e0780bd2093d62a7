import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid, notFound } from '../common/errors/domain-error.js';
import { checkFieldMappings } from '../intake/check-channel-config.js';
import type { FieldMapping } from '../intake/intake-channels.js';
import type { MailChannelDto, UnknownSenderPolicy } from './mail-channel.dto.js';

/** A channel as stored, with what receiving needs. */
export interface MailChannelRow {
  id: string;
  address: string;
  enabled: boolean;
  workflow_key: string;
  title_template: string;
  field_mappings: FieldMapping[];
  unknown_sender: UnknownSenderPolicy;
  fallback_requester_id: string | null;
  fallback_requester: string | null;
  allowed_domains: string[];
  max_bytes: number;
}

/** A channel as admins read it. */
export interface MailChannelView {
  id: string;
  address: string;
  enabled: boolean;
  workflowKey: string;
  titleTemplate: string;
  fieldMappings: FieldMapping[];
  unknownSender: UnknownSenderPolicy;
  fallbackRequester: string | null;
  allowedDomains: string[];
  maxBytes: number;
}

const SELECT = `SELECT c.id, c.address, c.enabled, c.workflow_key, c.title_template, c.field_mappings, c.unknown_sender,
  c.fallback_requester_id, u.username AS fallback_requester, c.allowed_domains, c.max_bytes
  FROM mail_channels c LEFT JOIN users u ON u.id = c.fallback_requester_id`;

/** Admin configuration of inbound e-mail addresses (`/api/mail/channels`). Audited. */
@Injectable()
export class MailChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<MailChannelView[]> {
    return ((await this.dataSource.query(`${SELECT} ORDER BY c.address`)) as MailChannelRow[]).map(toView);
  }

  /** The enabled channel that receives mail for `address`, or undefined. Reads only. */
  async forRecipient(address: string): Promise<MailChannelRow | undefined> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE c.address = $1`, [
      address.toLowerCase(),
    ])) as MailChannelRow[];
    return row;
  }

  /** The largest size any channel accepts (the SMTP server's own limit). Reads only. */
  async largestSize(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT max(max_bytes) AS n FROM mail_channels WHERE enabled`,
    )) as { n: number | null }[];
    return row?.n ?? 10 * 1024 * 1024;
  }

  /** Creates or replaces the channel of `body.address` (`id` given: that channel, which may change address). */
  async save(body: MailChannelDto, user: AuthUser, id?: string): Promise<MailChannelView> {
    const mappings = body.fieldMappings ?? [];
    const problems = checkFieldMappings(mappings);
    if (problems.length > 0)
      throw invalid(
        'invalid-field-mappings',
        `The field mappings are not valid: ${problems.join('; ')}.`,
        problems,
      );
    const policy = body.unknownSender ?? 'reject';
    if (policy === 'fallback' && !body.fallbackRequester)
      throw invalid(
        'fallback-requester-required',
        'fallbackRequester is required when unknownSender is "fallback".',
        [
          {
            field: 'fallbackRequester',
            code: 'required',
            message: 'required when unknownSender is "fallback"',
          },
        ],
      );
    return this.dataSource.transaction(async (manager) => {
      const [workflow] = (await manager.query('SELECT 1 FROM workflow_versions WHERE key = $1 LIMIT 1', [
        body.workflowKey,
      ])) as unknown[];
      if (!workflow)
        throw invalid('unknown-workflow', `workflowKey "${body.workflowKey}" has no published version.`, [
          {
            field: 'workflowKey',
            code: 'unknown-workflow',
            params: { key: body.workflowKey },
            message: 'no published version',
          },
        ]);
      const fallbackId = body.fallbackRequester ? await this.userId(manager, body.fallbackRequester) : null;
      const address = body.address.trim().toLowerCase();
      const values = [
        address,
        body.enabled ?? true,
        body.workflowKey,
        body.titleTemplate ?? '{{subject}}',
        JSON.stringify(mappings),
        policy,
        fallbackId,
        body.allowedDomains ?? [],
        body.maxBytes ?? 10 * 1024 * 1024,
        user.id,
      ];
      let saved: { id: string }[];
      if (id) {
        await this.existing(manager, id);
        saved = (await manager
          .query(
            `UPDATE mail_channels SET address = $1, enabled = $2, workflow_key = $3, title_template = $4, field_mappings = $5, unknown_sender = $6,
             fallback_requester_id = $7, allowed_domains = $8, max_bytes = $9, updated_by = $10, updated_at = now() WHERE id = $11 RETURNING id`,
            [...values, id],
          )
          .then(([rows]: [{ id: string }[]]) => rows)) as { id: string }[];
      } else {
        saved = (await manager.query(
          `INSERT INTO mail_channels (address, enabled, workflow_key, title_template, field_mappings, unknown_sender, fallback_requester_id, allowed_domains, max_bytes, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (address) DO UPDATE SET enabled = $2, workflow_key = $3, title_template = $4, field_mappings = $5, unknown_sender = $6,
             fallback_requester_id = $7, allowed_domains = $8, max_bytes = $9, updated_by = $10, updated_at = now() RETURNING id`,
          values,
        )) as { id: string }[];
      }
      const savedId = (saved[0] as { id: string }).id;
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'mail.channel.save',
        objectType: 'mail-channel',
        objectId: savedId,
        details: { address, workflowKey: body.workflowKey, unknownSender: policy, mappings: mappings.length },
      });
      const [row] = (await manager.query(`${SELECT} WHERE c.id = $1`, [savedId])) as MailChannelRow[];
      return toView(row as MailChannelRow);
    });
  }

  /** Removes a channel; its past messages stay (without the channel). Audited. */
  async remove(id: string, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.existing(manager, id);
      await manager.query('DELETE FROM mail_channels WHERE id = $1', [id]);
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'mail.channel.delete',
        objectType: 'mail-channel',
        objectId: id,
        details: { address: row.address },
      });
    });
  }

  private async existing(manager: EntityManager, id: string): Promise<MailChannelRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Mail channel', id);
    const [row] = (await manager.query(`${SELECT} WHERE c.id = $1`, [id])) as MailChannelRow[];
    if (!row) throw notFound('Mail channel', id);
    return row;
  }

  private async userId(manager: EntityManager, username: string): Promise<string> {
    const [row] = (await manager.query('SELECT id FROM users WHERE username = $1 AND active', [
      username,
    ])) as { id: string }[];
    if (!row)
      throw invalid('unknown-requester', `fallbackRequester "${username}" is not an active user.`, [
        {
          field: 'fallbackRequester',
          code: 'unknown-user',
          params: { name: username },
          message: 'not an active user',
        },
      ]);
    return row.id;
  }
}

function toView(row: MailChannelRow): MailChannelView {
  return {
    id: row.id,
    address: row.address,
    enabled: row.enabled,
    workflowKey: row.workflow_key,
    titleTemplate: row.title_template,
    fieldMappings: row.field_mappings,
    unknownSender: row.unknown_sender,
    fallbackRequester: row.fallback_requester,
    allowedDomains: row.allowed_domains,
    maxBytes: row.max_bytes,
  };
}
