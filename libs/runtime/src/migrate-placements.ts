import type { CompiledWorkflow, Placement } from '@ticketflow/compiler';

/** Why a placement cannot move to the target version. */
export class MigrationRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly nodeId?: string,
  ) {
    super(message);
    this.name = 'MigrationRefused';
  }
}

const label = (compiled: CompiledWorkflow, nodeId: string) => `“${compiled.nodes[nodeId]?.name || nodeId}”`;

/**
 * Finds, for each placement an instance rests in, the placement of the mapped
 * node in the target version: same node type, same parallel block (mapped
 * split with the same number of branches and the same join), same branch when
 * the node has a copy per branch. Throws {@link MigrationRefused} with a
 * reason a person can act on. Mutates only its memo.
 */
export class PlacementMapper {
  private readonly blocks = new Map<string, string>();

  constructor(
    private readonly from: CompiledWorkflow,
    private readonly to: CompiledWorkflow,
    private readonly mapping: Readonly<Record<string, string>>,
  ) {}

  targetId(nodeId: string): string {
    return this.mapping[nodeId] ?? nodeId;
  }

  /** The target placement of a leaf the instance rests in (a waiting node or a branch arrived at its join). */
  resolve(placement: Placement): Placement {
    if (placement.kind === 'arrival' || placement.kind === 'skipped') return this.resolveArrival(placement);
    if (placement.kind !== 'node') {
      throw new MigrationRefused(
        'not-waiting',
        'The instance is not waiting at a step (it has ended or was cancelled).',
      );
    }
    return this.resolveNode(placement);
  }

  /** The target block path for a source block path (a split and its join). */
  resolveBlock(blockPath: string): string {
    const known = this.blocks.get(blockPath);
    if (known !== undefined) return known;
    const block = this.from.blocks[blockPath];
    const split = this.from.placements[blockPath];
    if (!block || !split)
      throw new MigrationRefused(
        'invalid-snapshot',
        `The snapshot names a parallel block "${blockPath}" this version does not have.`,
      );
    const target = this.resolveNode(split);
    const targetBlock = this.to.blocks[target.path];
    if (!targetBlock)
      throw new MigrationRefused(
        'split-changed',
        `The parallel split ${label(this.from, block.parallelId)} is no longer a split in the target version.`,
        block.parallelId,
      );
    if (targetBlock.kind !== block.kind) {
      throw new MigrationRefused(
        'split-changed',
        `It waits inside the ${block.kind} split ${label(this.from, block.parallelId)}, which is ${targetBlock.kind} in the target version; finish the split first.`,
        block.parallelId,
      );
    }
    if (targetBlock.branches !== block.branches) {
      throw new MigrationRefused(
        'branches-changed',
        `It waits inside the parallel split ${label(this.from, block.parallelId)}, whose branches changed (${block.branches} → ${targetBlock.branches}); finish the split first.`,
        block.parallelId,
      );
    }
    const joinId = block.joinId === null ? null : this.targetId(block.joinId);
    if (targetBlock.joinId !== joinId || targetBlock.required !== block.required) {
      const joinName = block.joinId === null ? 'none' : label(this.from, block.joinId);
      throw new MigrationRefused(
        'join-changed',
        `It waits inside a parallel branch whose join changed (${joinName}, ${block.required} of ${block.branches} required → ` +
          `${targetBlock.joinId === null ? 'none' : label(this.to, targetBlock.joinId)}, ${targetBlock.required} of ${targetBlock.branches}); finish the split first.`,
        block.joinId ?? block.parallelId,
      );
    }
    this.blocks.set(blockPath, target.path);
    return target.path;
  }

