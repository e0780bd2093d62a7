import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';
import type { Selection } from '../store/designer.store';
import { nextId } from './node-catalog';

/** What Ctrl+C keeps: the selected nodes and the edges running between them. */
export interface ClipboardContent {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

/** Copies the selection (plus edges among the selected nodes). Pure. */
export function copySelection(definition: WorkflowDefinition, selection: Selection): ClipboardContent | null {
  const ids = new Set(selection.nodeIds);
  const nodes = definition.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = definition.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { nodes, edges };
}

/**
 * Fresh copies of clipboard content for pasting: new ids that do not clash with the
 * definition, positions shifted by `offset`, edges re-pointed. Start nodes are not
 * duplicated (a workflow has one). Pure.
 */
export function prepareForPaste(
  definition: WorkflowDefinition,
  content: ClipboardContent,
  offset = 40,
): ClipboardContent {
  const taken = new Set<string>();
  const idMap = new Map<string, string>();
  const nodes: WorkflowNode[] = [];
  for (const node of content.nodes) {
    if (node.type === 'start') continue;
    const id = nextId(definition, node.type, taken);
    taken.add(id);
    idMap.set(node.id, id);
    const position = node.position ? { x: node.position.x + offset, y: node.position.y + offset } : undefined;
    nodes.push({ ...node, id, ...(position ? { position } : {}) } as WorkflowNode);
  }
  const edges: WorkflowEdge[] = [];
  for (const edge of content.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) continue;
    const id = nextId(definition, 'e', taken);
    taken.add(id);
    edges.push({ ...edge, id, source, target });
  }
  return { nodes, edges };
}
