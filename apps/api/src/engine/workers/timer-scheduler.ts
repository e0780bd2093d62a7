import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionRunner, type UnitOfWork } from '../../common/context/transaction-runner.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG, DATABASE_KIND } from '../../config/app-config.token.js';
import type { DatabaseKind } from '../../database/database-connection.js';
import { EngineEvents, type InstanceChanged } from '../engine-events.js';
import { EngineService, type BatchItem, type LoadedInstance } from '../engine.service.js';
import { EngineDrivenWorker } from './engine-driven-worker.js';
import { forEachLimited, type RoundResult } from './polling-worker.js';
import {
  claimDueTimers,
  lockTimers,
  msUntilNextTimer,
  recordTimerFailure,
  renewTimerLeases,
  type ClaimedTimer,
  type LockedTimer,
} from './timer-store.js';

/** Timers claimed per round. */
const CLAIM = 128;
/** Timers fired per transaction. */
const BATCH = 32;
/** A short lease, renewed while the work runs: a killed process's timers are taken over within seconds. */
export const TIMER_LEASE_SECONDS = 5;
const RENEW_EVERY_MS = 2000;
const MAX_ATTEMPTS = 10;

export type FireOutcome = 'fired' | 'skipped' | 'postponed';

/** Handles timers of a purpose the runtime does not own (SLA clocks), in the firing transaction with the instance locked. */
export type TimerHandler = (uow: UnitOfWork, instance: LoadedInstance, timerKey: string) => Promise<void>;

/**
 * Fires due timers in batches. A round claims due rows (the earliest of
 * each instance, `SKIP LOCKED`, a lease of a few seconds renewed while the
 * round runs), then fires them BATCH at a time — several batches in flight
 * on PostgreSQL — each batch ONE transaction: lock its instances and timers,
 * step every instance with its timer (one step per instance per batch), and
 * write all the steps in one statement. A timer the runtime no longer waits
 * for is retired; if the batch as a whole fails, its timers are fired one by
 * one so a bad row cannot hold the others back. SLA timers go to their
 * registered handler, one transaction each.
 */
@Injectable()
export class TimerScheduler extends EngineDrivenWorker {
  /** Counters for tests and logs: what this process did. */
  readonly stats = { fired: 0, skipped: 0, postponed: 0, failed: 0, batches: 0 };
  private readonly handlers = new Map<string, TimerHandler>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
    events: EngineEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {
    super('timer scheduler', new Logger('TimerScheduler'), events, config.workers);
  }

  /** Timers whose purpose starts with `prefix` go to `handler` (registered at start-up). */
  registerHandler(prefix: string, handler: TimerHandler): void {
    this.handlers.set(prefix, handler);
  }

  protected wakesOn(change: InstanceChanged): boolean {
    return change.timersScheduled;
  }

  /** One round: claim due timers, fire them in batches, say when to look again. Side effects: database writes. */
  async round(): Promise<RoundResult> {
    const claimed = await claimDueTimers(this.dataSource, CLAIM, TIMER_LEASE_SECONDS);
    if (claimed.length > 0) {
      const pending = new Set(claimed.map((timer) => timer.id));
      const renew = setInterval(
        () =>
          void renewTimerLeases(this.dataSource, [...pending], TIMER_LEASE_SECONDS).catch(() => undefined),
        RENEW_EVERY_MS,
      );
      try {
        const batches: ClaimedTimer[][] = [];
        for (let index = 0; index < claimed.length; index += BATCH)
          batches.push(claimed.slice(index, index + BATCH));
        await forEachLimited(
          batches,
          this.databaseKind === 'postgres' ? this.config.workers.timerConcurrency : 1,
          async (batch) => {
            await this.fireBatch(batch);
            for (const timer of batch) pending.delete(timer.id);
          },
        );
      } finally {
        clearInterval(renew);
      }
    }
    if (claimed.length === CLAIM) return { more: true };
    return { more: false, nextInMs: await msUntilNextTimer(this.dataSource) };
  }

  private async fireBatch(batch: ClaimedTimer[]): Promise<void> {
    const owned = batch.filter((timer) => this.handlerFor(timer.purpose));
    const stepped = batch.filter((timer) => !this.handlerFor(timer.purpose));
    for (const timer of owned) await this.fireOneSafely(timer);
    if (stepped.length === 0) return;
    try {
      const outcomes = await this.tx.run((uow) => this.fireSteps(uow, stepped));
      this.stats.batches += 1;
      for (const outcome of outcomes) this.stats[outcome] += 1;
    } catch (error) {
      this.logger.warn(`timer batch of ${stepped.length} failed (${message(error)}); firing them one by one`);
      for (const timer of stepped) await this.fireOneSafely(timer);
    }
  }

