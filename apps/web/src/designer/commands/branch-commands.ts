import { orderDecisionEdges, type WorkflowDefinition, type WorkflowEdge } from '@ticketflow/definition';
import type { Command } from './command.types';
import { replaceEdges } from './definition-edits';

/** A decision's branches in the order it tries them (the otherwise branch last). Pure. */
export function branchesOf(definition: WorkflowDefinition, decisionId: string): WorkflowEdge[] {
  return orderDecisionEdges(definition.edges.filter((e) => e.source === decisionId));
}

function swapEdges(type: Command['type'], before: WorkflowEdge[], after: WorkflowEdge[]): Command {
  return {
    type,
    do: (def) => replaceEdges(def, new Map(after.map((e) => [e.id, e]))),
    undo: (def) => replaceEdges(def, new Map(before.map((e) => [e.id, e]))),
  };
}

/**
 * `branches.reorder`: the decision tries its condition branches in `orderedIds`'
 * order, written as priorities 1, 2, 3… (the otherwise branch stays last). Pure factory.
 */
export function reorderBranches(
  definition: WorkflowDefinition,
  decisionId: string,
  orderedIds: string[],
): Command {
  const byId = new Map(definition.edges.filter((e) => e.source === decisionId).map((e) => [e.id, e]));
  const before: WorkflowEdge[] = [];
  const after: WorkflowEdge[] = [];
  let priority = 1;
  for (const id of orderedIds) {
    const edge = byId.get(id);
    if (!edge || edge.default) continue;
    before.push(edge);
    after.push({ ...edge, priority });
    priority += 1;
  }
  return swapEdges('branches.reorder', before, after);
}

/**
 * `branches.otherwise`: makes `edgeId` the decision's one otherwise branch (its
 * condition goes), and turns a previous otherwise branch into a condition branch
 * with an empty condition to fill in. `edgeId` null: no otherwise branch. Pure factory.
 */
export function chooseOtherwise(
  definition: WorkflowDefinition,
  decisionId: string,
  edgeId: string | null,
): Command {
  const before: WorkflowEdge[] = [];
  const after: WorkflowEdge[] = [];
  for (const edge of definition.edges) {
    if (edge.source !== decisionId) continue;
    const { condition, default: _d, priority: _p, ...rest } = edge;
    if (edge.id === edgeId && !edge.default) {
      before.push(edge);
      after.push({ ...rest, default: true });
    } else if (edge.id !== edgeId && edge.default) {
      before.push(edge);
      after.push({ ...rest, condition: condition ?? { all: [] } });
    }
  }
  return swapEdges('branches.otherwise', before, after);
}
