import type { CompiledWorkflow, Placement } from '@ticketflow/compiler';
import { isSplitType } from '@ticketflow/definition';

/**
 * Every state path active in an XState state value (compound and parallel
 * states included), e.g. `{ split: { b0: 'legal' } }` → `split`, `split/b0`,
 * `split/b0/legal`. Pure.
 */
export function activePaths(value: unknown, prefix = ''): string[] {
  const join = (key: string) => (prefix === '' ? key : `${prefix}/${key}`);
  if (typeof value === 'string') return [join(value)];
  if (value === null || typeof value !== 'object') return [];
  const paths: string[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    paths.push(join(key), ...activePaths(child, join(key)));
  }
  return paths;
}

/** The placements active in a state value, in document order. Pure. */
export function activePlacements(compiled: CompiledWorkflow, value: unknown): Placement[] {
  return activePaths(value)
    .map((path) => compiled.placements[path])
    .filter((placement): placement is Placement => placement !== undefined)
    .sort((a, b) => a.order - b.order);
}

/** The leaf placements (where the instance actually is), in document order. Pure. */
export function leafPlacements(compiled: CompiledWorkflow, value: unknown): Placement[] {
  return activePlacements(compiled, value).filter(
    (placement) => placement.kind !== 'node' || !isSplitType(compiled.nodes[placement.nodeId]?.type),
  );
}

/**
 * Node ids shown as "where the instance is": waiting nodes, plus the join for
 * branches that already arrived there (ended branches are left out). Pure.
 */
export function activeNodeIds(compiled: CompiledWorkflow, value: unknown): string[] {
  const ids: string[] = [];
  for (const placement of leafPlacements(compiled, value)) {
    if (placement.kind !== 'node' && placement.kind !== 'arrival') continue;
    // A branch that reached its own end waits for nothing.
    if (placement.kind === 'node' && compiled.nodes[placement.nodeId]?.type === 'end') continue;
    if (!ids.includes(placement.nodeId)) ids.push(placement.nodeId);
  }
  return ids;
}
