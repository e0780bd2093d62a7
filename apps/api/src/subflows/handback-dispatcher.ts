import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pendingWork } from '@ticketflow/runtime';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { EngineEvents, type InstanceChanged } from '../engine/engine-events.js';
import { EngineService } from '../engine/engine.service.js';
import { EngineDrivenWorker } from '../engine/workers/engine-driven-worker.js';
import {
  claimHandbacks,
  closeHandback,
  msUntilNextHandback,
  postponeHandback,
  type ClaimedHandback,
} from '../engine/workers/handback-store.js';
import type { RoundResult } from '../engine/workers/polling-worker.js';

const BATCH = 20;
/** A short claim: a killed process's hand-backs are delivered by another within seconds. */
const LEASE_SECONDS = 10;
/** How long a hand-back waits while its parent is in incident. */
const INCIDENT_RETRY_SECONDS = 60;

/**
 * Delivers the ends of sub-flow children to their parents. The child's last
 * step wrote a hand-back row in its own statement; a round claims pending
 * rows and, per row, in one transaction locks the parent, re-checks that the
 * claim still owns the row, closes it and steps the parent with
 * `subflow.end` — so a crash anywhere between the child's end and the
 * parent's resume leaves the row pending and it is delivered after restart,
 * exactly once. A parent that no longer waits for that child (cancelled,
 * moved on by a timeout) gets nothing: the row is dropped with the reason.
 */
@Injectable()
export class HandbackDispatcher extends EngineDrivenWorker {
  readonly stats = { delivered: 0, dropped: 0, postponed: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
    events: EngineEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('sub-flow hand-back', new Logger('HandbackDispatcher'), events, config.workers);
  }

  protected wakesOn(change: InstanceChanged): boolean {
    return change.handbackWritten === true;
  }

  /** One round: claim, deliver each in its own transaction. Side effects: database writes. */
  async round(): Promise<RoundResult> {
    const claimed = await claimHandbacks(this.dataSource, BATCH, LEASE_SECONDS);
    for (const handback of claimed) {
      try {
        await this.deliver(handback);
      } catch (error) {
        // Left pending: the lease runs out and the next round tries again.
        this.logger.error(
          `hand-back ${handback.id} to ${handback.parent_instance_id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (claimed.length === BATCH) return { more: true };
    return { more: false, nextInMs: await msUntilNextHandback(this.dataSource) };
  }

  private async deliver(handback: ClaimedHandback): Promise<void> {
    const postponed = await this.tx.run(async (uow) => {
      const parent = await this.engine.lock(uow, { instanceId: handback.parent_instance_id });
      const waits =
        parent.status === 'active' &&
        pendingWork(parent.snapshot).subflows.some((s) => s.subflowKey === handback.subflow_key);
      if (parent.status === 'incident') return true;
      if (!waits) {
        if (
          await closeHandback(
            uow.manager,
            handback,
            'dropped',
            `the parent is ${parent.status} and no longer waits for this child`,
          )
        )
          this.stats.dropped += 1;
        return false;
      }
      if (!(await closeHandback(uow.manager, handback, 'delivered', null))) return false;
      // A refusal (another writer moved the parent meanwhile) rolls the close back: the next round retries.
      await this.engine.apply(
        uow,
        parent,
        {
          type: 'subflow.end',
          subflowKey: handback.subflow_key,
          outcome: handback.outcome,
          fields: handback.fields,
        },
        null,
      );
      this.stats.delivered += 1;
      return false;
    });
    if (postponed) {
      await postponeHandback(
        this.dataSource,
        handback,
        'The parent ticket is in incident; waiting for an admin.',
        INCIDENT_RETRY_SECONDS,
      );
      this.stats.postponed += 1;
    }
  }
}
