import type { WorkflowNode } from './definition.types.js';

/** An outcome a node can leave by, and whether an edge must follow it. */
export interface OutcomeInfo {
  outcome: string;
  /**
   * `error` when the instance would be stuck without an edge for it, `warning` when the
   * runtime has a fallback (an action's `failed` raises an incident).
   */
  ifUncovered: 'error' | 'warning';
}

const DEFAULT_TASK_OUTCOMES = ['completed'];

function hasTimeout(node: { timeout?: unknown }): boolean {
  return typeof node.timeout === 'object' && node.timeout !== null;
}

/**
 * The outcomes a node can leave by, with how serious a missing edge for each is.
 * Defensive: works on partial drafts (a task with malformed `outcomes` gets the default).
 * Nodes that do not leave by outcomes (start, end, decision, parallel, join, timer) get []. Pure.
 */
export function outcomeInfoOf(node: WorkflowNode): OutcomeInfo[] {
  switch (node.type) {
    case 'task': {
      const declared = Array.isArray(node.outcomes)
        ? node.outcomes.filter((outcome): outcome is string => typeof outcome === 'string')
        : [];
      const outcomes = declared.length > 0 ? [...new Set(declared)] : DEFAULT_TASK_OUTCOMES;
      const infos: OutcomeInfo[] = outcomes.map((outcome) => ({ outcome, ifUncovered: 'error' }));
      if (hasTimeout(node)) infos.push({ outcome: 'timeout', ifUncovered: 'error' });
      return infos;
    }
    case 'approval': {
      const infos: OutcomeInfo[] = [
        { outcome: 'approved', ifUncovered: 'error' },
        { outcome: 'rejected', ifUncovered: 'error' },
      ];
      const timeout = node.timeout as { autoDecision?: unknown } | undefined;
      if (hasTimeout(node) && timeout?.autoDecision === undefined)
        infos.push({ outcome: 'timeout', ifUncovered: 'error' });
      return infos;
    }
    case 'wait': {
      const infos: OutcomeInfo[] = [{ outcome: 'received', ifUncovered: 'error' }];
      if (hasTimeout(node)) infos.push({ outcome: 'timeout', ifUncovered: 'error' });
      return infos;
    }
    case 'subflow': {
      const declared = Array.isArray(node.outcomes)
        ? [...new Set(node.outcomes.filter((outcome): outcome is string => typeof outcome === 'string'))]
        : [];
      const infos: OutcomeInfo[] = declared.map((outcome) => ({ outcome, ifUncovered: 'error' }));
      if (hasTimeout(node)) infos.push({ outcome: 'timeout', ifUncovered: 'error' });
      return infos;
    }
    case 'action':
      return [
        { outcome: 'ok', ifUncovered: 'error' },
        { outcome: 'failed', ifUncovered: 'warning' },
      ];
    default:
      return [];
  }
}

/**
 * Outcomes a node may leave by without having to: a sub-flow's `cancelled` (the child was
 * cancelled on its own; without an edge the parent ticket gets an incident). Pure.
 */
export function optionalOutcomesOf(node: WorkflowNode): string[] {
  return node.type === 'subflow' ? ['cancelled'] : [];
}

/**
 * True when the node's outcomes are not known offline: a sub-flow that does not list its child's
 * outcomes accepts any outcome word on its edges (publishing checks them against the child). Pure.
 */
export function hasOpenOutcomes(node: WorkflowNode): boolean {
  return node.type === 'subflow' && !Array.isArray(node.outcomes);
}

/**
 * The outcomes a node can leave by (the values an edge's `on` may take):
 * task: its `outcomes` (default `["completed"]`) plus `timeout` if it has one;
 * approval: `approved`, `rejected`, plus `timeout` when it has a timeout without `autoDecision`;
 * wait: `received`, plus `timeout` if it has one; action: `ok`, `failed`; subflow: its declared
 * `outcomes` (the child's), plus `timeout` if it has one; others: none. Pure.
 */
export function outcomesOf(node: WorkflowNode): string[] {
  return outcomeInfoOf(node).map((info) => info.outcome);
}
