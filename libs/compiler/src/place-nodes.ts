import { isSplitType, type WorkflowDefinition } from '@ticketflow/definition';
import { CompileError } from './compile-error.js';
import { findMatchingJoin, type GraphIndex } from './graph-index.js';
import { childPath, stateKeyOf } from './state-keys.js';

/** A region of the state tree: the top level or one branch of a parallel split. */
export interface Scope {
  path: string;
  parent: Scope | null;
  /** For a branch: its split, the split's state path, join (null if none) and index. */
  block: { parallelId: string; blockPath: string; joinId: string | null; branch: number } | null;
  /** Non-end nodes placed here, in discovery order. */
  nodeIds: string[];
  /** End nodes that get a final state here. */
  endIds: string[];
  /** Branch scopes of the parallel splits placed here, keyed by split id. */
  branches: Map<string, Scope[]>;
}

export interface Layout {
  root: Scope;
  joinOf: Map<string, string | null>;
}

/**
 * Decides where each node lives in the state tree. Nodes reachable from a
 * split's branch (up to its join) live in that branch's region; everything
 * else at the top level. A node reachable from several branches gets a copy
 * in each (every branch runs it once, like a token per branch); a node that
 * already lives in an enclosing scope is not copied (going there leaves the
 * split, cancelling the other branches); an edge back to an enclosing split
 * restarts it. Throws {@link CompileError} only for a missing start, a split
 * whose branches meet at different joins, and a split without a join inside
 * another split's branch. Pure.
 */
export function placeNodes(definition: WorkflowDefinition, graph: GraphIndex): Layout {
  const root = newScope('', null, null);
  const joinOf = new Map<string, string | null>();
  const start = definition.nodes.find((node) => node.type === 'start');
  if (!start) throw new CompileError('The definition has no start node.');

  const describeScope = (scope: Scope): string =>
    scope.block
      ? `branch ${scope.block.branch + 1} of parallel split "${scope.block.parallelId}"`
      : 'the top level';

  const placedAbove = (scope: Scope, id: string): boolean => {
    for (let s = scope.parent; s; s = s.parent) if (s.nodeIds.includes(id)) return true;
    return false;
  };

  const collect = (scope: Scope, entries: string[], stops: Set<string>): void => {
    const queue = [...entries];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (stops.has(id) || scope.nodeIds.includes(id) || placedAbove(scope, id)) continue;
      const node = graph.nodes.get(id);
      if (!node) throw new CompileError(`Unknown node "${id}".`, id);
      if (node.type === 'end') {
        if (scope.block && scope.block.joinId === null && !scope.endIds.includes(id)) scope.endIds.push(id);
        continue;
      }
      scope.nodeIds.push(id);
      const outgoing = graph.outgoing.get(id) ?? [];
      if (!isSplitType(node.type)) {
        queue.push(...outgoing.map((edge) => edge.target));
        continue;
      }
      const joinId = findMatchingJoin(graph, id);
      joinOf.set(id, joinId);
      if (joinId === null && scope !== root) {
        throw new CompileError(
          `Parallel split "${id}" has no join but sits inside ${describeScope(scope)}; only top-level splits may end without a join.`,
          id,
        );
      }
      const blockPath = childPath(scope.path, stateKeyOf(id));
      const inner = new Set([...stops, id, ...(joinId === null ? [] : [joinId])]);
      const regions = outgoing.map((edge, branch) => {
        const region = newScope(childPath(blockPath, `b${branch}`), scope, {
          parallelId: id,
          blockPath,
          joinId,
          branch,
        });
        collect(region, [edge.target], inner);
        return region;
      });
      scope.branches.set(id, regions);
      if (joinId !== null) queue.push(joinId);
    }
  };

  collect(root, [start.id], new Set());
  for (const node of definition.nodes) {
    // Every end node has a top-level final state: an end reached inside a
    // joined branch ends the whole instance there.
    if (node.type === 'end') root.endIds.push(node.id);
    else if (!root.nodeIds.includes(node.id) && !placedInAnyScope(root, node.id))
      collect(root, [node.id], new Set());
  }
  return { root, joinOf };
}

function placedInAnyScope(scope: Scope, id: string): boolean {
  if (scope.nodeIds.includes(id)) return true;
  for (const regions of scope.branches.values())
    if (regions.some((region) => placedInAnyScope(region, id))) return true;
  return false;
}

function newScope(path: string, parent: Scope | null, block: Scope['block']): Scope {
  return { path, parent, block, nodeIds: [], endIds: [], branches: new Map() };
}
