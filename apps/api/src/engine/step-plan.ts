import { SQL_CLOCK, SQL_NOW, SqlBatch, valuesList, type Param } from '../common/sql/sql-batch.js';
import { instanceUpdatesSql, taskChangesSql, ticketChangesSql, timerChangesSql } from './render-changes.js';
import type {
  IncidentRow,
  InstanceUpdate,
  NewInstanceRow,
  NewTaskRow,
  NewTicketRow,
  OutboxRow,
  TaskChange,
  TicketChange,
  TimerChange,
  TransitionRow,
  VoteRow,
} from './step-plan.types.js';

export type * from './step-plan.types.js';

/** A part another module adds to the step's statement (its own table), e.g. SLA clocks or notifications. */
export type ExtraPart = (param: Param) => string;

/**
 * Everything one event — or one batch of timer events on several instances —
 * writes, collected as rows and per-row changes, then rendered as ONE
 * statement (`render`). Changes to the same row are merged here, in the order
 * they were made, because one statement may not change a row twice. Pure.
 */
export class StepPlan {
  private readonly newTickets: NewTicketRow[] = [];
  private readonly ticketChanges = new Map<string, TicketChange>();
  private readonly newInstances: NewInstanceRow[] = [];
  private readonly instanceUpdates = new Map<string, InstanceUpdate>();
  private readonly transitions: TransitionRow[] = [];
  private readonly newTasks = new Map<string, NewTaskRow>();
  private readonly taskChanges = new Map<
    string,
    { instanceId: string; taskKey: string; change: TaskChange }
  >();
  private readonly votes: VoteRow[] = [];
  private readonly timers = new Map<
    string,
    { instanceId: string; timerKey: string; changes: TimerChange[] }
  >();
  private readonly outbox: OutboxRow[] = [];
  private readonly incidents: IncidentRow[] = [];
  private readonly extras: ExtraPart[] = [];
  private readonly outputs: { expression: (batch: SqlBatch, names: Map<string, string>) => string }[] = [];

  insertTicket(row: NewTicketRow): void {
    this.newTickets.push(row);
  }

  changeTicket(ticketId: string, change: TicketChange): void {
    this.ticketChanges.set(ticketId, { ...this.ticketChanges.get(ticketId), ...change });
  }

  insertInstance(row: NewInstanceRow): void {
    this.newInstances.push(row);
  }

  updateInstance(update: InstanceUpdate): void {
    const earlier = this.instanceUpdates.get(update.id);
    this.instanceUpdates.set(update.id, earlier ? { ...update, expectedSeq: earlier.expectedSeq } : update);
  }

  addTransitions(rows: TransitionRow[]): void {
    this.transitions.push(...rows);
  }

  insertTask(row: NewTaskRow): void {
    this.newTasks.set(`${row.instanceId}|${row.taskKey}`, row);
  }

  /** Changes an existing task, or the one inserted by this plan (then the insert carries the change). */
  changeTask(instanceId: string, taskKey: string, change: TaskChange): void {
    const key = `${instanceId}|${taskKey}`;
    const created = this.newTasks.get(key);
    if (created) {
      this.newTasks.set(key, applyToNewTask(created, change));
      return;
    }
    const earlier = this.taskChanges.get(key);
    this.taskChanges.set(key, { instanceId, taskKey, change: { ...earlier?.change, ...change } });
  }

  /** Open tasks of a node that this plan neither creates nor closes — for a timeout's due date. */
  newTaskOf(instanceId: string, nodeId: string): NewTaskRow | undefined {
    return [...this.newTasks.values()].find(
      (task) => task.instanceId === instanceId && task.nodeId === nodeId,
    );
  }

  /** Hands every open task of a ticket to a role (an SLA breach's reassignment). */
  reassignOpenTasks(ticketId: string, role: string): void {
    this.extras.push(
      (p) =>
        `UPDATE tasks SET candidate_role = ${p(role)}, candidate_users = '{}', assignee_id = NULL WHERE ticket_id = ${p(ticketId)} AND status = 'open' RETURNING id`,
    );
  }

  addVote(vote: VoteRow): void {
    this.votes.push(vote);
  }

