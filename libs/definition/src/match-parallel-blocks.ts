import { buildDefinitionGraph, type DefinitionGraph } from './definition-graph.js';
import { isSplitType } from './node-types.js';

/** What the branches of one parallel split reach. */
export interface ParallelBlock {
  splitId: string;
  /** The joins the branches meet at; a well-formed block has exactly one. */
  joinIds: string[];
  /** Nodes on the branches between the split and its join, nested blocks included. */
  memberIds: Set<string>;
}

function targetsOf(graph: DefinitionGraph, id: string): string[] {
  return (graph.outgoing.get(id) ?? []).map((edge) => edge.target);
}

function analyseSplit(
  graph: DefinitionGraph,
  splitId: string,
  memo: Map<string, ParallelBlock>,
  open: Set<string>,
): ParallelBlock {
  const known = memo.get(splitId);
  if (known !== undefined) return known;
  open.add(splitId);
  const joins = new Set<string>();
  const members = new Set<string>();
  const visited = new Set<string>();
  const stack = targetsOf(graph, splitId);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (visited.has(id) || id === splitId) continue;
    visited.add(id);
    const type = graph.nodeById.get(id)?.type;
    if (type === 'join') {
      joins.add(id);
      continue;
    }
    members.add(id);
    if (type === 'end') continue;
    if (isSplitType(type)) {
      if (open.has(id)) continue;
      const inner = analyseSplit(graph, id, memo, open);
      const [innerJoin] = inner.joinIds;
      if (inner.joinIds.length !== 1 || innerJoin === undefined) continue;
      for (const member of inner.memberIds) members.add(member);
      members.add(innerJoin);
      visited.add(innerJoin);
      stack.push(...targetsOf(graph, innerJoin));
      continue;
    }
    stack.push(...targetsOf(graph, id));
  }
  open.delete(splitId);
  const block: ParallelBlock = { splitId, joinIds: [...joins], memberIds: members };
  memo.set(splitId, block);
  return block;
}

/**
 * Finds, for every parallel or inclusive split in the graph, the joins its branches reach first, treating
 * nested split/join blocks as single steps and stopping at end nodes (reaching an end inside
 * a branch ends the whole ticket). Pure.
 */
export function findParallelBlocks(graph: DefinitionGraph): ParallelBlock[] {
  const memo = new Map<string, ParallelBlock>();
  return graph.nodes
    .filter((node) => isSplitType(node.type))
    .map((node) => analyseSplit(graph, node.id, memo, new Set()));
}

/**
 * Matches each parallel split to the join where all its branches meet: a Map from split id
 * to join id. Splits whose branches meet at no join or at several, and joins shared by
 * several splits, are left out (validation reports them). Accepts any input, valid or not;
 * the compiler uses it on valid definitions to build parallel states. Pure.
 */
export function matchParallelBlocks(definition: unknown): Map<string, string> {
  const blocks = findParallelBlocks(buildDefinitionGraph(definition));
  const uses = new Map<string, number>();
  for (const block of blocks) {
    for (const joinId of block.joinIds) uses.set(joinId, (uses.get(joinId) ?? 0) + 1);
  }
  const matches = new Map<string, string>();
  for (const block of blocks) {
    const [joinId] = block.joinIds;
    if (block.joinIds.length === 1 && joinId !== undefined && uses.get(joinId) === 1)
      matches.set(block.splitId, joinId);
  }
  return matches;
}
