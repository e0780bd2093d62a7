import {
  describeNodeId,
  edgePlace,
  edgeSubject,
  reachableFrom,
  type DefinitionGraph,
} from './definition-graph.js';
import { findParallelBlocks, type ParallelBlock } from './match-parallel-blocks.js';
import { describeNode } from './node-types.js';
import type { ProblemSink } from './problem-sink.js';

/**
 * Branches of the split from which some path reaches the join without ending first.
 * Nested blocks count as one step (split straight to its join), which keeps the walk
 * linear in the block's own nodes.
 */
function branchesReachingJoin(
  graph: DefinitionGraph,
  block: ParallelBlock,
  joinId: string,
  innerJoins: Map<string, string>,
): number {
  const next = (id: string): string[] => {
    if (id === block.splitId || id === joinId || graph.nodeById.get(id)?.type === 'end') return [];
    const inner = innerJoins.get(id);
    if (inner !== undefined) return [inner];
    return (graph.outgoing.get(id) ?? []).map((edge) => edge.target);
  };
  return (graph.outgoing.get(block.splitId) ?? []).filter((edge) =>
    reachableFrom([edge.target], next).has(joinId),
  ).length;
}

function checkBlock(
  sink: ProblemSink,
  graph: DefinitionGraph,
  block: ParallelBlock,
  joinId: string,
  innerJoins: Map<string, string>,
): void {
  const splitNode = graph.nodeById.get(block.splitId);
  const split = describeNodeId(graph, block.splitId);
  const join = graph.nodeById.get(joinId);
  if (join?.type !== 'join') return;
  for (const edge of graph.incoming.get(joinId) ?? []) {
    if (edge.source !== block.splitId && !block.memberIds.has(edge.source)) {
      sink.add(
        'join-without-parallel',
        `${edgeSubject(graph, edge)} enters ${describeNode(join)} from outside the branches of ${split}; a join only collects the branches of its split.`,
        edgePlace(edge),
      );
    }
  }
  // After the join the branches are over: nothing there may lead back into a branch.
  const after = reachableFrom(
    (graph.outgoing.get(joinId) ?? []).map((edge) => edge.target),
    (id) => (id === block.splitId ? [] : (graph.outgoing.get(id) ?? []).map((edge) => edge.target)),
  );
  for (const member of block.memberIds) {
    if (after.has(member) && graph.nodeById.get(member)?.type !== 'end') {
      sink.add(
        'unmatched-parallel',
        `${describeNodeId(graph, member)} is on a branch of ${split} but is also reached after ${describeNode(join)} without passing the join; route every branch through the join.`,
        { nodeId: member },
      );
      break;
    }
  }
  const branches = (graph.outgoing.get(block.splitId) ?? []).length;
  const count = join.require?.count;
  if (splitNode?.type === 'inclusive' && join.require !== undefined) {
    sink.add(
      'invalid-join',
      `${describeNode(join)} closes the inclusive split ${split}, so it waits for exactly the branches taken; remove "require".`,
      { nodeId: joinId, field: 'require' },
    );
    return;
  }
  if (typeof count === 'number' && count > branches) {
    sink.add(
      'join-count-too-high',
      `${describeNode(join)} waits for ${count} branches, but ${split} starts only ${branches}; lower "require.count" to at most ${branches}.`,
      { nodeId: joinId, field: 'require.count', params: { count, available: branches } },
    );
    return;
  }
  const reaching = branchesReachingJoin(graph, block, joinId, innerJoins);
  const needed = splitNode?.type === 'inclusive' ? branches : (count ?? branches);
  if (reaching < needed) {
    sink.add(
      'join-never-fires',
      `${describeNode(join)} waits for ${splitNode?.type === 'inclusive' ? 'every branch taken' : `${needed} of ${branches} branches`}, but only ${reaching} of the branches of ${split} can reach it; the others always end first, which ends the whole ticket. Route them to the join, or remove the join so that the branches end separately.`,
      { nodeId: joinId },
    );
  }
}

/**
 * Checks block structure: each split's branches meet at one join or, for a split at the
 * top level, end separately (implicit termination: the ticket ends when its last branch
 * does); that join belongs to no other split, only the split's branches enter it, nothing
 * after the join leads back into a branch, `require.count` does not exceed the number of
 * branches, and enough branches can reach the join for it to fire. Joins that close no
 * split are errors. Pure apart from `sink`.
 */
export function checkParallel(sink: ProblemSink, graph: DefinitionGraph): void {
  const blocks = findParallelBlocks(graph);
  const splitsByJoin = new Map<string, string[]>();
  const nested = new Set<string>();
  for (const block of blocks) for (const member of block.memberIds) nested.add(member);
  for (const block of blocks) {
    const split = graph.nodeById.get(block.splitId);
    if (split === undefined || (graph.outgoing.get(block.splitId) ?? []).length === 0) continue;
    if (block.joinIds.length === 0 && nested.has(block.splitId)) {
      sink.add(
        'unmatched-parallel',
        `The branches of ${describeNode(split)} never meet at a join, but it lies on a branch of another split; only a split outside every other split may let its branches end separately. Add a join where they come together.`,
        { nodeId: block.splitId },
      );
    } else if (block.joinIds.length > 1) {
      const joins = block.joinIds.map((id) => describeNodeId(graph, id)).join(', ');
      sink.add(
        'unmatched-parallel',
        `The branches of ${describeNode(split)} end at different joins (${joins}); bring them together at one join.`,
        { nodeId: block.splitId },
      );
    }
    for (const joinId of block.joinIds)
      splitsByJoin.set(joinId, [...(splitsByJoin.get(joinId) ?? []), block.splitId]);
  }
  for (const node of graph.nodes) {
    if (node.type !== 'join') continue;
    const splits = splitsByJoin.get(node.id) ?? [];
    if (splits.length === 0) {
      sink.add(
        'join-without-parallel',
        `${describeNode(node)} does not close any parallel split; remove it or put a parallel split before its branches.`,
        { nodeId: node.id },
      );
      const incoming = (graph.incoming.get(node.id) ?? []).length;
      const count = node.require?.count;
      if (typeof count === 'number' && count > incoming) {
        sink.add(
          'join-count-too-high',
          `${describeNode(node)} waits for ${count} branches, but only ${incoming} edges lead into it.`,
          { nodeId: node.id, field: 'require.count', params: { count, available: incoming } },
        );
      }
    } else if (splits.length > 1) {
      const names = splits.map((id) => describeNodeId(graph, id)).join(', ');
      sink.add(
        'unmatched-parallel',
        `${describeNode(node)} closes several parallel splits (${names}); give each split its own join.`,
        { nodeId: node.id },
      );
    }
  }
  const innerJoins = new Map<string, string>();
  for (const block of blocks) {
    const [joinId] = block.joinIds;
    if (block.joinIds.length === 1 && joinId !== undefined) innerJoins.set(block.splitId, joinId);
  }
  for (const block of blocks) {
    const [joinId] = block.joinIds;
    if (block.joinIds.length === 1 && joinId !== undefined && splitsByJoin.get(joinId)?.length === 1)
      checkBlock(sink, graph, block, joinId, innerJoins);
  }
}