  private resolveNode(placement: Placement): Placement {
    const sourceId = placement.nodeId;
    const targetId = this.targetId(sourceId);
    const source = this.from.nodes[sourceId];
    const target = this.to.nodes[targetId];
    if (!target) {
      throw new MigrationRefused(
        'node-missing',
        targetId === sourceId
          ? `Its step ${label(this.from, sourceId)} no longer exists in the target version; map it to another step.`
          : `Its step ${label(this.from, sourceId)} is mapped to "${targetId}", which the target version does not have.`,
        sourceId,
      );
    }
    if (source && source.type !== target.type) {
      throw new MigrationRefused(
        'node-type-changed',
        `Its step ${label(this.from, sourceId)} is a ${source.type}, but the target step ${label(this.to, targetId)} is a ${target.type}.`,
        sourceId,
      );
    }
    const blockPath = placement.blockPath === undefined ? undefined : this.resolveBlock(placement.blockPath);
    const candidates = Object.values(this.to.placements).filter(
      (c) => c.kind === 'node' && c.nodeId === targetId && c.blockPath === blockPath,
    );
    const chosen =
      candidates.find((c) => c.branch === placement.branch) ??
      (candidates.length === 1 ? candidates[0] : undefined);
    if (chosen) return chosen;
    if (candidates.length > 1) {
      throw new MigrationRefused(
        'ambiguous-target',
        `The target step ${label(this.to, targetId)} exists in several branches; none matches the ticket's branch.`,
        sourceId,
      );
    }
    throw new MigrationRefused(
      blockPath === undefined ? 'moved-into-branch' : 'moved-out-of-branch',
      blockPath === undefined
        ? `The target step ${label(this.to, targetId)} lies inside a parallel branch; a ticket cannot be moved into the middle of a split.`
        : `The target step ${label(this.to, targetId)} is not inside the same parallel branch as ${label(this.from, sourceId)}.`,
      sourceId,
    );
  }

  private resolveArrival(placement: Placement): Placement {
    const blockPath = this.resolveBlock(placement.blockPath as string);
    const arrival = Object.values(this.to.placements).find(
      (c) => c.kind === placement.kind && c.blockPath === blockPath && c.branch === placement.branch,
    );
    if (!arrival && placement.kind === 'skipped')
      throw new MigrationRefused(
        'split-changed',
        `An inclusive split skipped a branch, and the split ${label(this.from, placement.nodeId)} is no longer inclusive in the target version.`,
        placement.nodeId,
      );
    if (!arrival)
      throw new MigrationRefused(
        'join-changed',
        `The branch that reached the join ${label(this.from, placement.nodeId)} has no place in the target version.`,
        placement.nodeId,
      );
    return arrival;
  }
}

/**
 * Builds an XState state value from leaf state paths (`split/b0/t1`,
 * `split/b1/~joined` → `{ split: { b0: 't1', b1: '~joined' } }`). Throws
 * {@link MigrationRefused} when two leaves land in one region. Pure.
 */
export function stateValueOf(paths: readonly string[]): unknown {
  const LEAF = Symbol('leaf');
  type Tree = { [key: string]: Tree | typeof LEAF };
  const root: Tree = {};
  for (const path of paths) {
    const parts = path.split('/');
    let node: Tree = root;
    for (const part of parts.slice(0, -1)) {
      const next: Tree | typeof LEAF = (node[part] ??= {});
      if (next === LEAF)
        throw new MigrationRefused(
          'branches-collide',
          'Two of its steps would land in the same place of the target version.',
        );
      node = next;
    }
    const last = parts[parts.length - 1] as string;
    if (node[last] !== undefined || Object.keys(node).length > 0) {
      throw new MigrationRefused(
        'branches-collide',
        'Two of its steps would land in the same branch of the target version.',
      );
    }
    node[last] = LEAF;
  }
  const convert = (tree: Tree): unknown => {
    const entries = Object.entries(tree);
    if (entries.length === 1 && entries[0]?.[1] === LEAF) return entries[0][0];
    return Object.fromEntries(entries.map(([key, child]) => [key, convert(child as Tree)]));
  };
  return convert(root);
}
