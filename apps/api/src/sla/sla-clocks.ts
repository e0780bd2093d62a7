import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Param } from '../common/sql/sql-batch.js';
import { EngineConfig } from '../engine/engine-config.js';
import { StepObservers, type StepContext } from '../engine/step-observers.js';
import type { BusinessCalendar } from '../timers/business-calendar.js';
import { type ClockTimes, clockDeadlines, elapsedMs } from './sla-clock-math.js';

export type ClockKind = 'response' | 'resolution';
export type ClockStatus = 'running' | 'paused' | 'met' | 'breached';

export interface ClockRow extends ClockTimes {
  ticket_id: string;
  kind: ClockKind;
  status: ClockStatus;
  pause_while_waiting: boolean;
  breach_action: string;
  escalation_role: string | null;
  started_at: Date;
  due_at: Date | null;
  warned_at: Date | null;
  breached_at: Date | null;
  stopped_at: Date | null;
}

interface PolicyRow {
  id: string;
  workflow_key: string;
  priority: string | null;
  response_minutes: number | null;
  resolution_minutes: number | null;
  business_hours: boolean;
  warn_before_percent: number;
  pause_while_waiting: boolean;
  breach_action: string;
  escalation_role: string | null;
}

/** Events a human caused: the first one stops the response clock. */
const HUMAN_EVENTS = new Set(['task.complete', 'approval.decide']);
const POLICIES = 'sla-policies';

export const slaTimerKey = (kind: ClockKind, purpose: 'warning' | 'breach') => `sla:${kind}:${purpose}`;

/**
 * SLA clocks of tickets, kept in step with the instance inside the event's
 * transaction (an in-transaction observer of the engine): started with the
 * ticket from the matching policy, paused while every active node is a
 * `wait` node (if the policy says so), stopped when a person first acts
 * (response) or the ticket ends (resolution). Each running clock has
 * `sla-warning` / `sla-breach` timers that the scheduler fires. The open
 * clocks come with the event's load statement and the policies from the
 * engine's configuration cache, so a step costs no statement of its own.
 */
@Injectable()
export class SlaClocks implements OnModuleInit {
  constructor(
    private readonly observers: StepObservers,
    private readonly config: EngineConfig,
  ) {}

  onModuleInit(): void {
    this.config.register(POLICIES, loadPolicies);
    this.observers.register({
      name: 'sla',
      load: {
        alias: 'sla_clocks',
        sql: `(SELECT coalesce(json_agg(c), '[]'::json) FROM sla_clocks c WHERE c.ticket_id = t.id AND c.stopped_at IS NULL)`,
      },
      onStep: (step) => this.onStep(step),
    });
  }

  private onStep(step: StepContext): void {
    const calendar = step.config.get<BusinessCalendar>('calendar');
    if (step.kind === 'start') {
      this.start(step, calendar);
      return;
    }
    const clocks = ((step.loaded.sla_clocks as ClockRow[] | undefined) ?? []).map(fromJson);
    if (clocks.length === 0) return;
    const { result, now } = step;
    const ended = result.snapshot.status === 'completed' || result.snapshot.status === 'cancelled';
    const responded = result.transitions.some((transition) => HUMAN_EVENTS.has(transition.event));
    const waitNodes = new Set(
      step.definition.nodes.filter((node) => node.type === 'wait').map((node) => node.id),
    );
    const active = result.snapshot.activeNodes;
    const waiting = active.length > 0 && active.every((node) => waitNodes.has(node));
    for (const clock of clocks) {
      if (ended || (clock.kind === 'response' && responded)) {
        step.plan.addExtra((p) =>
          clockUpdate(
            p,
            clock,
            {
              stopped_at: now,
              elapsed_before_ms: Math.round(elapsedMs(clock, now, calendar)),
              running_since: null,
            },
            "CASE WHEN status = 'breached' THEN 'breached' ELSE 'met' END",
          ),
        );
        cancelTimers(step, clock.kind);
      } else if (clock.pause_while_waiting && waiting && clock.running_since) {
        step.plan.addExtra((p) =>
          clockUpdate(
            p,
            clock,
            {
              running_since: null,
              elapsed_before_ms: Math.round(elapsedMs(clock, now, calendar)),
              due_at: null,
            },
            "CASE WHEN status = 'breached' THEN 'breached' ELSE 'paused' END",
          ),
        );
        cancelTimers(step, clock.kind);
      } else if (!clock.running_since && (!waiting || !clock.pause_while_waiting)) {
        const running = { ...clock, running_since: now };
        const dueAt = this.schedule(step, running, calendar);
        step.plan.addExtra((p) =>
          clockUpdate(
            p,
            clock,
            { running_since: now, due_at: dueAt },
            "CASE WHEN status = 'breached' THEN 'breached' ELSE 'running' END",
          ),
        );
      }
    }
  }

