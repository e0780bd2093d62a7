import type { WorkflowDefinition } from '@ticketflow/definition';
import { api } from '../http/api-client';
import { ApiError } from '../http/api-error';
import { useAuthStore } from '../auth/auth.store';
import { toQueryString, type ReportFilterState } from './report-filters';

/** Answers of GET /api/reports/* (see apps/api/src/reports). Durations are milliseconds. */
export interface SummaryReport {
  created: number;
  completed: number;
  cancelled: number;
  open: number;
  incidents: number;
  resolutionRate: number | null;
  cycleTimeP50Ms: number | null;
  cycleTimeP90Ms: number | null;
  cycleTimeAvgMs: number | null;
  reworkTickets: number;
}
export interface TrendRow {
  day: string;
  created: number;
  completed: number;
  cancelled: number;
}
export interface CycleTimeRow {
  bucket: string;
  fromMs: number;
  toMs: number | null;
  tickets: number;
}
export interface NodeTimeRow {
  workflowKey: string;
  version: number;
  nodeId: string;
  nodeName: string;
  nodeType: string;
  visits: number;
  tickets: number;
  p50Ms: number | null;
  p90Ms: number | null;
  avgMs: number | null;
  maxMs: number | null;
  inProgress: number;
  reworkTickets: number;
  maxVisits: number;
}
export interface SlaRow {
  scope: 'step' | 'ticket';
  workflowKey: string;
  version: number | null;
  key: string;
  name: string;
  total: number;
  met: number;
  breached: number;
  breachedOpen: number;
  pending: number;
  compliance: number | null;
}
export interface ApprovalRow {
  group: string;
  approver: string | null;
  approverName: string | null;
  votes: number;
  approved: number;
  rejected: number;
  p50Ms: number | null;
  p90Ms: number | null;
  avgMs: number | null;
}
export interface WaitingRow {
  workflowKey: string;
  version: number;
  nodeId: string;
  nodeName: string;
  nodeType: string;
  tickets: number;
  openTasks: number;
  unassigned: number;
  overdue: number;
  oldestSince: string | null;
  p50WaitingMs: number | null;
}
export interface WorkloadRow {
  username: string;
  displayName: string;
  roles: string[];
  assigned: number;
  overdue: number;
  oldestSince: string | null;
  pool: number;
}
/** Satisfaction surveys for one value of one dimension (`all` is the total; issue 21). */
export interface SatisfactionRow {
  dimension: 'all' | 'workflow' | 'agent' | 'channel' | 'period';
  key: string;
  label: string;
  asked: number;
  answered: number;
  responseRate: number | null;
  avgRating: number | null;
  rating1: number;
  rating2: number;
  rating3: number;
  rating4: number;
  rating5: number;
}
/** One agent's or group's performance over the steps completed in the range (issue 21). */
export interface TeamRow {
  scope: 'agent' | 'group';
  key: string;
  name: string;
  ticketsHandled: number;
  stepsCompleted: number;
  medianHandlingMs: number | null;
  slaSteps: number;
  slaMet: number;
  slaCompliance: number | null;
  reopenedSteps: number;
  reopenRate: number | null;
  ratings: number;
  avgRating: number | null;
}
export interface ReportOptions {
  workflows: { key: string; name: string; versions: number[] }[];
  channels: string[];
  priorities: string[];
  groups: { name: string; label: string }[];
}

export type ReportName =
  | 'summary'
  | 'trend'
  | 'cycle-time'
  | 'node-times'
  | 'sla'
  | 'approvals'
  | 'waiting'
  | 'workload'
  | 'satisfaction'
  | 'team';

/** Typed report calls; each performs one HTTP request. */
export const reportsApi = {
  options: () => api.get<ReportOptions>('/reports/options'),
  summary: (f: ReportFilterState) => api.get<SummaryReport>(`/reports/summary${toQueryString(f)}`),
  trend: (f: ReportFilterState) => api.get<TrendRow[]>(`/reports/trend${toQueryString(f)}`),
  cycleTime: (f: ReportFilterState) => api.get<CycleTimeRow[]>(`/reports/cycle-time${toQueryString(f)}`),
  nodeTimes: (f: ReportFilterState) => api.get<NodeTimeRow[]>(`/reports/node-times${toQueryString(f)}`),
  sla: (f: ReportFilterState) => api.get<SlaRow[]>(`/reports/sla${toQueryString(f)}`),
  approvals: (f: ReportFilterState) => api.get<ApprovalRow[]>(`/reports/approvals${toQueryString(f)}`),
  waiting: (f: ReportFilterState) => api.get<WaitingRow[]>(`/reports/waiting${toQueryString(f)}`),
  workload: (f: ReportFilterState) => api.get<WorkloadRow[]>(`/reports/workload${toQueryString(f)}`),
  satisfaction: (f: ReportFilterState) =>
    api.get<SatisfactionRow[]>(`/reports/satisfaction${toQueryString(f)}`),
  team: (f: ReportFilterState) => api.get<TeamRow[]>(`/reports/team${toQueryString(f)}`),
  definition: (key: string, version: number) =>
    api
      .get<{ definition: WorkflowDefinition }>(`/workflows/${encodeURIComponent(key)}/versions/${version}`)
      .then((v) => v.definition),
};

/** The file name in a Content-Disposition header, if any. Pure. */
export function filenameOf(disposition: string | null, fallback: string): string {
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

/**
 * Downloads a report as the server's CSV (`?format=csv`): fetches it with the
 * bearer token and saves it under the server's file name.
 * Side effects: one request, a temporary object URL, a click on a link.
 */
export async function downloadReportCsv(name: ReportName, filters: ReportFilterState): Promise<void> {
  const query = toQueryString({ ...filters, format: 'csv' });
  const token = useAuthStore.getState().token;
  const response = await fetch(`/api/reports/${name}${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new ApiError(response.status, `http-${response.status}`, response.statusText);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(response.headers.get('Content-Disposition'), `ticketflow-${name}.csv`);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