  /** Steps every instance of the batch with its timer; writes everything in one statement. */
  private async fireSteps(uow: UnitOfWork, timers: ClaimedTimer[]): Promise<FireOutcome[]> {
    const instances = new Map(
      (await this.engine.loadMany(uow, [...new Set(timers.map((t) => t.instance_id))])).map((i) => [i.id, i]),
    );
    const locked = await lockTimers(
      uow.manager,
      timers.map((timer) => timer.id),
    );
    const items: BatchItem[] = [];
    const outcomes: FireOutcome[] = [];
    const asides: ((plan: Parameters<NonNullable<BatchItem['extend']>>[0]) => void)[] = [];
    for (const timer of locked) {
      const instance = instances.get(timer.instance_id);
      const verdict = this.verdict(timer, instance);
      if (verdict === 'step' && instance) {
        items.push({
          instance,
          event: { type: 'timer.fire', timerKey: timer.timer_key },
          extend: (plan) => plan.changeTimer(instance.id, timer.timer_key, { kind: 'fired' }),
          onRefused: (plan, error) => {
            if (error instanceof DomainError && error.status === 409)
              plan.changeTimer(instance.id, timer.timer_key, { kind: 'retire', reason: error.message });
            else
              plan.changeTimer(instance.id, timer.timer_key, {
                kind: 'retry',
                error: message(error),
                backoffSeconds: 30,
                maxAttempts: MAX_ATTEMPTS,
              });
          },
        });
        continue;
      }
      outcomes.push(verdict === 'postpone' ? 'postponed' : 'skipped');
      if (verdict === 'postpone')
        asides.push((plan) =>
          plan.changeTimer(timer.instance_id, timer.timer_key, { kind: 'postpone', seconds: 60 }),
        );
      if (verdict === 'retire')
        asides.push((plan) =>
          plan.changeTimer(timer.instance_id, timer.timer_key, {
            kind: 'retire',
            reason: 'the instance is no longer active',
          }),
        );
    }
    const results = await this.engine.applyMany(uow, items, (plan) => asides.forEach((aside) => aside(plan)));
    return [
      ...outcomes,
      ...results.map((result): FireOutcome => (result instanceof Error ? 'skipped' : 'fired')),
    ];
  }

  private verdict(
    timer: LockedTimer,
    instance: LoadedInstance | undefined,
  ): 'step' | 'skip' | 'postpone' | 'retire' {
    if (!instance || timer.status !== 'scheduled' || !timer.due) return 'skip';
    // An instance in incident accepts no events until an admin retries; look again later.
    if (instance.status === 'incident') return 'postpone';
    if (instance.status !== 'active') return 'retire';
    return 'step';
  }

  private async fireOneSafely(timer: ClaimedTimer): Promise<void> {
    try {
      const outcome = await this.fire(timer.id, timer.instance_id);
      this.stats[outcome] += 1;
    } catch (error) {
      this.stats.failed += 1;
      this.logger.error(
        `timer ${timer.timer_key} of instance ${timer.instance_id} failed: ${message(error)}`,
      );
      await recordTimerFailure(
        this.dataSource,
        timer.id,
        message(error),
        Math.min(2 ** timer.attempts, 300),
        MAX_ATTEMPTS,
      );
    }
  }

  /**
   * Fires one timer in its own transaction: locks the instance, then the
   * timer, and acts only if it is still scheduled and due. Side effects: the
   * step's rows, the timer marked fired (or retired), a handler's rows.
   */
  fire(timerId: string, instanceId: string): Promise<FireOutcome> {
    return this.tx.run(async (uow) => {
      const instance = await this.engine.load(uow, { instanceId });
      const [timer] = await lockTimers(uow.manager, [timerId]);
      if (!timer) return 'skipped';
      const handler = this.handlerFor(timer.purpose);
      if (handler && timer.status === 'scheduled' && timer.due) {
        await this.engine.touch(uow, instance, {
          tasksChanged: false,
          extend: (plan) => plan.changeTimer(instanceId, timer.timer_key, { kind: 'fired' }),
        });
        await handler(uow, await this.engine.load(uow, { instanceId }), timer.timer_key);
        return 'fired';
      }
      const [outcome] = await this.fireSteps(uow, [
        {
          id: timer.id,
          instance_id: instanceId,
          timer_key: timer.timer_key,
          purpose: timer.purpose,
          attempts: 0,
        },
      ]);
      return outcome ?? 'skipped';
    });
  }

  private handlerFor(purpose: string): TimerHandler | undefined {
    for (const [prefix, handler] of this.handlers) if (purpose.startsWith(prefix)) return handler;
    return undefined;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
