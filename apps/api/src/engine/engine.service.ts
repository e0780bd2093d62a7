import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { RuntimeError, start, step, type MigratedSnapshot, type RuntimeEvent } from '@ticketflow/runtime';
import type { AuditEntry } from '../audit/audit-chain.js';
import { auditInsertSql } from '../audit/audit-chain.js';
import { AuditService } from '../audit/audit.service.js';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import { conflict, fromKinded } from '../common/errors/domain-error.js';
import type { BusinessCalendar } from '../timers/business-calendar.js';
import { loadBusinessCalendar } from '../timers/calendar-settings.js';
import { CompiledWorkflows } from './compiled-workflows.js';
import { EngineConfig } from './engine-config.js';
import { EngineEvents, type InstanceChanged } from './engine-events.js';
import { writeMigration } from './migrate-instance.js';
import { loadInstances, type LoadedInstance, type LoadTarget } from './instance-loader.js';
import { planEffects, type EffectsOutcome } from './plan-effects.js';
import { StepObservers, type StepTicket } from './step-observers.js';
import { StepPlan, type TicketChange } from './step-plan.js';
import { StepScope, type WorkingTicket } from './step-scope.js';
import { planHandback } from './subflow-effects.js';
import { followSubflows, subflowEngineOf, type SubflowEngine } from './subflow-follow-up.js';

export type { LoadedInstance, LoadedTask } from './instance-loader.js';
export type { BatchItem, StartInput, StepOptions, StepOutcome } from './engine.types.js';
import type { BatchItem, StartInput, StepOptions, StepOutcome } from './engine.types.js';
import { changeOf, parentFacts, ticketChange } from './step-changes.js';

/** Events that are a person's decision on a step: its actor is "the previous approver" of the next. */
const PERSON_EVENTS = new Set(['task.complete', 'approval.decide']);

/**
 * The engine: the only writer of instances, transitions, tasks, approval
 * votes, timers and outbox rows. An event is one transaction: ONE statement
 * loads and locks the instance with everything the event needs (`load`), the
 * pure runtime steps it, in-transaction observers (SLA clocks, automation
 * rules) add to the plan, and ONE statement writes the whole step — snapshot
 * with its `seq` check, transitions, tasks, votes, timers, outbox, ticket,
 * audit (`apply`). After commit, `EngineEvents` tells the workers and the live
 * inbox.
 */
@Injectable()
export class EngineService {
  constructor(
    private readonly compiled: CompiledWorkflows,
    private readonly config: EngineConfig,
    private readonly observers: StepObservers,
    private readonly events: EngineEvents,
    private readonly auditLog: AuditService,
  ) {
    config.register('calendar', loadBusinessCalendar);
  }

  /** Loads and locks one instance (by instance, ticket or task) with its ticket. One statement. */
  async load(uow: UnitOfWork, target: LoadTarget): Promise<LoadedInstance> {
    const [instance] = (await loadInstances(uow.manager, target, this.observers.loadColumns())) as [
      LoadedInstance,
    ];
    await this.config.ensure(uow.manager, instance.configVersion);
    instance.definition = (await this.compiled.load(uow.manager, instance.versionId)).definition;
    return instance;
  }

  /** Loads and locks several instances in id order (missing ones are left out). One statement. */
  async loadMany(uow: UnitOfWork, instanceIds: string[]): Promise<LoadedInstance[]> {
    const instances = await loadInstances(uow.manager, { instanceIds }, this.observers.loadColumns());
    if (instances[0]) await this.config.ensure(uow.manager, instances[0].configVersion);
    for (const instance of instances)
      instance.definition = (await this.compiled.load(uow.manager, instance.versionId)).definition;
    return instances;
  }

  /** The definition of a published version (from the compile cache). */
  async definition(uow: UnitOfWork, versionId: string) {
    return (await this.compiled.load(uow.manager, versionId)).definition;
  }

  /** Loads and locks an instance by its id or its ticket's, for callers that check before they step it. */
  lock(uow: UnitOfWork, where: { instanceId: string } | { ticketId: string }): Promise<LoadedInstance> {
    return this.load(uow, where);
  }

