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
 * The outcomes a node can leave by (the values an edge's `on` may take):
 * task: its `outcomes` (default `["completed"]`) plus `timeout` if it has one;
 * approval: `approved`, `rejected`, plus `timeout` when it has a timeout without `autoDecision`;
 * wait: `received`, plus `timeout` if it has one; action: `ok`, `failed`; others: none. Pure.
 */
export function outcomesOf(node: WorkflowNode): string[] {
  return outcomeInfoOf(node).map((info) => info.outcome);
}