  /** New clocks for the policy matching the ticket's workflow and priority, running from now. */
  private start(step: StepContext, calendar: BusinessCalendar): void {
    const policies = step.config.get<PolicyRow[]>(POLICIES);
    const policy =
      policies.find(
        (p) => p.workflow_key === step.ticket.workflowKey && p.priority === step.ticket.priority,
      ) ?? policies.find((p) => p.workflow_key === step.ticket.workflowKey && p.priority === null);
    if (!policy) return;
    const kinds: [ClockKind, number | null][] = [
      ['response', policy.response_minutes],
      ['resolution', policy.resolution_minutes],
    ];
    const waitNodes = new Set(
      step.definition.nodes.filter((node) => node.type === 'wait').map((node) => node.id),
    );
    const active = step.result.snapshot.activeNodes;
    const paused =
      policy.pause_while_waiting && active.length > 0 && active.every((node) => waitNodes.has(node));
    for (const [kind, minutes] of kinds) {
      if (minutes === null) continue;
      const clock: ClockRow = {
        ticket_id: step.ticket.id,
        kind,
        status: paused ? 'paused' : 'running',
        target_minutes: minutes,
        business_hours: policy.business_hours,
        warn_before_percent: policy.warn_before_percent,
        pause_while_waiting: policy.pause_while_waiting,
        breach_action: policy.breach_action,
        escalation_role: policy.escalation_role,
        started_at: step.now,
        running_since: paused ? null : step.now,
        elapsed_before_ms: 0,
        due_at: null,
        warned_at: null,
        breached_at: null,
        stopped_at: null,
      };
      const dueAt = paused ? null : this.schedule(step, clock, calendar);
      step.plan.addExtra(
        (
          p,
        ) => `INSERT INTO sla_clocks (ticket_id, kind, policy_id, target_minutes, business_hours, warn_before_percent, pause_while_waiting,
          breach_action, escalation_role, status, started_at, running_since, due_at)
        VALUES (${[
          clock.ticket_id,
          kind,
          policy.id,
          minutes,
          policy.business_hours,
          policy.warn_before_percent,
          policy.pause_while_waiting,
          policy.breach_action,
          policy.escalation_role,
          clock.status,
          step.now,
          clock.running_since,
          dueAt,
        ]
          .map((value) => p(value))
          .join(', ')}) ON CONFLICT DO NOTHING RETURNING kind`,
      );
    }
  }

  /** The clock's warning and breach timers from now; returns its due time. */
  private schedule(step: StepContext, clock: ClockRow, calendar: BusinessCalendar): Date {
    const { dueAt, warnAt } = clockDeadlines(clock, elapsedMs(clock, step.now, calendar), step.now, calendar);
    if (clock.breached_at) return dueAt;
    step.plan.changeTimer(step.instanceId, slaTimerKey(clock.kind, 'breach'), {
      kind: 'schedule',
      nodeId: null,
      purpose: 'sla-breach',
      dueAt,
    });
    if (warnAt && !clock.warned_at)
      step.plan.changeTimer(step.instanceId, slaTimerKey(clock.kind, 'warning'), {
        kind: 'schedule',
        nodeId: null,
        purpose: 'sla-warning',
        dueAt: warnAt,
      });
    return dueAt;
  }
}

function cancelTimers(step: StepContext, kind: ClockKind): void {
  step.plan.changeTimer(step.instanceId, slaTimerKey(kind, 'warning'), { kind: 'cancel' });
  step.plan.changeTimer(step.instanceId, slaTimerKey(kind, 'breach'), { kind: 'cancel' });
}

function clockUpdate(p: Param, clock: ClockRow, columns: Record<string, unknown>, status: string): string {
  const sets = Object.entries(columns).map(([column, value]) => `${column} = ${p(value)}`);
  return `UPDATE sla_clocks SET ${sets.join(', ')}, status = ${status} WHERE ticket_id = ${p(clock.ticket_id)} AND kind = ${p(clock.kind)} RETURNING kind`;
}

/** A clock row read through `json_agg` (times as strings). Pure. */
function fromJson(row: ClockRow): ClockRow {
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
  return {
    ...row,
    started_at: date(row.started_at) as Date,
    running_since: date(row.running_since),
    due_at: date(row.due_at),
    warned_at: date(row.warned_at),
    breached_at: date(row.breached_at),
    stopped_at: date(row.stopped_at),
  };
}

async function loadPolicies(manager: EntityManager): Promise<PolicyRow[]> {
  return (await manager.query('SELECT * FROM sla_policies')) as PolicyRow[];
}
