import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useAuthStore } from '../auth/auth.store';
import { ReportsPage } from './ReportsPage';
import { HEAT_COLOURS } from './heat-scale';

const HOUR = 3_600_000;
const definition = {
  schemaVersion: 1,
  key: 'refund-approval',
  name: 'Refund approval',
  fields: [],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 } },
    {
      id: 'review',
      type: 'task',
      name: 'Agent review',
      assignee: { role: 'agent' },
      position: { x: 200, y: 0 },
    },
    {
      id: 'finance',
      type: 'approval',
      name: 'Finance approval',
      approvers: { role: 'finance' },
      policy: { type: 'any' },
      position: { x: 400, y: 0 },
    },
    { id: 'done', type: 'end', outcome: 'resolved', position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'review' },
    { id: 'e2', source: 'review', target: 'finance', on: 'completed' },
    { id: 'e3', source: 'finance', target: 'done', on: 'approved' },
  ],
};
const node = (nodeId: string, nodeName: string, nodeType: string, p50Ms: number | null, tickets = 3) => ({
  workflowKey: 'refund-approval',
  version: 1,
  nodeId,
  nodeName,
  nodeType,
  visits: 3,
  tickets,
  p50Ms,
  p90Ms: p50Ms,
  avgMs: p50Ms,
  maxMs: p50Ms,
  inProgress: 0,
  reworkTickets: 0,
  maxVisits: 1,
});
const ANSWERS: Record<string, unknown> = {
  '/api/reports/options': {
    workflows: [{ key: 'refund-approval', name: 'Refund approval', versions: [1] }],
    channels: ['web'],
    priorities: ['high'],
    groups: [{ name: 'finance', label: 'Finance' }],
  },
  '/api/reports/summary': {
    created: 12,
    completed: 9,
    cancelled: 1,
    open: 2,
    incidents: 0,
    resolutionRate: 0.75,
    cycleTimeP50Ms: 5 * HOUR,
    cycleTimeP90Ms: 30 * HOUR,
    cycleTimeAvgMs: 8 * HOUR,
    reworkTickets: 2,
  },
  '/api/reports/trend': [{ day: '2026-03-01', created: 2, completed: 1, cancelled: 0 }],
  '/api/reports/cycle-time': [{ bucket: '<1h', fromMs: 0, toMs: HOUR, tickets: 3 }],
  '/api/reports/node-times': [
    node('start', 'start', 'start', 0),
    node('review', 'Agent review', 'task', HOUR),
    node('finance', 'Finance approval', 'approval', 10 * HOUR),
  ],
  '/api/reports/sla': [
    {
      scope: 'step',
      workflowKey: 'refund-approval',
      version: 1,
      key: 'finance',
      name: 'Finance approval',
      total: 4,
      met: 3,
      breached: 1,
      breachedOpen: 0,
      pending: 0,
      compliance: 0.75,
    },
  ],
  '/api/reports/approvals': [],
  '/api/reports/waiting': [
    {
      workflowKey: 'refund-approval',
      version: 1,
      nodeId: 'finance',
      nodeName: 'Finance approval',
      nodeType: 'approval',
      tickets: 2,
      openTasks: 2,
      unassigned: 2,
      overdue: 1,
      oldestSince: null,
      p50WaitingMs: HOUR,
    },
  ],
  '/api/reports/workload': [],
  '/api/reports/satisfaction': [
    {
      dimension: 'all',
      key: '',
      label: '',
      asked: 4,
      answered: 3,
      responseRate: 0.75,
      avgRating: 4.33,
      rating1: 0,
      rating2: 0,
      rating3: 0,
      rating4: 2,
      rating5: 1,
    },
    {
      dimension: 'workflow',
      key: 'refund-approval',
      label: 'refund-approval',
      asked: 4,
      answered: 3,
      responseRate: 0.75,
      avgRating: 4.33,
      rating1: 0,
      rating2: 0,
      rating3: 0,
      rating4: 2,
      rating5: 1,
    },
  ],
  '/api/reports/team': [],
  '/api/workflows/refund-approval/versions/1': { key: 'refund-approval', version: 1, definition },
};

function stubApi(calls: string[] = []) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      const body = ANSWERS[url.split('?')[0] ?? ''];
      return new Response(JSON.stringify(body ?? { code: 'not-found' }), {
        status: body === undefined ? 404 : 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
}

describe('ReportsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useAuthStore.getState().logout();
  });

  it('shows a manager the headline figures, the tables and the heatmap with the bottleneck hottest', async () => {
    useAuthStore.setState({ token: 'tok', user: { id: 'm', username: 'manager', roles: ['manager'] } });
    const calls: string[] = [];
    stubApi(calls);
    render(<ReportsPage />);
    await waitFor(() => expect(screen.getByTestId('kpi-created').textContent).toContain('12'));
    expect(screen.getByTestId('kpi-resolution').textContent).toContain('75%');
    expect(screen.getByTestId('kpi-cycle').textContent).toContain('5h');
    expect(screen.getByTestId('kpi-sla').textContent).toContain('75%');
    expect(calls.some((url) => url.startsWith('/api/reports/summary?from='))).toBe(true);

    const heat = await screen.findByTestId('heat-finance');
    expect(heat.dataset.heat).toBe(HEAT_COLOURS[HEAT_COLOURS.length - 1]);
    expect(heat.className).toContain('is-hot');
    expect(screen.getByTestId('heat-review').textContent).toContain('1h');
    fireEvent.click(screen.getByTestId('heat-metric-waiting'));
    await waitFor(() => expect(screen.getByTestId('heat-finance').textContent).toContain('2'));
    expect(screen.getByTestId('heat-legend').textContent).toContain('Tickets waiting now');

    const table = screen.getByTestId('table-node-times');
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent ?? '');
    expect(names()[0]).toContain('Finance approval');
    fireEvent.click(screen.getByTestId('table-node-times-sort-p50'));
    expect(names()[0]).toContain('start');
    expect(screen.getByTestId('table-approvals-empty')).toBeTruthy();
  });

  it('shows a process owner only the flow reports', async () => {
    useAuthStore.setState({ token: 'tok', user: { id: 'o', username: 'owner', roles: ['designer'] } });
    const calls: string[] = [];
    stubApi(calls);
    render(<ReportsPage />);
    expect(await screen.findByTestId('reports-limited')).toBeTruthy();
    await screen.findByTestId('table-node-times');
    expect(screen.queryByTestId('report-kpis')).toBeNull();
    expect(calls.some((url) => url.includes('/summary'))).toBe(false);
  });

  it('reloads with the chosen filters', async () => {
    useAuthStore.setState({ token: 'tok', user: { id: 'm', username: 'manager', roles: ['manager'] } });
    const calls: string[] = [];
    stubApi(calls);
    render(<ReportsPage />);
    await screen.findByText('Refund approval', { selector: 'option' });
    fireEvent.change(screen.getByTestId('filter-workflow'), { target: { value: 'refund-approval' } });
    fireEvent.change(screen.getByTestId('filter-priority'), { target: { value: 'high' } });
    await waitFor(() =>
      expect(
        calls.some(
          (url) =>
            url.startsWith('/api/reports/sla?workflowKey=refund-approval') && url.includes('priority=high'),
        ),
      ).toBe(true),
    );
  });
});
