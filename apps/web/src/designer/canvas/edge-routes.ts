import { createContext, useContext } from 'react';
import type { Position } from '@ticketflow/definition';
import type { EdgeRoute } from '../layout/elk-layout';

/** What a canvas provides to its edges: ELK's routes, and what a click on a label does. */
export interface EdgeRouting {
  routes: ReadonlyMap<string, EdgeRoute>;
  onLabelClick?: (edgeId: string) => void;
}

export const EdgeRoutingContext = createContext<EdgeRouting>({ routes: new Map() });

export const useEdgeRouting = () => useContext(EdgeRoutingContext);

/** How far (px) a route's ends may be from the handles React Flow reports and still be used. */
const SLACK_ALONG = 14;
const SLACK_ACROSS = 2.5;

/**
 * The route's points with its ends moved onto the handles React Flow drew, or
 * null when a node has moved since the layout (the route no longer fits and the
 * edge falls back to a simple step path). Pure.
 */
export function fitRoute(route: EdgeRoute, source: Position, target: Position): Position[] | null {
  const first = route.points[0];
  const last = route.points[route.points.length - 1];
  if (!first || !last || route.points.length < 2) return null;
  const near = (a: Position, b: Position) =>
    Math.abs(a.x - b.x) <= SLACK_ALONG && Math.abs(a.y - b.y) <= SLACK_ACROSS;
  if (!near(first, source) || !near(last, target)) return null;
  const points = route.points.map((p) => ({ ...p }));
  points[0] = { ...source };
  points[points.length - 1] = { ...target };
  // Keep the first and last legs horizontal after moving the ends by a pixel or two.
  if (points.length > 2) {
    if (Math.abs(points[1]!.y - first.y) < 0.5) points[1]!.y = source.y;
    const before = points[points.length - 2]!;
    if (Math.abs(before.y - last.y) < 0.5) before.y = target.y;
  }
  return points;
}

/** An SVG path through orthogonal points with the corners rounded by up to `radius`. Pure. */
export function roundedPath(points: readonly Position[], radius = 8): string {
  if (points.length === 0) return '';
  let d = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i += 1) {
    const prev = points[i - 1]!;
    const at = points[i]!;
    const next = points[i + 1]!;
    const r = Math.min(radius, distance(prev, at) / 2, distance(at, next) / 2);
    const from = towards(at, prev, r);
    const to = towards(at, next, r);
    d += ` L ${from.x} ${from.y} Q ${at.x} ${at.y} ${to.x} ${to.y}`;
  }
  const end = points[points.length - 1]!;
  return `${d} L ${end.x} ${end.y}`;
}

const distance = (a: Position, b: Position) => Math.hypot(a.x - b.x, a.y - b.y);

function towards(from: Position, to: Position, length: number): Position {
  const d = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
}

/** The middle of a polyline, measured along it (where a label goes when ELK placed none). Pure. */
export function midpointOf(points: readonly Position[]): Position {
  const lengths = points.slice(1).map((p, i) => distance(points[i]!, p));
  let half = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i += 1) {
    if (half <= lengths[i]!) return towards(points[i]!, points[i + 1]!, half);
    half -= lengths[i]!;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}