  /**
   * Creates a ticket and starts its instance on `versionId` in one statement.
   * `configVersion` is `engine_config.version` as read by the caller's lookup.
   */
  async start(
    uow: UnitOfWork,
    input: StartInput,
    configVersion: string,
  ): Promise<StepOutcome & { ticketId: string; instanceId: string; number: number }> {
    const { manager } = uow;
    await this.config.ensure(manager, configVersion);
    const { definition, workflow } = await this.compiled.load(manager, input.versionId);
    const ticketId = randomUUID();
    const instanceId = randomUUID();
    const result = await this.runtime(() =>
      start(workflow, input.ticket.fields, { requester: input.ticket.requesterId }),
    );
    const before: StepTicket = {
      id: ticketId,
      number: 0,
      ...input.ticket,
      fields: {},
      tags: [],
      assigneeGroup: null,
      status: 'active',
    };
    const plan = new StepPlan();
    const scope = new StepScope({
      manager,
      plan,
      config: this.config,
      now: new Date(),
      instanceId,
      versionId: input.versionId,
      definition,
      kind: 'start',
      eventType: 'start',
      actorId: input.ticket.requesterId,
      result,
      ticketBefore: { ...before, fields: input.ticket.fields },
      loaded: {},
      audit: input.audit?.(ticketId) ?? [],
      seq: 0,
    });
    const effects = await this.planStep(scope, input.parent?.instanceId ?? null);
    const t = scope.ticket;
    plan.insertTicket({
      id: ticketId,
      workflowKey: t.workflowKey,
      title: t.title,
      fields: t.fields,
      priority: t.priority,
      channel: t.channel,
      requesterId: t.requesterId,
      tags: t.tags,
      assigneeGroup: t.assigneeGroup,
      status: t.status,
      outcome: t.outcome ?? null,
      closed: t.closed ?? false,
    });
    plan.insertInstance({
      id: instanceId,
      ticketId,
      versionId: input.versionId,
      snapshot: result.snapshot,
      status: result.snapshot.status,
      activeNodes: result.snapshot.activeNodes,
      seq: scope.lastSeq,
      ...(input.parent ? { parent: input.parent } : {}),
    });
    const handedBack = input.parent ? planHandback(plan, input.parent, instanceId, result, t.fields) : false;
    this.signAudit(plan, ticketId, null, scope.audit);
    plan.returnTicketNumber();
    const row = await this.write(uow, plan);
    const number = Number(row.ticket_number);
    await followSubflows(
      this.subflowEngine(),
      uow,
      {
        instanceId,
        ticketId,
        number,
        title: t.title,
        priority: t.priority,
        requesterId: t.requesterId,
        configVersion,
      },
      effects.subflows,
    );
    this.notifyAfterCommit(uow, {
      instanceId,
      ticketId,
      tasksChanged: effects.touchedTasks,
      timersScheduled: effects.timersScheduled,
      outboxWritten: effects.outboxWritten,
      handbackWritten: handedBack,
      workflowKey: t.workflowKey,
      eventType: 'start',
      transitionCount: scope.transitions.length,
    });
    return {
      result,
      ticket: { ...t, number },
      effects,
      transitionCount: scope.transitions.length,
      ticketId,
      instanceId,
      number,
    };
  }

  /** Steps a loaded instance with one event and writes everything in one statement. */
  async apply(
    uow: UnitOfWork,
    instance: LoadedInstance,
    event: RuntimeEvent,
    actorId: string | null,
    options: StepOptions = {},
  ): Promise<StepOutcome> {
    const plan = new StepPlan();
    options.extend?.(plan);
    const outcome = await this.prepare(uow, plan, instance, event, actorId, options.audit ?? []);
    options.finish?.(plan, outcome);
    const handedBack =
      instance.parent !== null &&
      !options.noHandback &&
      planHandback(plan, instance.parent, instance.id, outcome.result, outcome.ticket.fields);
    await this.write(uow, plan);
    await followSubflows(this.subflowEngine(), uow, parentFacts(instance, outcome), outcome.effects.subflows);
    this.notifyAfterCommit(uow, { ...changeOf(instance, outcome, event.type), handbackWritten: handedBack });
    return outcome;
  }

