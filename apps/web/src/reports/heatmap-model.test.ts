import { describe, expect, it } from 'vitest';
import { nodeHeat } from './heatmap-model';
import type { NodeTimeRow, WaitingRow } from '@ticketflow/contract';

const HOUR = 3_600_000;
const times = (version: number, nodeName: string, p50Ms: number): NodeTimeRow => ({
  workflowKey: 'leave',
  version,
  nodeId: 'approve',
  nodeName,
  nodeType: 'approval',
  visits: 1,
  tickets: 1,
  p50Ms,
  p90Ms: p50Ms,
  avgMs: p50Ms,
  maxMs: p50Ms,
  inProgress: 0,
  reworkTickets: 0,
  maxVisits: 1,
});
const waiting = (version: number, tickets: number): WaitingRow => ({
  workflowKey: 'leave',
  version,
  nodeId: 'approve',
  nodeName: '',
  nodeType: 'approval',
  tickets,
  openTasks: tickets,
  unassigned: 0,
  overdue: 0,
  oldestSince: null,
  p50WaitingMs: null,
});

describe('heatmap figures by version', () => {
  it('shows on the v2 diagram only the figures of v2, although v1 used the same node id', () => {
    const rows = [times(1, 'Manager approval', 10 * HOUR), times(2, 'Team lead approval', HOUR)];
    expect(nodeHeat('leave', 2, 'p50', rows, []).heat.get('approve')?.value).toBe(HOUR);
    expect(nodeHeat('leave', 1, 'p50', rows, []).heat.get('approve')?.value).toBe(10 * HOUR);
  });

  it('counts the tickets waiting in the version drawn', () => {
    expect(
      nodeHeat('leave', 2, 'waiting', [], [waiting(1, 1), waiting(2, 2)]).heat.get('approve')?.value,
    ).toBe(2);
  });
});
