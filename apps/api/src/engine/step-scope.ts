import type { AuditEntry } from '../audit/audit-chain.js';
import type { TransitionRow } from './step-plan.js';
import type { StepContext, StepFacts, StepTicket } from './step-observers.js';

/** The ticket as a step leaves it: status, outcome and closing come from the runtime's effects. */
export type WorkingTicket = StepTicket & { outcome?: string; closed?: boolean };

/** One field whose value the step changed. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Fields whose JSON value differs between two versions of a ticket's fields, by name. Pure. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

interface ScopeInput extends StepFacts {
  audit: AuditEntry[];
  /** The instance's seq before the step. */
  seq: number;
}

// The facts are assigned from the input in the constructor; merging the interface declares them
// once (in StepFacts) instead of once more as fields here.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface StepScope extends StepFacts {}

/**
 * The step being assembled: its transitions (numbered after the instance's
 * seq, the first one carrying the field changes and the actor), the ticket's
 * working copy, and what observers append. Pure: only fills the plan.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class StepScope implements StepContext {
  readonly ticket: WorkingTicket;
  readonly audit: AuditEntry[];
  readonly transitionSeqs: number[] = [];
  readonly changes: FieldChange[];
  private readonly rows: TransitionRow[] = [];
  private seq: number;

  constructor(input: ScopeInput) {
    const { audit, seq, ...facts } = input;
    Object.assign(this, facts);
    this.ticket = { ...input.ticketBefore, fields: input.result.fields };
    this.audit = audit;
    this.seq = seq;
    this.changes = fieldChanges(input.ticketBefore.fields, input.result.fields);
    this.addRuntimeTransitions();
  }

  /** The seq the instance will have once everything appended so far is written. */
  get lastSeq(): number {
    return this.seq;
  }

  get transitions(): readonly TransitionRow[] {
    return this.rows;
  }

  appendTransition(event: string, payload: unknown): number {
    this.seq += 1;
    this.rows.push({
      instanceId: this.instanceId,
      seq: this.seq,
      event,
      from: null,
      to: null,
      actorId: null,
      payload,
    });
    this.transitionSeqs.push(this.seq);
    return this.seq;
  }

  changeTicket(change: Partial<Pick<StepTicket, 'fields' | 'priority' | 'tags' | 'assigneeGroup'>>): void {
    Object.assign(this.ticket, change);
  }

  private addRuntimeTransitions(): void {
    const { transitions } = this.result;
    transitions.forEach((transition, index) => {
      this.seq += 1;
      const carriesChanges = index === 0 && this.changes.length > 0;
      const payload = carriesChanges
        ? { ...(transition.detail ?? {}), fieldChanges: this.changes }
        : transition.detail;
      this.rows.push({
        instanceId: this.instanceId,
        seq: this.seq,
        event: transition.event,
        from: transition.from,
        to: transition.to,
        actorId: transition.event === 'auto' ? null : this.actorId,
        payload: payload ?? null,
      });
      this.transitionSeqs.push(this.seq);
    });
    if (transitions.length === 0 && this.changes.length > 0) {
      this.seq += 1;
      this.rows.push({
        instanceId: this.instanceId,
        seq: this.seq,
        event: 'fields',
        from: null,
        to: null,
        actorId: this.actorId,
        payload: { fieldChanges: this.changes },
      });
      this.transitionSeqs.push(this.seq);
    }
  }
}
