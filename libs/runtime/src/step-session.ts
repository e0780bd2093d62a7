import { createActor, type Actor as XActor } from 'xstate';
import type { CompiledWorkflow, Placement, WorkflowEvent, WorkflowMachine } from '@ticketflow/compiler';
import type { FieldValues, WorkflowEdge } from '@ticketflow/definition';
import type { Effect, InstanceSnapshot, TransitionDetail, TransitionRecord } from './runtime.types.js';
import { activePlacements, activeNodeIds } from './active-states.js';
import type { RuntimeBook } from './runtime-book.types.js';
import { enterPlacement, exitPlacement, passThrough } from './node-lifecycle.js';

/** Outcomes that never fall back to a plain (unlabelled) edge. */
const NO_FALLBACK = new Set(['timeout', 'failed', 'rejected']);

/**
 * The edge a node leaves by for an outcome: the edge with that `on`, else a
 * plain edge (for outcomes other than timeout / failed / rejected). Pure.
 */
export function edgeForOutcome(
  compiled: CompiledWorkflow,
  nodeId: string,
  outcome: string,
): WorkflowEdge | null {
  const outgoing = compiled.nodes[nodeId]?.outgoing ?? [];
  const labelled = outgoing.find((edge) => edge.on === outcome);
  if (labelled) return labelled;
  if (NO_FALLBACK.has(outcome)) return null;
  return (
    outgoing.find((edge) => edge.on === undefined && edge.condition === undefined && edge.default !== true) ??
    null
  );
}

/**
 * One event's worth of work on one instance: the restored actor, the fields,
 * the bookkeeping, and what the step produced (effects, transitions, the
 * nodes entered). Mutable, but lives only for the duration of `start` /
 * `step`; nothing outside it is touched.
 */
export class Session {
  readonly effects: Effect[] = [];
  readonly transitions: TransitionRecord[] = [];
  /** Node ids entered during this step, in order (the simulation's path). */
  readonly entered: string[] = [];
  status: InstanceSnapshot['status'];
  outcome: string | undefined;
  autoSteps = 0;
  private readonly actor: XActor<WorkflowMachine>;

  constructor(
    readonly compiled: CompiledWorkflow,
    readonly book: RuntimeBook,
    readonly fields: FieldValues,
    snapshot: Pick<InstanceSnapshot, 'status' | 'outcome'>,
    readonly maxAutoSteps: number,
  ) {
    this.status = snapshot.status;
    this.outcome = snapshot.outcome;
    this.actor = book.xstate
      ? createActor(compiled.machine, { snapshot: book.xstate as never })
      : createActor(compiled.machine);
  }

  /** Starts the actor; on a fresh instance, runs the entry of the start node. */
  begin(fresh: boolean): void {
    this.actor.start();
    if (!fresh) return;
    const start = this.active()[0];
    this.transitions.push({ event: 'start', from: null, to: start?.nodeId ?? null });
    for (const placement of this.active()) enterPlacement(this, placement);
  }

  active(): Placement[] {
    return activePlacements(this.compiled, this.actor.getSnapshot().value);
  }

  machineDone(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  /** Per state path: the node's visit number at its latest entry there. */
  entries(): Record<string, number> {
    return this.actor.getSnapshot().context.entered;
  }

  record(event: string, from: string | null, to: string | null, detail?: TransitionDetail): void {
    this.transitions.push(detail ? { event, from, to, detail } : { event, from, to });
  }

  /**
   * Sends one event to the machine and turns what changed into effects:
   * exits first (closing what the flow left behind), then entries. Returns
   * false when the machine ignored the event.
   */
  send(event: WorkflowEvent, eventName: string): boolean {
    const before = this.active();
    const entriesBefore = { ...this.entries() };
    this.actor.send(event);
    const after = this.active();
    const entriesAfter = this.entries();
    const beforePaths = new Set(before.map((p) => p.path));
    const afterPaths = new Set(after.map((p) => p.path));
    const reentered = (p: Placement) =>
      p.kind === 'node' && (entriesAfter[p.path] ?? 0) !== (entriesBefore[p.path] ?? 0);
    const exited = before.filter((p) => !afterPaths.has(p.path) || reentered(p));
    const entered = after.filter((p) => !beforePaths.has(p.path) || reentered(p));
    for (const placement of exited) exitPlacement(this, placement, eventName);
    // A node entered and left within the same event (an end reached in the
    // last branch of a split without a join) is only visible in the visits.
    for (const [path, visit] of Object.entries(entriesAfter)) {
      const placement = this.compiled.placements[path];
      if (placement && visit !== (entriesBefore[path] ?? 0) && !afterPaths.has(path))
        passThrough(this, placement.nodeId);
    }
    for (const placement of entered) enterPlacement(this, placement);
    return exited.length > 0 || entered.length > 0;
  }

  /** Leaves the node at state `path` by `edge`, recording the move. */
  take(edge: WorkflowEdge, path: string, eventName: string, detail?: TransitionDetail): boolean {
    this.record(eventName, edge.source, edge.target, detail);
    const event: WorkflowEvent = edge.on
      ? { type: edge.on, nodeId: edge.source, path }
      : { type: 'route', nodeId: edge.source, path, edgeId: edge.id };
    return this.send(event, eventName);
  }

  incident(code: string, message: string, nodeId?: string): void {
    if (this.status !== 'active') return;
    this.status = 'incident';
    this.effects.push(
      nodeId ? { type: 'incident.raise', nodeId, code, message } : { type: 'incident.raise', code, message },
    );
    this.record('incident', nodeId ?? null, null, { kind: 'note', text: `${code}: ${message}` });
  }

  /** The snapshot to persist after this step. */
  snapshot(): InstanceSnapshot {
    this.book.xstate = this.actor.getPersistedSnapshot();
    this.actor.stop();
    const book = JSON.parse(JSON.stringify(this.book)) as RuntimeBook;
    const activeNodes =
      this.status === 'completed' || this.status === 'cancelled'
        ? []
        : activeNodeIds(this.compiled, (book.xstate as { value: unknown }).value);
    const snapshot: InstanceSnapshot = { format: 1, status: this.status, activeNodes, machine: book };
    if (this.outcome !== undefined) snapshot.outcome = this.outcome;
    return snapshot;
  }
}
