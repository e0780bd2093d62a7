import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActionSpec, WorkflowDefinition } from '@ticketflow/definition';
import { pendingWork, type InstanceSnapshot } from '@ticketflow/runtime';
import { HttpCallError } from '../actions/guarded-http-client.js';
import { loadTargetRules } from '../actions/http-action-settings.js';
import { runHttpAction } from '../actions/http-action-runner.js';
import { performNotify } from '../actions/notify-action.js';
import { SecretStore } from '../secrets/secret-store.js';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { EngineEvents, type InstanceChanged } from '../engine/engine-events.js';
import { EngineService } from '../engine/engine.service.js';
import { EngineDrivenWorker } from '../timers/engine-driven-worker.js';
import { forEachLimited, type RoundResult } from '../timers/polling-worker.js';

const BATCH = 20;

interface ClaimedMessage {
  id: string;
  instance_id: string;
  action_key: string;
  node_id: string;
  payload: ActionSpec;
  attempts: number;
}

interface InstanceInfo {
  status: string;
  snapshot: InstanceSnapshot;
  ticket_id: string;
  title: string;
  number: string;
  fields: Record<string, unknown>;
  requester_id: string;
  definition: WorkflowDefinition;
}

/** The header value receivers dedupe by: the same for every attempt of one action visit. Pure. */
export const actionIdempotencyKey = (message: { instance_id: string; action_key: string; node_id: string }) =>
  `${message.instance_id}:${message.action_key}:${message.node_id}`;

/**
 * Performs the actions the engine wrote to the transactional outbox. A round
 * claims pending rows with `FOR UPDATE SKIP LOCKED` and a lease
 * (`next_attempt_at` moves past the timeout, so a crashed worker's row comes
 * back), performs them outside any transaction, and reports the result to
 * the instance as `action.result` in one transaction that re-checks the row.
 * HTTP failures are retried with exponential backoff; after the last attempt
 * (or at once for refused targets and 4xx) the result is `failed`, which
 * follows the `failed` edge or raises an incident linked to the row.
 */
@Injectable()
export class OutboxDispatcher extends EngineDrivenWorker {
  readonly stats = { done: 0, failed: 0, retried: 0, cancelled: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
    events: EngineEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: SecretStore,
  ) {
    super('outbox dispatcher', new Logger('OutboxDispatcher'), events, config.workers);
  }

  protected wakesOn(change: InstanceChanged): boolean {
    return change.outboxWritten;
  }

  /** One round: claim, perform, report. Side effects: network calls and database writes. */
  async round(): Promise<RoundResult> {
    const leaseSeconds = Math.ceil(this.config.workers.httpTimeoutMs / 1000) + 30;
    const [claimed] = (await this.dataSource.query(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, instance_id, action_key, node_id, payload, attempts`,
      [BATCH, leaseSeconds],
    )) as [ClaimedMessage[], number];
    await forEachLimited(claimed, 8, (message) => this.dispatch(message));
    if (claimed.length === BATCH) return { more: true };
    const [next] = (await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000 AS ms FROM outbox WHERE status = 'pending'`,
    )) as { ms: string | null }[];
    return { more: false, nextInMs: next?.ms === null || next?.ms === undefined ? null : Number(next.ms) };
  }

