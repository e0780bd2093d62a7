import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Loads one piece of configuration the engine needs on every event (rules, SLA policies, the calendar). */
export type ConfigLoader<T> = (manager: EntityManager) => Promise<T>;

/**
 * Configuration read on the hot path, cached per process and reloaded only
 * when `engine_config.version` moved: a statement trigger bumps it whenever
 * rules, SLA policies or settings change (in any process), and every event's
 * load statement reads the version, so a change takes effect at the next
 * event everywhere and an unchanged configuration costs no statement.
 */
@Injectable()
export class EngineConfig {
  private readonly loaders = new Map<string, ConfigLoader<unknown>>();
  private readonly values = new Map<string, unknown>();
  private version: string | null = null;

  /** Registers a loader under `name` (once, at start-up). */
  register<T>(name: string, loader: ConfigLoader<T>): void {
    this.loaders.set(name, loader);
    this.version = null;
  }

  /** Makes the cache current for `version` (as read by the event's load statement). Side effects: reads when stale. */
  async ensure(manager: EntityManager, version: string): Promise<void> {
    if (this.version === version) return;
    const loaded = new Map<string, unknown>();
    for (const [name, loader] of this.loaders) loaded.set(name, await loader(manager));
    for (const [name, value] of loaded) this.values.set(name, value);
    this.version = version;
  }

  /** The cached value of `name` (after `ensure`). */
  get<T>(name: string): T {
    if (!this.values.has(name)) throw new Error(`engine configuration "${name}" is not loaded`);
    return this.values.get(name) as T;
  }

  /** Forgets everything (tests that change configuration behind the triggers' back). */
  invalidate(): void {
    this.version = null;
  }
}
