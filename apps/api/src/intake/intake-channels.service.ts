import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid, notFound } from '../common/errors/domain-error.js';
import { checkFieldMappings } from './check-channel-config.js';
import type { ChannelConfigDto } from './intake.dto.js';
import {
  INTAKE_CHANNELS,
  isIntakeChannel,
  type ChannelConfig,
  type IntakeChannel,
} from './intake-channels.js';

/** A channel row with what receiving needs (the secret never leaves the server). */
export interface ChannelRow {
  channel: IntakeChannel;
  enabled: boolean;
  secret: string | null;
  /** The secret before the last rotation, still accepted until an admin drops it. */
  previous_secret: string | null;
  workflow_key: string | null;
  title_template: string;
  field_mappings: ChannelConfig['fieldMappings'];
  requester_id: string | null;
  requester: string | null;
  updated_by: string | null;
}

const DEFAULT_TITLE = '{{channel}} message';

/** Admin configuration of intake channels: routing, title, field mappings, requester, secret. */
@Injectable()
export class IntakeChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<(ChannelConfig & { configured: boolean })[]> {
    const rows = await this.rows(this.dataSource.manager);
    return INTAKE_CHANNELS.map((channel) =>
      toConfig(
        rows.find((row) => row.channel === channel),
        channel,
      ),
    );
  }

  async get(channel: string): Promise<ChannelConfig & { configured: boolean }> {
    const known = checkChannel(channel);
    return toConfig(await this.load(this.dataSource.manager, known), known);
  }

  /** Saves the whole configuration of a channel; an absent secret keeps the stored one. Audited. */
  async put(
    channel: string,
    body: ChannelConfigDto,
    user: AuthUser,
  ): Promise<ChannelConfig & { configured: boolean }> {
    const known = checkChannel(channel);
    const problems = checkFieldMappings(body.fieldMappings);
    if (problems.length > 0)
      throw invalid(
        'invalid-field-mappings',
        `The field mappings are not valid: ${problems.join('; ')}.`,
        problems,
      );
    return this.dataSource.transaction(async (manager) => {
      let requesterId: string | null = null;
      if (body.requester) {
        const [row] = (await manager.query('SELECT id FROM users WHERE username = $1 AND active', [
          body.requester,
        ])) as { id: string }[];
        if (!row) throw invalid('unknown-requester', `requester "${body.requester}" is not an active user.`);
        requesterId = row.id;
      }
      await manager.query(
        `INSERT INTO intake_channels (channel, enabled, secret, workflow_key, title_template, field_mappings, requester_id, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (channel) DO UPDATE SET enabled = $2, secret = coalesce($3, intake_channels.secret), workflow_key = $4, title_template = $5,
           field_mappings = $6, requester_id = $7, updated_by = $8, updated_at = now(),
           -- Rotation: a new secret keeps the old one valid beside it until an admin drops it.
           previous_secret = CASE WHEN $9 THEN NULL WHEN $3::text IS NOT NULL AND $3 IS DISTINCT FROM intake_channels.secret THEN intake_channels.secret
                                  ELSE intake_channels.previous_secret END`,
        [
          known,
          body.enabled ?? true,
          body.secret ?? null,
          body.workflowKey ?? null,
          body.titleTemplate,
          JSON.stringify(body.fieldMappings),
          requesterId,
          user.id,
          body.dropPreviousSecret === true,
        ],
      );
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'intake.channel.update',
        objectType: 'intake-channel',
        objectId: known,
        details: {
          workflowKey: body.workflowKey ?? null,
          mappings: body.fieldMappings.length,
          secretChanged: body.secret !== undefined,
          previousSecretDropped: body.dropPreviousSecret === true,
        },
      });
      return toConfig(await this.load(manager, known), known);
    });
  }

  /** The stored row of a channel (with its secret), or undefined when not configured. Reads only. */
  async load(manager: EntityManager, channel: IntakeChannel): Promise<ChannelRow | undefined> {
    return (await this.rows(manager, channel))[0];
  }

  private async rows(manager: EntityManager, channel?: IntakeChannel): Promise<ChannelRow[]> {
    return (await manager.query(
      `SELECT c.channel, c.enabled, c.secret, c.previous_secret, c.workflow_key, c.title_template, c.field_mappings, c.requester_id, u.username AS requester, c.updated_by
         FROM intake_channels c LEFT JOIN users u ON u.id = c.requester_id
        WHERE $1::text IS NULL OR c.channel = $1`,
      [channel ?? null],
    )) as ChannelRow[];
  }
}

function checkChannel(channel: string): IntakeChannel {
  if (!isIntakeChannel(channel)) throw notFound('Intake channel', channel);
  return channel;
}

function toConfig(
  row: ChannelRow | undefined,
  channel: IntakeChannel,
): ChannelConfig & { configured: boolean } {
  if (!row)
    return {
      channel,
      configured: false,
      enabled: false,
      workflowKey: null,
      titleTemplate: DEFAULT_TITLE,
      fieldMappings: [],
      requester: null,
      hasSecret: false,
    };
  return {
    channel,
    configured: true,
    enabled: row.enabled,
    workflowKey: row.workflow_key,
    titleTemplate: row.title_template,
    fieldMappings: row.field_mappings,
    requester: row.requester,
    hasSecret: row.secret !== null,
  };
}