  /**
   * Applies one event to each of several loaded instances and writes all the
   * steps in one statement. An event the runtime refuses does not stop the
   * batch: its item's `onRefused` writes what to do instead. Returns, per
   * item, the outcome or the refusal.
   */
  async applyMany(
    uow: UnitOfWork,
    items: BatchItem[],
    extend?: (plan: StepPlan) => void,
  ): Promise<(StepOutcome | Error)[]> {
    const plan = new StepPlan();
    extend?.(plan);
    const outcomes: (StepOutcome | Error)[] = [];
    const handedBack: boolean[] = [];
    for (const item of items) {
      const itemPlan = new StepPlan();
      try {
        item.extend?.(itemPlan);
        const outcome = await this.prepare(uow, itemPlan, item.instance, item.event, null, []);
        if (item.instance.parent)
          handedBack[items.indexOf(item)] = planHandback(
            itemPlan,
            item.instance.parent,
            item.instance.id,
            outcome.result,
            outcome.ticket.fields,
          );
        outcomes.push(outcome);
        plan.absorb(itemPlan);
      } catch (error) {
        if (!(error instanceof Error) || !item.onRefused) throw error;
        item.onRefused(plan, error);
        outcomes.push(error);
      }
    }
    if (plan.hasWork) await this.write(uow, plan);
    for (const [index, item] of items.entries()) {
      const outcome = outcomes[index];
      if (outcome && !(outcome instanceof Error))
        await followSubflows(
          this.subflowEngine(),
          uow,
          parentFacts(item.instance, outcome),
          outcome.effects.subflows,
        );
    }
    items.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome && !(outcome instanceof Error))
        this.notifyAfterCommit(uow, {
          ...changeOf(item.instance, outcome, item.event.type),
          handbackWritten: handedBack[index] === true,
        });
    });
    return outcomes;
  }

  /**
   * Writes rows that are not a runtime step — task claims and handovers, SLA
   * reassignments, timeline entries of rules outside a step — with their audit
   * rows, in one statement. Timeline `entries` advance the instance's seq.
   */
  async touch(
    uow: UnitOfWork,
    instance: LoadedInstance,
    options: StepOptions & {
      tasksChanged?: boolean;
      entries?: { event: string; payload: unknown; actorId?: string }[];
      ticket?: TicketChange;
    },
  ): Promise<void> {
    const plan = new StepPlan();
    options.extend?.(plan);
    const entries = options.entries ?? [];
    if (entries.length > 0) {
      plan.addTransitions(
        entries.map((entry, index) => ({
          instanceId: instance.id,
          seq: instance.seq + index + 1,
          event: entry.event,
          from: null,
          to: null,
          actorId: entry.actorId ?? null,
          payload: entry.payload,
        })),
      );
      plan.updateInstance({
        id: instance.id,
        expectedSeq: instance.seq,
        snapshot: instance.snapshot,
        status: instance.status,
        activeNodes: instance.snapshot.activeNodes,
        seq: instance.seq + entries.length,
      });
    }
    if (options.ticket) plan.changeTicket(instance.ticketId, options.ticket);
    this.signAudit(plan, instance.ticketId, instance.auditHead, options.audit ?? []);
    if (!plan.hasWork) return;
    await this.write(uow, plan);
    this.notifyAfterCommit(uow, {
      instanceId: instance.id,
      ticketId: instance.ticketId,
      tasksChanged: options.tasksChanged ?? true,
      timersScheduled: false,
      outboxWritten: false,
      workflowKey: instance.workflowKey,
      eventType: 'touch',
      transitionCount: entries.length,
    });
  }

  /**
   * Moves a locked instance to another version (`planned` by the runtime's
   * `migrateSnapshot`): instance, `migrate` transition and re-keyed rows, then
   * the migration's effects and audit row in one more statement.
   */
  async migrate(
    uow: UnitOfWork,
    instance: LoadedInstance,
    target: { versionId: string },
    planned: MigratedSnapshot,
    note: string,
    actorId: string,
    audit: AuditEntry[],
  ): Promise<void> {
    await writeMigration(uow.manager, instance, target, planned, note, actorId);
    const plan = new StepPlan();
    const ticket: WorkingTicket = { ...instance.ticket };
    const effects = await planEffects(
      {
        manager: uow.manager,
        plan,
        instanceId: instance.id,
        ticket,
        now: new Date(),
        calendar: this.calendar(),
      },
      planned.effects,
    );
    const change = ticketChange(instance.ticket, ticket);
    if (change) plan.changeTicket(instance.ticketId, change);
    this.signAudit(plan, instance.ticketId, instance.auditHead, audit);
    await this.write(uow, plan);
    this.notifyAfterCommit(uow, {
      ...changeOf(instance, { effects, transitionCount: 1 }, 'migrate'),
      tasksChanged: true,
    });
  }

  /** The business calendar in force (cached with the engine configuration). */
  calendar(): BusinessCalendar {
    return this.config.get<BusinessCalendar>('calendar');
  }

  private async prepare(
    uow: UnitOfWork,
    plan: StepPlan,
    instance: LoadedInstance,
    event: RuntimeEvent,
    actorId: string | null,
    audit: AuditEntry[],
  ): Promise<StepOutcome> {
    const { manager } = uow;
    const { definition, workflow } = await this.compiled.load(manager, instance.versionId);
    const result = await this.runtime(() => step(workflow, instance.snapshot, event, instance.fields));
    const scope = new StepScope({
      manager,
      plan,
      config: this.config,
      now: new Date(),
      instanceId: instance.id,
      versionId: instance.versionId,
      definition,
      kind: 'event',
      eventType: event.type,
      actorId,
      result,
      ticketBefore: instance.ticket,
      loaded: instance.loaded,
      audit,
      seq: instance.seq,
    });
    const effects = await this.planStep(scope);
    plan.updateInstance({
      id: instance.id,
      expectedSeq: instance.seq,
      snapshot: result.snapshot,
      status: result.snapshot.status,
      activeNodes: result.snapshot.activeNodes,
      seq: scope.lastSeq,
    });
    const change = ticketChange(instance.ticket, scope.ticket);
    if (change) plan.changeTicket(instance.ticketId, change);
    this.signAudit(plan, instance.ticketId, instance.auditHead, scope.audit);
    return { result, ticket: scope.ticket, effects, transitionCount: scope.transitions.length };
  }

  /** The engine as the sub-flow follow-up uses it: start a child, load and cancel children. */
  private subflowEngine(): SubflowEngine {
    return subflowEngineOf({
      start: (uow, input, configVersion) => this.start(uow, input, configVersion),
      loadMany: (uow, ids) => this.loadMany(uow, ids),
      apply: (uow, instance, event, actorId, options) => this.apply(uow, instance, event, actorId, options),
    });
  }

  /** Effects, the cancelled status, then every in-transaction observer; finally the transitions. */
  private async planStep(scope: StepScope, parentInstanceId: string | null = null): Promise<EffectsOutcome> {
    const effects = await planEffects(
      {
        manager: scope.manager,
        plan: scope.plan,
        instanceId: scope.instanceId,
        ticket: scope.ticket,
        now: scope.now,
        calendar: this.calendar(),
        previousActorId: PERSON_EVENTS.has(scope.eventType) ? scope.actorId : null,
        note: (event, payload) => scope.appendTransition(event, payload),
        parentInstanceId,
      },
      scope.result.effects,
    );
    if (scope.result.snapshot.status === 'cancelled')
      Object.assign(scope.ticket, { status: 'cancelled', outcome: 'cancelled', closed: true });
    // An admin's retry takes the instance out of incident: the ticket follows.
    if (
      scope.result.snapshot.status === 'active' &&
      scope.ticket.status === 'incident' &&
      !effects.incidentRaised
    )
      scope.ticket.status = 'active';
    for (const observer of this.observers.all) await observer.onStep(scope);
    scope.plan.addTransitions([...scope.transitions]);
    if (scope.changes.length > 0 && scope.audit.length > 0) {
      const first = scope.audit[0] as AuditEntry;
      scope.audit[0] = {
        ...first,
        details: { ...(first.details as object | undefined), fieldChanges: scope.changes },
      };
    }
    return effects;
  }

  private signAudit(
    plan: StepPlan,
    ticketId: string,
    head: LoadedInstance['auditHead'],
    entries: AuditEntry[],
  ): void {
    if (entries.length === 0) return;
    const rows = this.auditLog.sign(ticketId, head, entries);
    plan.addExtra((p) => auditInsertSql(rows, p));
  }

  /** Runs the plan's one statement; a moved `seq` or a duplicate vote or transition is a 409. */
  private async write(uow: UnitOfWork, plan: StepPlan): Promise<Record<string, unknown>> {
    const { sql, values } = plan.render();
    let rows: Record<string, unknown>[];
    try {
      rows = (await uow.manager.query(sql, values)) as Record<string, unknown>[];
    } catch (error) {
      const constraint =
        error instanceof QueryFailedError
          ? (error.driverError as { constraint?: string }).constraint
          : undefined;
      if (constraint === 'approval_votes_pkey')
        throw conflict('already-decided', 'You have already decided this approval.');
      if (constraint === 'transitions_pkey') throw instanceChanged();
      throw error;
    }
    const row = rows[0] ?? {};
    if (row.checked !== true) throw instanceChanged();
    return row;
  }

  private notifyAfterCommit(uow: UnitOfWork, change: InstanceChanged): void {
    uow.afterCommit(() => this.events.emit(change));
  }

  private async runtime<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // A refused event carries its own kind and status (libs/runtime RUNTIME_ERRORS).
      if (error instanceof RuntimeError) throw fromKinded(error);
      throw error;
    }
  }
}

function instanceChanged() {
  return conflict(
    'instance-changed',
    'The ticket moved on while this action was being processed; reload and try again.',
  );
}
