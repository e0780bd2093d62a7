import type { WorkflowDefinition, WorkflowEdge } from '@ticketflow/definition';
import { buildStateTree } from './build-state-config.js';
import { CompileError } from './compile-error.js';
import type { CompiledWorkflow, NodeInfo } from './compiled-workflow.types.js';
import { indexGraph } from './graph-index.js';
import { describeNode } from './node-info.js';
import { placeNodes } from './place-nodes.js';
import { createWorkflowMachine } from './workflow-machine.js';

/**
 * Compiles a (validated) definition into an XState 5 machine plus the node
 * metadata the runtime needs. Deterministic: the same definition gives the
 * same `config` JSON. Decisions, starts and joins are transient states that
 * leave on a `route` event naming the chosen edge (conditions are async, so
 * the runtime evaluates them); no XState `after` timers are used (timers are
 * database rows). Throws {@link CompileError} when the graph cannot be
 * expressed as a state tree. Pure.
 */
export function compileDefinition(definition: WorkflowDefinition): CompiledWorkflow {
  const graph = indexGraph(definition);
  const start = definition.nodes.find((node) => node.type === 'start');
  if (!start) throw new CompileError('The definition has no start node.');
  const layout = placeNodes(definition, graph);
  const tree = buildStateTree(graph, layout, start.id);

  const nodes: Record<string, NodeInfo> = {};
  for (const node of definition.nodes)
    nodes[node.id] = describeNode(node, graph.outgoing.get(node.id) ?? [], definition.fields);
  const edges: Record<string, WorkflowEdge> = {};
  for (const edge of definition.edges) edges[edge.id] = edge;

  return {
    definition,
    machine: createWorkflowMachine(tree.config),
    config: tree.config,
    nodes,
    placements: tree.placements,
    blocks: tree.blocks,
    edges,
  };
}
