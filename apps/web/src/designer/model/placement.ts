import type { Position, WorkflowDefinition } from '@ticketflow/definition';
import { defaultNodeSize, type Size } from '../layout/elk-layout';

const GAP = 24;

/**
 * The first place at or below `wanted` where a node of `size` overlaps no node
 * of the definition (with a margin), stepping down a row at a time. Pure.
 */
export function freeSpot(
  definition: WorkflowDefinition,
  wanted: Position,
  size: Size,
  sizes: ReadonlyMap<string, Size> = new Map(),
): Position {
  const boxes = definition.nodes
    .filter((n) => n.position)
    .map((n) => ({ ...n.position!, ...(sizes.get(n.id) ?? defaultNodeSize(n)) }));
  const at = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let tries = 0; tries < 200; tries += 1) {
    const clash = boxes.find(
      (b) =>
        at.x < b.x + b.width + GAP &&
        b.x < at.x + size.width + GAP &&
        at.y < b.y + b.height + GAP &&
        b.y < at.y + size.height + GAP,
    );
    if (!clash) return at;
    at.y = clash.y + clash.height + GAP;
  }
  return at;
}

/** Where a node appended after `source` goes: one column to the right, its middle level with the exit. Pure. */
export function besideSource(
  sourcePosition: Position,
  sourceSize: Size,
  exitY: number,
  size: Size,
): Position {
  return { x: sourcePosition.x + sourceSize.width + 96, y: sourcePosition.y + exitY - size.height / 2 };
}
