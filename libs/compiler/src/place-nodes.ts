import type { WorkflowDefinition } from '@ticketflow/definition';
import { CompileError } from './compile-error.js';
import { findMatchingJoin, type GraphIndex } from './graph-index.js';
import { childPath, stateKeyOf } from './state-keys.js';

/** A region of the state tree: the top level or one branch of a parallel split. */
export interface Scope {
  path: string;
  parent: Scope | null;
  /** For a branch: its split, join (null if none) and index. */
  block: { parallelId: string; joinId: string | null; branch: number } | null;
  /** Non-end nodes placed here, in discovery order. */
  nodeIds: string[];
  /** End nodes that get a final state here. */
  endIds: string[];
  /** Branch scopes of the parallel splits placed here, keyed by split id. */
  branches: Map<string, Scope[]>;
}

export interface Layout {
  root: Scope;
  /** The scope that holds each non-end node. */
  scopeOf: Map<string, Scope>;
  joinOf: Map<string, string | null>;
}

/**
 * Decides where each node lives in the state tree: nodes reachable from a
 * split's branch (up to its join) live in that branch's region; everything
 * else at the top level. Throws {@link CompileError} for graphs a state tree
 * cannot express (a node reached from two branches, a branch looping back to
 * its split, a split without a join inside another split's branch). Pure.
 */
export function placeNodes(definition: WorkflowDefinition, graph: GraphIndex): Layout {
  const root = newScope('', null, null);
  const scopeOf = new Map<string, Scope>();
  const joinOf = new Map<string, string | null>();
  const start = definition.nodes.find((node) => node.type === 'start');
  if (!start) throw new CompileError('The definition has no start node.');

  const describeScope = (scope: Scope): string =>
    scope.block ? `branch ${scope.block.branch + 1} of parallel split "${scope.block.parallelId}"` : 'the top level';

  const collect = (scope: Scope, entries: string[], stops: Set<string>): void => {
    const queue = [...entries];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (stops.has(id)) continue;
      const node = graph.nodes.get(id);
      if (!node) throw new CompileError(`Unknown node "${id}".`, id);
      if (node.type === 'end') {
        const holder = scope.block && scope.block.joinId === null ? scope : root;
        if (!holder.endIds.includes(id)) holder.endIds.push(id);
        continue;
      }
      const owner = scopeOf.get(id);
      if (owner === scope) continue;
      if (owner) {
        throw new CompileError(
          `Node "${id}" is reached from ${describeScope(owner)} and from ${describeScope(scope)}; ` +
            'branches of a parallel split may only meet at its join.',
          id,
        );
      }
      scopeOf.set(id, scope);
      scope.nodeIds.push(id);
      const outgoing = graph.outgoing.get(id) ?? [];
      if (node.type !== 'parallel') {
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
      const regions = outgoing.map((edge, branch) => {
        const region = newScope(childPath(childPath(scope.path, stateKeyOf(id)), `b${branch}`), scope, {
          parallelId: id,
          joinId,
          branch,
        });
        const target = graph.nodes.get(edge.target);
        if (joinId !== null && target?.type === 'end') {
          throw new CompileError(
            `Branch ${branch + 1} of parallel split "${id}" goes straight to end node "${edge.target}"; add a step or route it to the join.`,
            id,
          );
        }
        collect(region, [edge.target], joinId === null ? stops : new Set([...stops, joinId]));
        return region;
      });
      scope.branches.set(id, regions);
      if (joinId !== null) queue.push(joinId);
    }
  };

  collect(root, [start.id], new Set());
  for (const node of definition.nodes) {
    if (node.type === 'end') {
      // Every end node has a top-level final state: ends reached inside a
      // joined branch terminate the whole instance there.
      if (!root.endIds.includes(node.id)) root.endIds.push(node.id);
    } else if (!scopeOf.has(node.id)) {
      collect(root, [node.id], new Set());
    }
  }
  return { root, scopeOf, joinOf };
}

function newScope(path: string, parent: Scope | null, block: Scope['block']): Scope {
  return { path, parent, block, nodeIds: [], endIds: [], branches: new Map() };
}
