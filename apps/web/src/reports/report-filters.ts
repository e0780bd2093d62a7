/** The report filters as the page holds them: strings as typed in the inputs, '' meaning "any". */
export interface ReportFilterState {
  workflowKey: string;
  version: string;
  from: string;
  to: string;
  channel: string;
  priority: string;
  group: string;
  format?: 'csv';
}

const DAY_MS = 86_400_000;

/** A UTC date as YYYY-MM-DD. Pure. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The filters a page starts with: every workflow, the last 30 days up to today. Pure. */
export function defaultFilters(now = new Date()): ReportFilterState {
  return {
    workflowKey: '',
    version: '',
    from: isoDay(new Date(now.getTime() - 29 * DAY_MS)),
    to: isoDay(now),
    channel: '',
    priority: '',
    group: '',
  };
}

/** `?key=value&…` for the filters that are set (a version only with its workflow). Pure. */
export function toQueryString(filters: Partial<ReportFilterState>): string {
  const entries = Object.entries(filters).filter(([key, value]) => {
    if (value === undefined || value === '') return false;
    return key !== 'version' || Boolean(filters.workflowKey);
  }) as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}
