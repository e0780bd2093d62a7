import type { WorkflowEdge } from '@ticketflow/definition';
import { CompileError } from './compile-error.js';
import type { ParallelBlock, Placement } from './compiled-workflow.types.js';
import type { GraphIndex } from './graph-index.js';
import type { Layout, Scope } from './place-nodes.js';
import { childPath, stateKeyOf } from './state-keys.js';

export const ARRIVAL_KEY = '~joined';
export const CANCELLED_KEY = '~cancelled';
export const SPLIT_DONE_SUFFIX = '~done';

type StateConfig = Record<string, unknown>;
type TransitionConfig = { guard: { type: string; params: Record<string, string> }; target: string; reenter: true };

export interface StateTree {
  config: StateConfig;
  placements: Record<string, Placement>;
  blocks: Record<string, ParallelBlock>;
}

/**
 * Turns a layout into a plain-JSON XState config: one state per placement,
 * outcome events (`approved`, `completed`, ...) and `route` events guarded by
 * node / edge, parallel states for splits, final states for ends. Pure and
 * deterministic (definition order in, same JSON out).
 */
export function buildStateTree(graph: GraphIndex, layout: Layout, startId: string): StateTree {
  const placements: Record<string, Placement> = {};
  const blocks: Record<string, ParallelBlock> = {};
  let order = 0;
  const place = (path: string, nodeId: string, kind: Placement['kind'], scope: Scope | null): void => {
    const placement: Placement = { path, nodeId, kind, order: order++ };
    if (scope?.block) {
      placement.parallelId = scope.block.parallelId;
      placement.branch = scope.block.branch;
    }
    placements[path] = placement;
  };

  const pathOfNode = (nodeId: string): string => {
    const scope = layout.scopeOf.get(nodeId);
    if (!scope) throw new CompileError(`Node "${nodeId}" has no place in the state tree.`, nodeId);
    return childPath(scope.path, stateKeyOf(nodeId));
  };

  const targetOf = (edge: WorkflowEdge, from: Scope): string => {
    const target = graph.nodes.get(edge.target);
    if (target?.type === 'end') {
      const local = from.block && from.block.joinId === null ? from : layout.root;
      return `#${childPath(local.path, stateKeyOf(edge.target))}`;
    }
    if (target?.type === 'join') {
      for (let scope: Scope | null = from; scope; scope = scope.parent) {
        if (scope.block?.joinId === edge.target) return `#${childPath(scope.path, ARRIVAL_KEY)}`;
      }
    }
    return `#${pathOfNode(edge.target)}`;
  };

  const transitionsOf = (nodeId: string, scope: Scope): Record<string, TransitionConfig[]> => {
    const on: Record<string, TransitionConfig[]> = {};
    for (const edge of graph.outgoing.get(nodeId) ?? []) {
      const event = edge.on ?? 'route';
      const guard: TransitionConfig['guard'] = edge.on
        ? { type: 'atNode', params: { nodeId } }
        : { type: 'edgeIs', params: { nodeId, edgeId: edge.id } };
      // reenter: following an edge back to the same node leaves and re-enters it (a new visit).
      (on[event] ??= []).push({ guard, target: targetOf(edge, scope), reenter: true });
    }
    return on;
  };

  const visit = (nodeId: string) => [{ type: 'countVisit', params: { nodeId } }];

  const buildScope = (scope: Scope): Record<string, StateConfig> => {
    const states: Record<string, StateConfig> = {};
    for (const nodeId of scope.nodeIds) {
      const path = childPath(scope.path, stateKeyOf(nodeId));
      place(path, nodeId, 'node', scope);
      const regions = scope.branches.get(nodeId);
      if (!regions) {
        states[stateKeyOf(nodeId)] = { id: path, entry: visit(nodeId), on: transitionsOf(nodeId, scope) };
        continue;
      }
      states[stateKeyOf(nodeId)] = buildSplit(nodeId, path, regions, scope);
    }
    for (const endId of scope.endIds) {
      const path = childPath(scope.path, stateKeyOf(endId));
      place(path, endId, 'node', scope);
      states[stateKeyOf(endId)] = { id: path, type: 'final', entry: visit(endId) };
    }
    if (scope.block?.joinId) {
      const path = childPath(scope.path, ARRIVAL_KEY);
      place(path, scope.block.joinId, 'arrival', scope);
      states[ARRIVAL_KEY] = { id: path, type: 'final' };
    }
    return states;
  };

  const buildSplit = (parallelId: string, path: string, regions: Scope[], scope: Scope): StateConfig => {
    const joinId = layout.joinOf.get(parallelId) ?? null;
    const join = joinId ? graph.nodes.get(joinId) : undefined;
    const required = join?.type === 'join' && join.require ? Math.min(join.require.count, regions.length) : regions.length;
    blocks[parallelId] = { parallelId, joinId, branches: regions.length, required, path };
    const states: Record<string, StateConfig> = {};
    regions.forEach((region, branch) => {
      const children = buildScope(region);
      const head = (graph.outgoing.get(parallelId) ?? [])[branch]?.target as string;
      const initial = head === joinId ? ARRIVAL_KEY : stateKeyOf(head);
      states[`b${branch}`] = { id: region.path, initial, states: children };
    });
    const config: StateConfig = { id: path, type: 'parallel', entry: visit(parallelId), states };
    if (joinId) {
      const joinTarget = `#${pathOfNode(joinId)}`;
      config.on = { join: [{ guard: { type: 'atNode', params: { nodeId: joinId } }, target: joinTarget }] };
      config.onDone = { target: joinTarget };
    } else {
      const donePath = childPath(scope.path, `${stateKeyOf(parallelId)}${SPLIT_DONE_SUFFIX}`);
      config.onDone = { target: `#${donePath}` };
    }
    return config;
  };

  const rootStates = buildScope(layout.root);
  for (const [parallelId, block] of Object.entries(blocks)) {
    if (block.joinId !== null) continue;
    const key = `${stateKeyOf(parallelId)}${SPLIT_DONE_SUFFIX}`;
    place(key, parallelId, 'split-done', null);
    rootStates[key] = { id: key, type: 'final' };
  }
  place(CANCELLED_KEY, '', 'cancelled', null);
  rootStates[CANCELLED_KEY] = { id: CANCELLED_KEY, type: 'final' };

  const config: StateConfig = {
    id: 'ticketflow',
    initial: stateKeyOf(startId),
    states: rootStates,
    on: { cancel: { target: `#${CANCELLED_KEY}` } },
  };
  return { config, placements, blocks };
}