  changeTimer(instanceId: string, timerKey: string, change: TimerChange): void {
    const key = `${instanceId}|${timerKey}`;
    const entry = this.timers.get(key) ?? { instanceId, timerKey, changes: [] };
    entry.changes.push(change);
    this.timers.set(key, entry);
  }

  addOutbox(row: OutboxRow): void {
    this.outbox.push(row);
  }

  addIncident(row: IncidentRow): void {
    this.incidents.push(row);
  }

  /** A part for another module's table (SLA clocks, rule firings, notifications, …). */
  addExtra(part: ExtraPart): void {
    this.extras.push(part);
  }

  /** Returns the new ticket's number from the statement (after `render`, column `ticket_number`). */
  returnTicketNumber(): void {
    this.outputs.push({
      expression: (_batch, names) =>
        `(SELECT number FROM ${names.get('tickets') ?? 'w0'} LIMIT 1) AS ticket_number`,
    });
  }

  /** Takes over everything another plan collected (a batch of steps on different instances). */
  absorb(other: StepPlan): void {
    this.newTickets.push(...other.newTickets);
    for (const [id, change] of other.ticketChanges) this.changeTicket(id, change);
    this.newInstances.push(...other.newInstances);
    for (const update of other.instanceUpdates.values()) this.updateInstance(update);
    this.transitions.push(...other.transitions);
    for (const [key, row] of other.newTasks) this.newTasks.set(key, row);
    for (const { instanceId, taskKey, change } of other.taskChanges.values())
      this.changeTask(instanceId, taskKey, change);
    this.votes.push(...other.votes);
    for (const { instanceId, timerKey, changes } of other.timers.values())
      for (const change of changes) this.changeTimer(instanceId, timerKey, change);
    this.outbox.push(...other.outbox);
    this.incidents.push(...other.incidents);
    this.extras.push(...other.extras);
  }

  get hasWork(): boolean {
    return (
      this.newTickets.length +
        this.ticketChanges.size +
        this.newInstances.length +
        this.instanceUpdates.size +
        this.transitions.length +
        this.newTasks.size +
        this.taskChanges.size +
        this.votes.length +
        this.timers.size +
        this.outbox.length +
        this.incidents.length +
        this.extras.length >
      0
    );
  }

