import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';
import type { StepResult } from '@ticketflow/runtime';
import type { EngineConfig } from './engine-config.js';
import type { StepPlan } from './step-plan.js';

/** The ticket as the event's load statement read it (and as the step leaves it, see `StepContext.ticket`). */
export interface StepTicket {
  id: string;
  number: number;
  title: string;
  workflowKey: string;
  fields: Record<string, unknown>;
  priority: string;
  channel: string;
  tags: string[];
  assigneeGroup: string | null;
  requesterId: string;
  status: string;
}

/** What an audit row of the step says; the audit module chains and signs it. */
export interface StepAudit {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  details?: unknown;
}

/**
 * One step as observers see it inside the event's transaction: what the
 * runtime produced, the plan of rows about to be written (observers may add
 * to it), and helpers to append timeline entries and change the ticket.
 */
/** What a step is about, as the engine hands it to the step's scope and to observers. */
export interface StepFacts {
  readonly manager: EntityManager;
  readonly plan: StepPlan;
  readonly config: EngineConfig;
  readonly now: Date;
  readonly instanceId: string;
  readonly versionId: string;
  readonly definition: WorkflowDefinition;
  readonly kind: 'start' | 'event';
  readonly eventType: string;
  readonly actorId: string | null;
  readonly result: StepResult;
  /** The ticket before the step. */
  readonly ticketBefore: StepTicket;
  /** Values an observer's load fragment read, by its alias. */
  readonly loaded: Record<string, unknown>;
}

export interface StepContext extends StepFacts {
  /** Seq numbers of the transitions this step wrote, beside `result.transitions`. */
  readonly transitionSeqs: number[];
  /** The ticket as it will be written; observers change it through `changeTicket`. */
  readonly ticket: StepTicket;
  /** The audit row the caller asked for, if any. */
  readonly audit: StepAudit[];
  /** Appends a timeline entry after the step's own transitions; returns its seq. */
  appendTransition(event: string, payload: unknown): number;
  changeTicket(change: Partial<Pick<StepTicket, 'fields' | 'priority' | 'tags' | 'assigneeGroup'>>): void;
}

/**
 * Something that observes every step inside its transaction: may add rows to
 * the same write (its own tables through `plan.addExtra`, timers and timeline
 * entries through the plan and context), never a second transaction. `load`
 * is an SQL expression over `i` (instances) and `t` (tickets) added to the
 * event's load statement, read back under `alias`.
 */
export interface InTransactionObserver {
  name: string;
  load?: { alias: string; sql: string };
  /** Runs after the runtime step and before the write. Side effects: only on the plan. */
  onStep(step: StepContext): Promise<void> | void;
}

/** The registry of in-transaction observers; the SLA clocks, automation rules and audit trail register at start-up. */
@Injectable()
export class StepObservers {
  private readonly observers: InTransactionObserver[] = [];

  register(observer: InTransactionObserver): void {
    if (this.observers.some((o) => o.name === observer.name)) return;
    this.observers.push(observer);
    // Audit last: it signs what the others added.
    this.observers.sort((a, b) => Number(a.name === 'audit') - Number(b.name === 'audit'));
  }

  get all(): readonly InTransactionObserver[] {
    return this.observers;
  }

  /** The load statement's extra columns. */
  loadColumns(): string {
    return this.observers
      .filter((o) => o.load)
      .map((o) => `, ${o.load?.sql} AS ${o.load?.alias}`)
      .join('');
  }
}
