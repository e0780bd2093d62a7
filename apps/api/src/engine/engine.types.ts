import type { RuntimeEvent, StepResult } from '@ticketflow/runtime';
import type { AuditEntry } from '../audit/audit-chain.js';
import type { LoadedInstance } from './instance-loader.js';
import type { EffectsOutcome } from './plan-effects.js';
import type { StepPlan } from './step-plan.js';
import type { SubflowParent } from './step-plan.types.js';
import type { WorkingTicket } from './step-scope.js';

/** What a caller adds to a step: rows of its own (votes, task columns) and the audit rows of the action. */
export interface StepOptions {
  extend?(plan: StepPlan): void;
  /** Runs after the runtime step, before the write: rows that depend on what the step did. */
  finish?(plan: StepPlan, outcome: StepOutcome): void;
  audit?: AuditEntry[];
  /** The parent itself cancels this child: its end is not handed back (the parent no longer waits). */
  noHandback?: boolean;
}

/** What a step did, answered from what was written (nothing is read back). */
export interface StepOutcome {
  result: StepResult;
  ticket: WorkingTicket;
  effects: EffectsOutcome;
  /** Rows the step added to `transitions` (the runtime's and observers' entries). */
  transitionCount: number;
}

/** A new ticket to start on a version. */
export interface StartInput {
  ticket: {
    workflowKey: string;
    title: string;
    fields: Record<string, unknown>;
    priority: string;
    channel: string;
    requesterId: string;
  };
  versionId: string;
  /** The audit rows of the creation, given the new ticket's id. */
  audit?: (ticketId: string) => AuditEntry[];
  /** Set when the ticket is a sub-flow's child. */
  parent?: SubflowParent;
}

/** One event of a batch (timers): its instance, the event, and what to write if it cannot be applied. */
export interface BatchItem {
  instance: LoadedInstance;
  event: RuntimeEvent;
  extend?(plan: StepPlan): void;
  onRefused?(plan: StepPlan, error: Error): void;
}
