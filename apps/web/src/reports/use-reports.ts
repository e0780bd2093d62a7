import { useEffect, useState } from 'react';
import type { ReportFilterState } from './report-filters';
import { reportsApi } from './reports.api';
import type {
  ApprovalRow,
  CycleTimeRow,
  NodeTimeRow,
  SatisfactionRow,
  SlaRow,
  SummaryReport,
  TeamRow,
  TrendRow,
  WaitingRow,
  WorkloadRow,
} from '@ticketflow/contract';

export interface ReportData {
  summary?: SummaryReport;
  trend?: TrendRow[];
  cycleTime?: CycleTimeRow[];
  nodeTimes?: NodeTimeRow[];
  sla?: SlaRow[];
  approvals?: ApprovalRow[];
  waiting?: WaitingRow[];
  workload?: WorkloadRow[];
  satisfaction?: SatisfactionRow[];
  team?: TeamRow[];
}

/**
 * Loads every report the caller may read for the filters, again whenever they
 * change; a report that fails is left out and the error kept. `full`: the
 * caller is a manager or admin (process owners read node times and waiting only).
 * `timeZone`: reload when an admin changes the organisation's zone.
 */
export function useReports(
  current: ReportFilterState,
  wantFull: boolean,
  timeZone = '',
): { data: ReportData; loading: boolean; error: unknown } {
  const [state, setState] = useState<{ key: string; data: ReportData; error: unknown }>({
    key: '',
    data: {},
    error: undefined,
  });
  // The organisation's time zone is part of the key: changing it re-buckets the days.
  const key = JSON.stringify([current, wantFull, timeZone]);
  useEffect(() => {
    const [filters, full] = JSON.parse(key) as [ReportFilterState, boolean];
    let live = true;
    const calls: [keyof ReportData, () => Promise<unknown>][] = [
      ['nodeTimes', () => reportsApi.nodeTimes(filters)],
      ['waiting', () => reportsApi.waiting(filters)],
    ];
    if (full) {
      calls.push(
        ['summary', () => reportsApi.summary(filters)],
        ['trend', () => reportsApi.trend(filters)],
        ['cycleTime', () => reportsApi.cycleTime(filters)],
        ['sla', () => reportsApi.sla(filters)],
        ['approvals', () => reportsApi.approvals(filters)],
        ['workload', () => reportsApi.workload(filters)],
        ['satisfaction', () => reportsApi.satisfaction(filters)],
        ['team', () => reportsApi.team(filters)],
      );
    }
    void Promise.allSettled(calls.map(([, call]) => call())).then((results) => {
      if (!live) return;
      const data: ReportData = {};
      let error: unknown;
      results.forEach((result, index) => {
        const name = calls[index]![0];
        const rows = name !== 'summary';
        if (result.status === 'rejected') error ??= result.reason;
        // An answer of the wrong shape (a proxy's page, an older server) is left out, not drawn.
        else if (
          rows ? Array.isArray(result.value) : typeof result.value === 'object' && result.value !== null
        )
          (data as Record<string, unknown>)[name] = result.value;
      });
      setState({ key, data, error });
    });
    return () => {
      live = false;
    };
    // `key` stands for filters and full: reload only when their values change.
  }, [key]);
  // While new figures load, the previous ones stay on screen.
  return { data: state.data, loading: state.key !== key, error: state.key === key ? state.error : undefined };
}
