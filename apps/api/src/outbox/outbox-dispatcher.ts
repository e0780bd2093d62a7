import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActionSpec, WorkflowDefinition } from '@ticketflow/definition';
import { pendingWork, type InstanceSnapshot } from '@ticketflow/runtime';
import { HttpCallError } from '../actions/guarded-http-client.js';
import { loadTargetRules } from '../actions/http-action-settings.js';
import { runHttpAction } from '../actions/http-action-runner.js';
import { performNotify } from '../actions/notify-action.js';
import { SecretStore } from '../secrets/secret-store.js';
import { DocumentActions } from '../documents/document-actions.js';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { EngineEvents, type InstanceChanged } from '../engine/engine-events.js';
import { EngineService } from '../engine/engine.service.js';
import { EngineDrivenWorker } from '../engine/workers/engine-driven-worker.js';
import {
  cancelOutbox,
  claimOutbox,
  closeOutbox,
  msUntilNextOutbox,
  renewOutboxLeases,
  retryOutboxLater,
} from '../engine/workers/outbox-store.js';
import { forEachLimited, type RoundResult } from '../engine/workers/polling-worker.js';

const BATCH = 20;
/** A short claim, renewed every 2 s while the call runs: a killed process's rows are sent again within seconds. */
const OUTBOX_LEASE_SECONDS = 10;

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
    private readonly documents: DocumentActions,
  ) {
    super('outbox dispatcher', new Logger('OutboxDispatcher'), events, config.workers);
  }

  protected wakesOn(change: InstanceChanged): boolean {
    return change.outboxWritten;
  }

  /** One round: claim, perform, report. Side effects: network calls and database writes. */
  async round(): Promise<RoundResult> {
    const claimed = await claimOutbox<ClaimedMessage>(this.dataSource, BATCH, OUTBOX_LEASE_SECONDS);
    const running = new Set(claimed);
    const renew = setInterval(
      () =>
        void renewOutboxLeases(this.dataSource, [...running], OUTBOX_LEASE_SECONDS).catch(() => undefined),
      2000,
    );
    try {
      await forEachLimited(claimed, this.config.workers.outboxConcurrency, async (message) => {
        await this.dispatch(message);
        running.delete(message);
      });
    } finally {
      clearInterval(renew);
    }
    if (claimed.length === BATCH) return { more: true };
    return { more: false, nextInMs: await msUntilNextOutbox(this.dataSource) };
  }

  private async dispatch(message: ClaimedMessage): Promise<void> {
    try {
      await this.perform(message);
    } catch (error) {
      this.logger.error(
        `outbox ${message.id} (${message.action_key}) failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async perform(message: ClaimedMessage): Promise<void> {
    const [info] = (await this.dataSource.query(
      `SELECT i.status, i.snapshot, t.id AS ticket_id, t.title, t.number, t.fields, t.requester_id, v.definition
         FROM instances i JOIN tickets t ON t.id = i.ticket_id JOIN workflow_versions v ON v.id = i.version_id WHERE i.id = $1`,
      [message.instance_id],
    )) as InstanceInfo[];
    const wanted =
      info?.status === 'active' &&
      pendingWork(info.snapshot).actions.some((action) => action.actionKey === message.action_key);
    if (!info || !wanted) {
      if (info?.status === 'incident')
        return this.retryLater(message, 'The instance is in incident; waiting for an admin.', null, 60);
      await cancelOutbox(this.dataSource, message);
      this.stats.cancelled += 1;
      return;
    }
    const action = message.payload;
    if (action.type !== 'http' && action.type !== 'document')
      return this.report(message, 'ok', {}, null, null);
    const context = {
      ticket: { id: info.ticket_id, title: info.title, number: Number(info.number) },
      fields: info.fields,
    };
    try {
      const fields =
        action.type === 'document'
          ? await this.documents.perform(action, info.ticket_id, actionIdempotencyKey(message))
          : await this.sendHttp(action, context, info, message);
      await this.report(message, 'ok', fields, null, 200);
    } catch (error) {
      const failure =
        error instanceof HttpCallError
          ? error
          : new HttpCallError(error instanceof Error ? error.message : String(error), true);
      if (failure.retryable && message.attempts < this.config.workers.outboxMaxAttempts) {
        const delay = (this.config.workers.outboxBackoffMs * 2 ** (message.attempts - 1)) / 1000;
        return this.retryLater(message, failure.message, failure.status ?? null, delay);
      }
      const after = failure.retryable ? ` (after ${message.attempts} attempts)` : '';
      await this.report(message, 'failed', undefined, `${failure.message}${after}`, failure.status ?? null);
    }
  }

  private async sendHttp(
    action: Extract<ActionSpec, { type: 'http' }>,
    context: { ticket: { id: string; title: string; number: number }; fields: Record<string, unknown> },
    info: InstanceInfo,
    message: ClaimedMessage,
  ): Promise<Record<string, unknown>> {
    const rules = await loadTargetRules(this.dataSource.manager, this.config.workers);
    return runHttpAction(
      {
        action,
        context,
        fieldDefinitions: info.definition.fields,
        idempotencyKey: actionIdempotencyKey(message),
        secrets: this.secrets,
      },
      rules,
      {
        timeoutMs: this.config.workers.httpTimeoutMs,
        maxResponseBytes: this.config.workers.httpMaxResponseBytes,
      },
    );
  }

  private async retryLater(
    message: ClaimedMessage,
    error: string,
    status: number | null,
    seconds: number,
  ): Promise<void> {
    await retryOutboxLater(this.dataSource, message, error, status, seconds);
    this.stats.retried += 1;
  }

  /**
   * Reports an action's result to its instance in one transaction: locks the
   * instance, re-checks that this claim still owns the row, marks it, performs
   * a notify action's inserts, and steps the runtime with `action.result`.
   */
  private report(
    message: ClaimedMessage,
    outcome: 'ok' | 'failed',
    fields: Record<string, unknown> | undefined,
    error: string | null,
    status: number | null,
  ): Promise<void> {
    return this.tx.run(async (uow) => {
      const instance = await this.engine.lock(uow, { instanceId: message.instance_id });
      if (!(await closeOutbox(uow.manager, message, outcome === 'ok' ? 'done' : 'failed', error, status)))
        return;
      if (instance.status !== 'active') return;
      if (message.payload.type === 'notify')
        await performNotify(uow.manager, instance, message.payload, message.action_key);
      try {
        const result = await this.engine.apply(
          uow,
          instance,
          {
            type: 'action.result',
            actionKey: message.action_key,
            outcome,
            ...(fields ? { fields } : {}),
            ...(error ? { error } : {}),
          },
          null,
        );
        if (result.result.snapshot.status === 'incident') {
          await uow.manager.query(
            `UPDATE incidents SET outbox_id = $1 WHERE instance_id = $2 AND status = 'open' AND outbox_id IS NULL AND code = 'action-failed'`,
            [message.id, message.instance_id],
          );
        }
      } catch (refused) {
        if (!(refused instanceof DomainError && refused.status === 409)) throw refused;
        return;
      }
      this.stats[outcome === 'ok' ? 'done' : 'failed'] += 1;
    });
  }
}
