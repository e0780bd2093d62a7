import { outcomesOf, type WorkflowDefinition, type WorkflowEdge } from '@ticketflow/definition';
import { pendingWork, type InstanceSnapshot, type TransitionRecord } from '@ticketflow/runtime';
import type { SimulationLogEntry } from './simulation.store';

/** A button the simulation offers: "at this node, this happens". */
export interface SimulationAction {
  nodeId: string;
  outcome: string;
}

/**
 * What can happen next: the outcomes of every open task and approval, timeouts of
 * running timers, awaited messages, action results and the outcomes a running
 * sub-flow's child may end with. Pure.
 */
export function availableActions(
  definition: WorkflowDefinition,
  snapshot: InstanceSnapshot,
): SimulationAction[] {
  const work = pendingWork(snapshot);
  const nodes = new Map(definition.nodes.map((n) => [n.id, n]));
  const actions: SimulationAction[] = [];
  const add = (nodeId: string, outcome: string) => {
    if (!actions.some((a) => a.nodeId === nodeId && a.outcome === outcome)) actions.push({ nodeId, outcome });
  };
  for (const task of work.tasks) {
    const node = nodes.get(task.nodeId);
    if (task.kind === 'approval') {
      add(task.nodeId, 'approved');
      add(task.nodeId, 'rejected');
    } else if (node) {
      for (const outcome of outcomesOf(node)) if (outcome !== 'timeout') add(task.nodeId, outcome);
    }
  }
  for (const message of work.messages) add(message.nodeId, 'received');
  // A sub-flow is simulated like a task whose outcome the user picks: the outcomes its edges follow.
  for (const subflow of work.subflows) {
    for (const edge of definition.edges)
      if (edge.source === subflow.nodeId && edge.on !== undefined && edge.on !== 'timeout')
        add(subflow.nodeId, edge.on);
  }
  for (const action of work.actions) {
    add(action.nodeId, 'ok');
    add(action.nodeId, 'failed');
  }
  for (const timer of work.timers) add(timer.nodeId, 'timeout');
  return actions;
}

/** The edge a recorded transition followed, if it can be told. Pure. */
export function edgeOfTransition(
  definition: WorkflowDefinition,
  t: TransitionRecord,
): WorkflowEdge | undefined {
  const detail = t.detail;
  if (detail && (detail.kind === 'condition' || detail.kind === 'default')) {
    return definition.edges.find((e) => e.id === detail.edgeId);
  }
  if (!t.from || !t.to) return undefined;
  const candidates = definition.edges.filter((e) => e.source === t.from && e.target === t.to);
  if (detail?.kind === 'outcome') return candidates.find((e) => e.on === detail.outcome) ?? candidates[0];
  if (detail?.kind === 'vote')
    return candidates.find((e) => e.on === 'approved' || e.on === 'rejected') ?? candidates[0];
  return candidates[0];
}

/** One transition explained for the log ("Finance approval → Done: approved by sim-user-2"). Pure. */
export function explainTransition(definition: WorkflowDefinition, t: TransitionRecord): string {
  const detail = t.detail;
  if (!detail) return t.event;
  switch (detail.kind) {
    case 'condition':
    case 'default':
    case 'note':
      return detail.text;
    case 'outcome':
      return [detail.outcome, detail.actor && `(${detail.actor})`, detail.comment].filter(Boolean).join(' ');
    case 'vote':
      return `${detail.decision} by ${detail.actor} (${detail.approved} approved, ${detail.rejected} rejected)`;
    case 'message':
      return `message "${detail.message}" received`;
  }
  void definition;
  return t.event;
}

/** Path, taken edges and log lines for the canvas and the log panel. Pure. */
export function describeRun(
  definition: WorkflowDefinition,
  path: string[],
  transitions: TransitionRecord[],
): { visitedNodes: string[]; takenEdges: string[]; log: SimulationLogEntry[] } {
  const takenEdges = new Set<string>();
  const log = transitions.map((t, seq) => {
    const edge = edgeOfTransition(definition, t);
    if (edge) takenEdges.add(edge.id);
    return { seq: seq + 1, event: t.event, from: t.from, to: t.to, text: explainTransition(definition, t) };
  });
  return { visitedNodes: [...new Set(path)], takenEdges: [...takenEdges], log };
}
