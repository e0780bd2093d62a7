import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import { RuntimeError, start, step, type RuntimeEvent, type StepResult } from '@ticketflow/runtime';
import { conflict, unprocessable } from '../common/errors/domain-error.js';
import { SlaClocks } from '../sla/sla-clocks.js';
import type { WorkflowVersionEntity } from '../workflows/workflow-version.entity.js';
import { CompiledWorkflows } from './compiled-workflows.js';
import { EffectsWriter } from './effects-writer.js';
import { EngineEvents } from './engine-events.js';
import { insertTransitions, loadInstanceForUpdate, saveStep } from './instance-store.js';
import type { LoadedInstance } from './loaded-instance.js';

/** Runtime errors that mean "the ticket is not in a state for this", answered with 409. */
const CONFLICT_CODES = new Set(['task-not-open', 'timer-not-active', 'message-not-awaited', 'instance-not-active', 'already-decided', 'action-not-pending', 'not-in-incident']);

/**
 * Runs workflow instances: no actor lives between requests. Each event loads
 * and locks the instance row, steps the pure runtime, and writes the snapshot,
 * transitions, tasks, timers and outbox rows in the caller's transaction.
 */
@Injectable()
export class EngineService {
  constructor(
    private readonly compiled: CompiledWorkflows,
    private readonly effects: EffectsWriter,
    private readonly events: EngineEvents,
    private readonly sla: SlaClocks,
  ) {}

  /** Starts an instance for a new ticket on `version`. Call inside the ticket's creating transaction. */
  async startInstance(
    uow: UnitOfWork,
    ticket: { id: string; fields: Record<string, unknown>; requesterId: string },
    version: WorkflowVersionEntity,
  ): Promise<{ instanceId: string; result: StepResult }> {
    const { manager } = uow;
    const workflow = this.compiled.get(version.id, version.definition);
    const result = await this.runtime(() => start(workflow, ticket.fields, { requester: ticket.requesterId }));
    const [row] = (await manager.query(
      `INSERT INTO instances (ticket_id, version_id, snapshot, status, active_nodes, seq) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [ticket.id, version.id, JSON.stringify(result.snapshot), result.snapshot.status, result.snapshot.activeNodes, result.transitions.length],
    )) as { id: string }[];
    const instanceId = (row as { id: string }).id;
    await insertTransitions(manager, instanceId, 0, result.transitions, ticket.requesterId);
    await this.finish(uow, { id: instanceId, ticketId: ticket.id }, ticket.fields, result, { workflowKey: version.key, eventType: 'start' });
    await this.sla.onStart(uow, { id: instanceId, ticketId: ticket.id }, version.definition, result);
    return { instanceId, result };
  }

  /** Loads and locks the instance of a ticket (or of a task), for checks before `apply`. */
  lock(uow: UnitOfWork, where: { instanceId?: string; ticketId?: string; taskId?: string }): Promise<LoadedInstance> {
    return loadInstanceForUpdate(uow.manager, where);
  }

  /** Steps a locked instance with one event and persists everything it produced. */
  async apply(uow: UnitOfWork, instance: LoadedInstance, event: RuntimeEvent, actorId: string | null): Promise<StepResult> {
    const workflow = this.compiled.get(instance.versionId, instance.definition);
    const result = await this.runtime(() => step(workflow, instance.snapshot, event, instance.fields));
    await saveStep(uow.manager, instance, result, actorId);
    await this.finish(uow, instance, instance.fields, result, { workflowKey: instance.workflowKey, eventType: event.type });
    await this.sla.onStep(uow, instance, instance.definition, result);
    return result;
  }

  private async finish(uow: UnitOfWork, instance: { id: string; ticketId: string }, before: Record<string, unknown>, result: StepResult, observed: { workflowKey: string; eventType: string }): Promise<void> {
    const { manager } = uow;
    const outcome = await this.effects.apply(manager, instance, result.effects);
    if (JSON.stringify(result.fields) !== JSON.stringify(before)) {
      await manager.query('UPDATE tickets SET fields = $2, updated_at = now() WHERE id = $1', [instance.ticketId, JSON.stringify(result.fields)]);
    }
    if (result.snapshot.status === 'cancelled') {
      await manager.query(`UPDATE tickets SET status = 'cancelled', outcome = 'cancelled', closed_at = coalesce(closed_at, now()), updated_at = now() WHERE id = $1`, [instance.ticketId]);
    }
    const change = { instanceId: instance.id, ticketId: instance.ticketId, tasksChanged: outcome.touchedTasks, timersScheduled: outcome.timersScheduled, outboxWritten: outcome.outboxWritten, ...observed, transitionCount: result.transitions.length };
    uow.afterCommit(() => this.events.emit(change));
  }

  private async runtime<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RuntimeError) {
        if (CONFLICT_CODES.has(error.code)) throw conflict(error.code, error.message);
        throw unprocessable(error.code, error.message);
      }
      throw error;
    }
  }
}
