import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { FailureThrottle, type ThrottleRule } from '../auth/failure-throttle.js';
import { conflict, DomainError } from '../common/errors/domain-error.js';
import { verifyWebhook, WEBHOOK_HEADERS, type WebhookRefusal } from './webhook-signature.js';

// Bad signatures from one address: 20 free, then waits doubling up to 5 minutes (the same limiter as sign-in).
const HOOK_ADDRESS: ThrottleRule = {
  name: 'hook-addr',
  freeFailures: 20,
  maxDelaySeconds: 300,
  windowSeconds: 3600,
};
// Ids are remembered well past the timestamp tolerance, so a replay inside the window always meets its id.
const REMEMBER_IDS = '1 hour';

const MESSAGES: Record<WebhookRefusal, string> = {
  'webhook-headers-missing':
    'Sign the request the Standard Webhooks way: webhook-id, webhook-timestamp and webhook-signature headers.',
  'webhook-timestamp-outside-tolerance':
    'webhook-timestamp is more than 5 minutes away from the server clock; sign again with the current time.',
  'invalid-signature':
    'webhook-signature does not match webhook-id.webhook-timestamp.body under any current secret of this route.',
};

/** Where a delivery went, for the replay table and the audit row. */
export interface WebhookRoute {
  /** `tickets/<id>/events/<message>` or `intake/<channel>`. */
  route: string;
  objectType: 'ticket' | 'intake-channel';
  objectId: string;
}

/**
 * The checks every signed inbound delivery goes through, whichever route it
 * came to: throttling of bad signatures per client address (shared by every
 * process), the Standard Webhooks signature and timestamp, a webhook id used
 * once across all routes (remembered in PostgreSQL), and an audit row for
 * every delivery, accepted or refused.
 */
@Injectable()
export class WebhookGate {
  private readonly throttle: FailureThrottle;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.throttle = new FailureThrottle(
      dataSource,
      [HOOK_ADDRESS],
      'too-many-bad-signatures',
      'signature checks',
    );
  }

  /** True when the request carries Standard Webhooks headers (the caller chose to sign). */
  static isSigned(headers: Record<string, unknown>): boolean {
    return headers[WEBHOOK_HEADERS.signature] !== undefined || headers[WEBHOOK_HEADERS.id] !== undefined;
  }

  /**
   * Throws 429 while the address must wait, 401 with the reason for a bad
   * signature (counted against the address). Returns the webhook id. Side
   * effects: throttle counters.
   */
  async verify(
    secrets: string[],
    headers: Record<string, string | undefined>,
    body: Buffer,
    address: string,
  ): Promise<string> {
    const keys = [{ rule: HOOK_ADDRESS, value: address }];
    await this.throttle.check(keys);
    if (secrets.length === 0)
      throw new DomainError(
        401,
        'signatures-disabled',
        'No secret is configured for signed deliveries on this route.',
      );
    const result = verifyWebhook(secrets, headers, body);
    if (!result.ok) {
      await this.throttle.recordFailure(keys);
      throw new DomainError(401, result.reason, MESSAGES[result.reason]);
    }
    return result.id;
  }

  /**
   * Remembers `webhookId` for `route` inside the caller's transaction; 409
   * `webhook-replayed` when any route has seen it already. Side effects: a row
   * (and now and then removes ids older than an hour).
   */
  async claim(manager: EntityManager, webhookId: string, route: string): Promise<void> {
    if (Math.random() < 0.02)
      await manager.query(
        `DELETE FROM webhook_deliveries WHERE received_at < now() - interval '${REMEMBER_IDS}'`,
      );
    const claimed = (await manager.query(
      'INSERT INTO webhook_deliveries (webhook_id, route) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING webhook_id',
      [webhookId, route],
    )) as unknown[];
    if (claimed.length === 0)
      throw conflict(
        'webhook-replayed',
        `webhook-id "${webhookId.slice(0, 80)}" was already delivered; a delivery is accepted once, on one route.`,
      );
  }

  /** Audits one delivery: accepted, or refused with the code that says why. Side effects: an audit row (own transaction unless `manager`). */
  async record(
    target: WebhookRoute,
    outcome: {
      accepted: boolean;
      code?: string;
      webhookId?: string;
      sender: 'signed' | 'user';
      actorId?: string;
      address: string;
    },
    manager?: EntityManager,
  ): Promise<void> {
    const entry = {
      actorId: outcome.actorId ?? null,
      action: outcome.accepted ? 'webhook.accepted' : 'webhook.refused',
      objectType: target.objectType,
      objectId: target.objectId.slice(0, 200),
      details: {
        route: target.route.slice(0, 300),
        webhookId: outcome.webhookId?.slice(0, 200) ?? null,
        sender: outcome.sender,
        address: outcome.address,
        ...(outcome.code ? { code: outcome.code } : {}),
      },
    };
    if (manager) await this.audit.append(manager, entry);
    else await this.dataSource.transaction((tx) => this.audit.append(tx, entry));
  }
}
