import type { WorkflowEdge } from '@ticketflow/definition';
import { CompileError } from './compile-error.js';
import type { ParallelBlock, Placement } from './compiled-workflow.types.js';
import type { GraphIndex } from './graph-index.js';
import type { Layout, Scope } from './place-nodes.js';
import { childPath, stateKeyOf } from './state-keys.js';

export const ARRIVAL_KEY = '~joined';
export const CANCELLED_KEY = '~cancelled';
export const SPLIT_DONE_SUFFIX = '~done';
/** A branch whose first edge leaves it at once (to an end or an enclosing step). */
export const REDIRECT_KEY = '~leave';
/** An inclusive split's branch before the runtime has decided whether it is taken. */
export const GATE_KEY = '~gate';
/** An inclusive split's branch that was not taken. */
export const SKIPPED_KEY = '~skipped';

type StateConfig = Record<string, unknown>;
type Guard = { type: string; params: Record<string, string> };
type TransitionConfig = { guard: Guard; target: string; reenter: true };

export interface StateTree {
  config: StateConfig;
  placements: Record<string, Placement>;
  blocks: Record<string, ParallelBlock>;
}

/**
 * Turns a layout into a plain-JSON XState config: one state per placement,
 * outcome events (`approved`, `completed`, ...) and `route` events guarded by
 * node, placement and edge, parallel states for splits, final states for
 * ends. Pure and deterministic (definition order in, same JSON out).
 */
export function buildStateTree(graph: GraphIndex, layout: Layout, startId: string): StateTree {
  const placements: Record<string, Placement> = {};
  const blocks: Record<string, ParallelBlock> = {};
  let order = 0;
  const place = (path: string, nodeId: string, kind: Placement['kind'], scope: Scope | null): void => {
    const placement: Placement = { path, nodeId, kind, order: order++ };
    if (scope?.block) {
      placement.parallelId = scope.block.parallelId;
      placement.blockPath = scope.block.blockPath;
      placement.branch = scope.block.branch;
    }
    placements[path] = placement;
  };

  const targetOf = (targetId: string, from: Scope): string => {
    const target = graph.nodes.get(targetId);
    if (target?.type === 'end') {
      const local = from.block && from.block.joinId === null ? from : layout.root;
      return `#${childPath(local.path, stateKeyOf(targetId))}`;
    }
    for (let scope: Scope | null = from; scope; scope = scope.parent) {
      if (scope.block?.joinId === targetId) return `#${childPath(scope.path, ARRIVAL_KEY)}`;
      if (scope.nodeIds.includes(targetId)) return `#${childPath(scope.path, stateKeyOf(targetId))}`;
    }
    throw new CompileError(`Node "${targetId}" has no place in the state tree.`, targetId);
  };

  const transitionsOf = (nodeId: string, path: string, scope: Scope): Record<string, TransitionConfig[]> => {
    const on: Record<string, TransitionConfig[]> = {};
    for (const edge of graph.outgoing.get(nodeId) ?? []) {
      const event = edge.on ?? 'route';
      const guard: Guard = edge.on
        ? { type: 'atNode', params: { nodeId, path } }
        : { type: 'edgeIs', params: { nodeId, path, edgeId: edge.id } };
      // reenter: following an edge back to the same node leaves and re-enters it (a new visit).
      (on[event] ??= []).push({ guard, target: targetOf(edge.target, scope), reenter: true });
    }
    return on;
  };

  const visit = (nodeId: string, path: string) => [{ type: 'countVisit', params: { nodeId, path } }];

  const buildScope = (scope: Scope): Record<string, StateConfig> => {
    const states: Record<string, StateConfig> = {};
    for (const nodeId of scope.nodeIds) {
      const path = childPath(scope.path, stateKeyOf(nodeId));
      place(path, nodeId, 'node', scope);
      const regions = scope.branches.get(nodeId);
      states[stateKeyOf(nodeId)] = regions
        ? buildSplit(nodeId, path, regions, scope)
        : { id: path, entry: visit(nodeId, path), on: transitionsOf(nodeId, path, scope) };
    }
    for (const endId of scope.endIds) {
      const path = childPath(scope.path, stateKeyOf(endId));
      place(path, endId, 'node', scope);
      states[stateKeyOf(endId)] = { id: path, type: 'final', entry: visit(endId, path) };
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
    const required =
      join?.type === 'join' && join.require
        ? Math.max(1, Math.min(join.require.count, regions.length))
        : regions.length;
    const kind = graph.nodes.get(parallelId)?.type === 'inclusive' ? 'inclusive' : 'parallel';
    blocks[path] = { parallelId, kind, joinId, branches: regions.length, required, path };
    const states: Record<string, StateConfig> = {};
    const outgoing = graph.outgoing.get(parallelId) ?? [];
    const inclusive = graph.nodes.get(parallelId)?.type === 'inclusive';
    regions.forEach((region, branch) => {
      const children = buildScope(region);
      const head = outgoing[branch] as WorkflowEdge;
      let initial: string;
      let headTarget: string;
      if (head.target === joinId)
        [initial, headTarget] = [ARRIVAL_KEY, `#${childPath(region.path, ARRIVAL_KEY)}`];
      else if (region.nodeIds.includes(head.target) || region.endIds.includes(head.target)) {
        initial = stateKeyOf(head.target);
        headTarget = `#${childPath(region.path, initial)}`;
      } else {
        // The branch leaves at once (an end in a joined split, an enclosing step): pass through.
        initial = REDIRECT_KEY;
        headTarget = targetOf(head.target, region);
        children[REDIRECT_KEY] = { id: childPath(region.path, REDIRECT_KEY), always: { target: headTarget } };
      }
      if (inclusive) {
        // The runtime evaluates every condition once, then takes (`route`) or skips each branch.
        const gatePath = childPath(region.path, GATE_KEY);
        const skippedPath = childPath(region.path, SKIPPED_KEY);
        place(gatePath, parallelId, 'gate', region);
        place(skippedPath, parallelId, 'skipped', region);
        const at = { nodeId: parallelId, path: gatePath };
        children[GATE_KEY] = {
          id: gatePath,
          on: {
            route: [{ guard: { type: 'edgeIs', params: { ...at, edgeId: head.id } }, target: headTarget }],
            skip: [{ guard: { type: 'atNode', params: at }, target: `#${skippedPath}` }],
          },
        };
        children[SKIPPED_KEY] = { id: skippedPath, type: 'final' };
        initial = GATE_KEY;
      }
      states[`b${branch}`] = { id: region.path, initial, states: children };
    });
    const config: StateConfig = { id: path, type: 'parallel', entry: visit(parallelId, path), states };
    if (joinId) {
      const joinTarget = targetOf(joinId, scope);
      config.on = {
        join: [{ guard: { type: 'atNode', params: { nodeId: joinId, path } }, target: joinTarget }],
      };
      config.onDone = { target: joinTarget };
    } else {
      config.onDone = {
        target: `#${childPath(scope.path, `${stateKeyOf(parallelId)}${SPLIT_DONE_SUFFIX}`)}`,
      };
    }
    return config;
  };

  const rootStates = buildScope(layout.root);
  for (const block of Object.values(blocks)) {
    if (block.joinId !== null) continue;
    const key = `${stateKeyOf(block.parallelId)}${SPLIT_DONE_SUFFIX}`;
    place(key, block.parallelId, 'split-done', null);
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
