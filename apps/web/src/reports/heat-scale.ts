/** Colours from cool to hot: where the most time goes (or the most tickets wait) is red. */
export const HEAT_COLOURS = ['#dcfce7', '#d9f99d', '#fef08a', '#fed7aa', '#fdba74', '#fca5a5'] as const;
export const NO_DATA_COLOUR = '#eef1f5';

/**
 * The colour of a value on a 0..max scale (six steps, linear); no data or a
 * zero maximum gives the neutral colour. Pure.
 */
export function heatColour(value: number | null | undefined, max: number): string {
  if (value === null || value === undefined || max <= 0) return NO_DATA_COLOUR;
  const share = Math.min(1, Math.max(0, value / max));
  return (
    HEAT_COLOURS[Math.min(HEAT_COLOURS.length - 1, Math.floor(share * HEAT_COLOURS.length))] ?? NO_DATA_COLOUR
  );
}

/** Legend stops: each colour with the lower bound of its band. Pure. */
export function heatLegend(max: number): { colour: string; from: number }[] {
  return HEAT_COLOURS.map((colour, index) => ({ colour, from: (max * index) / HEAT_COLOURS.length }));
}

/** The node with the highest value (the bottleneck), or undefined when none has one. Pure. */
export function hottest<T>(items: readonly T[], value: (item: T) => number | null): T | undefined {
  let best: T | undefined;
  let bestValue = -Infinity;
  for (const item of items) {
    const v = value(item);
    if (v !== null && v > bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}