  /** The plan as one statement; `checked` in its row is false when an instance's `seq` had moved. */
  render(): { sql: string; values: unknown[] } {
    const batch = new SqlBatch();
    const p = batch.param;
    const names = new Map<string, string>();
    if (this.newTickets.length > 0) {
      names.set(
        'tickets',
        batch.add(
          `INSERT INTO tickets (id, workflow_key, title, fields, priority, channel, requester_id, tags, assignee_group, status, outcome, closed_at) VALUES ${valuesList(
            this.newTickets.map((t) => [
              t.id,
              t.workflowKey,
              t.title,
              JSON.stringify(t.fields),
              t.priority,
              t.channel,
              t.requesterId,
              t.tags,
              t.assigneeGroup,
              t.status,
              t.outcome,
              t.closed ? SQL_NOW : null,
            ]),
            p,
          )} RETURNING number`,
        ),
      );
    }
    for (const sql of ticketChangesSql([...this.ticketChanges], p)) batch.add(sql);
    if (this.newInstances.length > 0) {
      batch.add(
        `INSERT INTO instances (id, ticket_id, version_id, snapshot, status, active_nodes, seq, parent_instance_id, parent_node_id, parent_subflow_key) VALUES ${valuesList(
          this.newInstances.map((i) => [
            i.id,
            i.ticketId,
            i.versionId,
            JSON.stringify(i.snapshot),
            i.status,
            i.activeNodes,
            i.seq,
            i.parent?.instanceId ?? null,
            i.parent?.nodeId ?? null,
            i.parent?.subflowKey ?? null,
          ]),
          p,
        )}`,
      );
    }
    if (this.instanceUpdates.size > 0)
      batch.expectRows(
        batch.add(instanceUpdatesSql([...this.instanceUpdates.values()], p)),
        this.instanceUpdates.size,
      );
    if (this.transitions.length > 0) {
      batch.add(
        `INSERT INTO transitions (instance_id, seq, event, from_node, to_node, actor_id, payload, at) VALUES ${valuesList(
          this.transitions.map((t) => [
            t.instanceId,
            t.seq,
            t.event,
            t.from,
            t.to,
            t.actorId,
            t.payload === undefined ? null : JSON.stringify(t.payload),
            SQL_CLOCK,
          ]),
          p,
        )}`,
      );
    }
    if (this.newTasks.size > 0) {
      batch.add(`INSERT INTO tasks (id, instance_id, ticket_id, task_key, node_id, kind, name, candidate_role, candidate_users, assignee_id, policy, outcomes, form,
          allow_requester, due_at, status, outcome, completed_at, completed_by, comment, item) VALUES ${valuesList(
            [...this.newTasks.values()].map((t) => [
              t.id,
              t.instanceId,
              t.ticketId,
              t.taskKey,
              t.nodeId,
              t.kind,
              t.name,
              t.candidateRole,
              t.candidateUsers,
              t.assigneeId,
              t.policy === null ? null : JSON.stringify(t.policy),
              t.outcomes,
              t.form === null ? null : JSON.stringify(t.form),
              t.allowRequester,
              t.dueAt,
              (t as ClosedNewTask).status ?? 'open',
              (t as ClosedNewTask).outcome ?? null,
              (t as ClosedNewTask).status ? new Date() : null,
              null,
              null,
              t.item === null || t.item === undefined ? null : JSON.stringify(t.item),
            ]),
            p,
          )}`);
    }
    for (const sql of taskChangesSql([...this.taskChanges.values()], p)) batch.add(sql);
    if (this.votes.length > 0) {
      batch.add(
        `INSERT INTO approval_votes (task_id, user_id, decision, comment, on_behalf_of) VALUES ${valuesList(
          this.votes.map((v) => [v.taskId, v.userId, v.decision, v.comment, v.onBehalfOf]),
          p,
        )}`,
      );
    }
    const timers = [...this.timers.values()].map(({ instanceId, timerKey, changes }) => ({
      instanceId,
      timerKey,
      change: mergeTimerChanges(changes),
    }));
    for (const sql of timerChangesSql(
      timers.filter((t): t is typeof t & { change: TimerChange } => t.change !== null),
      p,
    ))
      batch.add(sql);
    if (this.outbox.length > 0) {
      batch.add(
        `INSERT INTO outbox (instance_id, action_key, node_id, payload) VALUES ${valuesList(
          this.outbox.map((o) => [o.instanceId, o.actionKey, o.nodeId, JSON.stringify(o.payload)]),
          p,
        )} ON CONFLICT DO NOTHING`,
      );
    }
    if (this.incidents.length > 0) {
      batch.add(
        `INSERT INTO incidents (instance_id, node_id, code, message) VALUES ${valuesList(
          this.incidents.map((i) => [i.instanceId, i.nodeId, i.code, i.message]),
          p,
        )}`,
      );
    }
    for (const extra of this.extras) batch.add(extra(p));
    for (const output of this.outputs) batch.output(output.expression(batch, names));
    return batch.render();
  }
}

type ClosedNewTask = NewTaskRow & { status?: 'completed' | 'cancelled'; outcome?: string | null };

function applyToNewTask(task: NewTaskRow, change: TaskChange): NewTaskRow {
  const next: ClosedNewTask = { ...task };
  if (change.close) Object.assign(next, { status: change.close.status, outcome: change.close.outcome });
  if (change.dueAt) next.dueAt = change.dueAt;
  if (change.assigneeId !== undefined) next.assigneeId = change.assigneeId;
  if (change.candidateRole !== undefined) next.candidateRole = change.candidateRole;
  if (change.candidateUsers !== undefined) next.candidateUsers = change.candidateUsers;
  return next;
}

/**
 * The net effect of a timer's changes in order, as one change. A `cancel`
 * after `fired` keeps it fired (the sequential UPDATE would have found it no
 * longer scheduled); a `schedule` after anything re-arms it. Pure.
 */
export function mergeTimerChanges(changes: TimerChange[]): TimerChange | null {
  let net: TimerChange | null = null;
  for (const change of changes) {
    if (change.kind === 'cancel' && net && net.kind !== 'schedule' && net.kind !== 'cancel') continue;
    net = change;
  }
  return net;
}
