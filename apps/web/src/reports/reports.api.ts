import { api } from '../http/api-client';
import { ApiError } from '../http/api-error';
import { useAuthStore } from '../auth/auth.store';
import { toQueryString, type ReportFilterState } from './report-filters';
import type {
  ApprovalRow,
  CycleTimeRow,
  NodeTimeRow,
  ReportOptions,
  SatisfactionRow,
  SlaRow,
  SummaryReport,
  TeamRow,
  TrendRow,
  VersionRow,
  WaitingRow,
  WorkloadRow,
} from '@ticketflow/contract';

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
      .get<VersionRow>(`/workflows/${encodeURIComponent(key)}/versions/${version}`)
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