  private async dispatch(message: ClaimedMessage): Promise<void> {
    try {
      await this.perform(message);
    } catch (error) {
      this.logger.error(`outbox ${message.id} (${message.action_key}) failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async perform(message: ClaimedMessage): Promise<void> {
    const [info] = (await this.dataSource.query(
      `SELECT i.status, i.snapshot, t.id AS ticket_id, t.title, t.number, t.fields, t.requester_id, v.definition
         FROM instances i JOIN tickets t ON t.id = i.ticket_id JOIN workflow_versions v ON v.id = i.version_id WHERE i.id = $1`,
      [message.instance_id],
    )) as InstanceInfo[];
    const wanted = info?.status === 'active' && pendingWork(info.snapshot).actions.some((action) => action.actionKey === message.action_key);
    if (!info || !wanted) {
      if (info?.status === 'incident') return this.retryLater(message, 'The instance is in incident; waiting for an admin.', null, 60);
      await this.dataSource.query(`UPDATE outbox SET status = 'cancelled', done_at = now() WHERE id = $1 AND status = 'pending' AND attempts = $2`, [message.id, message.attempts]);
      this.stats.cancelled += 1;
      return;
    }
    const action = message.payload;
    if (action.type !== 'http') return this.report(message, 'ok', {}, null, null);
    const context = { ticket: { id: info.ticket_id, title: info.title, number: Number(info.number) }, fields: info.fields };
    try {
      const rules = await loadTargetRules(this.dataSource.manager, this.config.workers);
      const fields = await runHttpAction(
        { action, context, fieldDefinitions: info.definition.fields, idempotencyKey: actionIdempotencyKey(message), secrets: this.secrets },
        rules,
        { timeoutMs: this.config.workers.httpTimeoutMs, maxResponseBytes: this.config.workers.httpMaxResponseBytes },
      );
      await this.report(message, 'ok', fields, null, 200);
    } catch (error) {
      const failure = error instanceof HttpCallError ? error : new HttpCallError(error instanceof Error ? error.message : String(error), true);
      if (failure.retryable && message.attempts < this.config.workers.outboxMaxAttempts) {
        const delay = (this.config.workers.outboxBackoffMs * 2 ** (message.attempts - 1)) / 1000;
        return this.retryLater(message, failure.message, failure.status ?? null, delay);
      }
      const after = failure.retryable ? ` (after ${message.attempts} attempts)` : '';
      await this.report(message, 'failed', undefined, `${failure.message}${after}`, failure.status ?? null);
    }
  }

  private async retryLater(message: ClaimedMessage, error: string, status: number | null, seconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET next_attempt_at = now() + make_interval(secs => $3), last_error = $4, last_status = $5
        WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [message.id, message.attempts, seconds, error.slice(0, 2000), status],
    );
    this.stats.retried += 1;
  }

  /**
   * Reports an action's result to its instance in one transaction: locks the
   * instance, re-checks that this claim still owns the row, marks it, performs
   * a notify action's inserts, and steps the runtime with `action.result`.
   */
  private report(message: ClaimedMessage, outcome: 'ok' | 'failed', fields: Record<string, unknown> | undefined, error: string | null, status: number | null): Promise<void> {
    return this.tx.run(async (uow) => {
      const instance = await this.engine.lock(uow, { instanceId: message.instance_id });
      const [row] = (await uow.manager.query(`SELECT status, attempts FROM outbox WHERE id = $1 FOR UPDATE`, [message.id])) as { status: string; attempts: number }[];
      if (!row || row.status !== 'pending' || row.attempts !== message.attempts) return;
      await uow.manager.query(`UPDATE outbox SET status = $2, done_at = now(), last_error = $3, last_status = $4 WHERE id = $1`, [
        message.id,
        outcome === 'ok' ? 'done' : 'failed',
        error?.slice(0, 2000) ?? null,
        status,
      ]);
      if (instance.status !== 'active') return;
      if (message.payload.type === 'notify') await performNotify(uow.manager, instance, message.payload, message.action_key);
      try {
        const result = await this.engine.apply(uow, instance, { type: 'action.result', actionKey: message.action_key, outcome, ...(fields ? { fields } : {}), ...(error ? { error } : {}) }, null);
        if (result.snapshot.status === 'incident') {
          await uow.manager.query(`UPDATE incidents SET outbox_id = $1 WHERE instance_id = $2 AND status = 'open' AND outbox_id IS NULL AND code = 'action-failed'`, [message.id, message.instance_id]);
        }
      } catch (refused) {
        if (!(refused instanceof DomainError && refused.kind === 'conflict')) throw refused;
        return;
      }
      this.stats[outcome === 'ok' ? 'done' : 'failed'] += 1;
    });
  }
}
