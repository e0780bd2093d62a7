import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EngineEvents, InstanceChanged } from '../engine-events.js';
import { PollingWorker, type RoundResult } from './polling-worker.js';

/**
 * The lifecycle the background workers (timer scheduler, outbox dispatcher)
 * share: start with the application when workers are enabled, poll, wake early
 * when an in-process commit wrote something for them, stop with the application
 * (waiting for the round in progress). Subclasses supply the round and say
 * which commits wake them.
 */
export abstract class EngineDrivenWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: PollingWorker;
  private unsubscribe: (() => void) | null = null;

  protected constructor(
    name: string,
    protected readonly logger: Logger,
    private readonly engineEvents: EngineEvents,
    private readonly settings: { enabled: boolean; pollMs: number },
  ) {
    this.worker = new PollingWorker(name, logger, settings.pollMs, () => this.round());
  }

  /** One round of work. Side effects: the subclass's. */
  abstract round(): Promise<RoundResult>;

  /** Whether a commit in this process gave the worker something to do. */
  protected abstract wakesOn(change: InstanceChanged): boolean;

  onApplicationBootstrap(): void {
    if (this.settings.enabled) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts the loop in the background (idempotent). */
  start(): void {
    this.unsubscribe ??= this.engineEvents.subscribe((change) => {
      if (this.wakesOn(change)) this.worker.wake();
    });
    this.worker.start();
  }

  /** Stops and waits for the round in progress. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.worker.stop();
  }

  /** Asks for a round now. */
  wake(): void {
    this.worker.wake();
  }
}
