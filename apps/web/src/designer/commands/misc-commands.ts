import type { Position, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';
import type { Command, CommandType } from './command.types';
import { moveNodes } from './node-commands';

/** `layout.apply`: moves many nodes at once (auto-layout); undo restores every old position. */
export function applyLayout(current: WorkflowDefinition, positions: Map<string, Position>): Command {
  const moves = current.nodes
    .filter((n) => positions.has(n.id))
    .map((n) => ({ id: n.id, from: n.position, to: positions.get(n.id)! }));
  return { ...moveNodes(moves), type: 'layout.apply' };
}

type WorkflowMeta = Pick<WorkflowDefinition, 'name' | 'description'>;

/** `workflow.update`: the workflow's own name and description. */
export function updateWorkflow(before: WorkflowMeta, after: WorkflowMeta, mergeKey?: string): Command {
  const put = (def: WorkflowDefinition, meta: WorkflowMeta): WorkflowDefinition => {
    const next: WorkflowDefinition = { ...def, name: meta.name };
    if (meta.description === undefined) delete next.description;
    else next.description = meta.description;
    return next;
  };
  return { type: 'workflow.update', mergeKey, do: (d) => put(d, after), undo: (d) => put(d, before) };
}

/** A workflow-wide switch a requester meets: choosing the priority, reading the branch conditions. */
export type WorkflowFlag = 'requesterPriority' | 'conditionsPublic';

/** `workflow.update`: turns a workflow-wide switch on (true) or off (absent); undo restores the old value. */
export function setWorkflowFlag(flag: WorkflowFlag, before: boolean | undefined, on: boolean): Command {
  const put = (def: WorkflowDefinition, value: boolean | undefined): WorkflowDefinition => {
    const next: WorkflowDefinition = { ...def };
    if (value === undefined) delete next[flag];
    else next[flag] = value;
    return next;
  };
  return { type: 'workflow.update', do: (d) => put(d, on || undefined), undo: (d) => put(d, before) };
}

/** Several commands as one undo step, e.g. `clipboard.paste` (node.add + edge.connect…). */
export function compound(type: CommandType, commands: Command[]): Command {
  return {
    type,
    do: (def) => commands.reduce((d, c) => c.do(d), def),
    undo: (def) => commands.reduceRight((d, c) => c.undo(d), def),
  };
}

/** `clipboard.paste`: adds copied nodes and the edges among them in one step. */
export function pasteElements(nodes: WorkflowNode[], edges: WorkflowEdge[]): Command {
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(edges.map((e) => e.id));
  return {
    type: 'clipboard.paste',
    do: (def) => ({ ...def, nodes: [...def.nodes, ...nodes], edges: [...def.edges, ...edges] }),
    undo: (def) => ({
      ...def,
      nodes: def.nodes.filter((n) => !nodeIds.has(n.id)),
      edges: def.edges.filter((e) => !edgeIds.has(e.id)),
    }),
  };
}

/** `workflow.import`: replaces the whole definition (an imported file); undo brings the old one back. */
export function importDefinition(before: WorkflowDefinition, after: WorkflowDefinition): Command {
  return { type: 'workflow.import', do: () => after, undo: () => before };
}
