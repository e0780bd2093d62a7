import { heatColour, hottest } from './heat-scale';
import type { NodeTimeRow, WaitingRow } from '@ticketflow/contract';

export type HeatMetric = 'p50' | 'p90' | 'waiting';

export interface NodeHeat {
  value: number | null;
  colour: string;
  hot: boolean;
}

/**
 * Per node of one version of one workflow (rows of other versions are left
 * out: a node id may name another step there): the figure the heatmap shows (p50 / p90 time in
 * the node, or tickets waiting there now), its colour on a scale up to the
 * largest value, and whether it is the bottleneck (the largest). Pure.
 */
export function nodeHeat(
  workflowKey: string,
  version: number,
  metric: HeatMetric,
  nodeTimes: readonly NodeTimeRow[],
  waiting: readonly WaitingRow[],
): { heat: Map<string, NodeHeat>; max: number } {
  const values = new Map<string, number | null>();
  if (metric === 'waiting') {
    for (const row of waiting)
      if (row.workflowKey === workflowKey && row.version === version) values.set(row.nodeId, row.tickets);
  } else {
    for (const row of nodeTimes) {
      // Start and end nodes are passed through or never left: no time to show.
      if (
        row.workflowKey !== workflowKey ||
        row.version !== version ||
        row.nodeType === 'start' ||
        row.nodeType === 'end'
      )
        continue;
      values.set(row.nodeId, metric === 'p50' ? row.p50Ms : row.p90Ms);
    }
  }
  const entries = [...values.entries()];
  const max = Math.max(0, ...entries.map(([, v]) => v ?? 0));
  const top = max > 0 ? hottest(entries, ([, v]) => v)?.[0] : undefined;
  const heat = new Map<string, NodeHeat>(
    entries.map(([id, value]) => [id, { value, colour: heatColour(value, max), hot: id === top }]),
  );
  return { heat, max };
}

/** The workflow the heatmap draws: the filtered one, else the one with the most tickets in the node report. Pure. */
export function heatmapWorkflow(
  filterKey: string,
  nodeTimes: readonly NodeTimeRow[],
  fallback: string | undefined,
): string | undefined {
  if (filterKey) return filterKey;
  const tickets = new Map<string, number>();
  for (const row of nodeTimes)
    if (row.nodeType === 'start')
      tickets.set(row.workflowKey, (tickets.get(row.workflowKey) ?? 0) + row.tickets);
  return hottest([...tickets.entries()], ([, n]) => n)?.[0] ?? fallback;
}
