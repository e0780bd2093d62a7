import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Queryable, REPORT_SESSION_SQL } from './report-values.js';
import { approvalsReport, type ApprovalRow } from './approvals-report.js';
import { columnsOf, toCsv } from './csv.js';
import { cycleTimeReport, type CycleTimeRow } from './cycle-time-report.js';
import { nodeTimesReport, type NodeTimeRow } from './node-times-report.js';
import { reportOptions, type ReportOptions } from './report-options.js';
import { type ReportFilters, resolveFilters } from './report-filters.js';
import { loadOrganisationSettings } from '../settings/organisation-settings.js';
import type { ReportQuery } from './report-query.dto.js';
import { slaReport, type SlaRow } from './sla-report.js';
import { summaryReport, type SummaryReport } from './summary-report.js';
import { trendReport, type TrendRow } from './trend-report.js';
import { waitingReport, type WaitingRow } from './waiting-report.js';
import { workloadReport, type WorkloadRow } from './workload-report.js';
import type { AuthUser } from '../auth/auth-user.js';
import { satisfactionReport, type SatisfactionRow } from '../satisfaction/satisfaction-report.js';
import { teamPerformanceReport, type TeamPerformanceRow } from '../team-reports/team-performance-report.js';
import { assertGroupInScope, teamScope } from '../team-reports/team-scope.js';

interface ReportSpec<Result> {
  load: (db: Queryable, filters: ReportFilters, caller: AuthUser | undefined) => Promise<Result>;
  /** CSV columns, in order (also the JSON keys of each row). */
  columns: string[];
}

const spec = <Result>(load: ReportSpec<Result>['load'], columns: string[]): ReportSpec<Result> => ({
  load,
  columns,
});

/** Every report: how it is read and its CSV columns. */
const REPORTS = {
  summary: spec<SummaryReport>(summaryReport, [
    'created',
    'completed',
    'cancelled',
    'open',
    'incidents',
    'resolutionRate',
    'cycleTimeP50Ms',
    'cycleTimeP90Ms',
    'cycleTimeAvgMs',
    'reworkTickets',
  ]),
  trend: spec<TrendRow[]>(
    (db, filters) => trendReport(db, filters),
    ['day', 'created', 'completed', 'cancelled'],
  ),
  'cycle-time': spec<CycleTimeRow[]>(cycleTimeReport, ['bucket', 'fromMs', 'toMs', 'tickets']),
  'node-times': spec<NodeTimeRow[]>(nodeTimesReport, [
    'workflowKey',
    'version',
    'nodeId',
    'nodeName',
    'nodeType',
    'visits',
    'tickets',
    'p50Ms',
    'p90Ms',
    'avgMs',
    'maxMs',
    'inProgress',
    'reworkTickets',
    'maxVisits',
  ]),
  sla: spec<SlaRow[]>(
    (db, filters) => slaReport(db, filters),
    [
      'scope',
      'workflowKey',
      'version',
      'key',
      'name',
      'total',
      'met',
      'breached',
      'breachedOpen',
      'pending',
      'compliance',
    ],
  ),
  approvals: spec<ApprovalRow[]>(approvalsReport, [
    'group',
    'approver',
    'approverName',
    'votes',
    'approved',
    'rejected',
    'p50Ms',
    'p90Ms',
    'avgMs',
  ]),
  waiting: spec<WaitingRow[]>(
    (db, filters) => waitingReport(db, filters),
    [
      'workflowKey',
      'version',
      'nodeId',
      'nodeName',
      'nodeType',
      'tickets',
      'openTasks',
      'unassigned',
      'overdue',
      'oldestSince',
      'p50WaitingMs',
    ],
  ),
  workload: spec<WorkloadRow[]>(
    (db, filters) => workloadReport(db, filters),
    ['username', 'displayName', 'roles', 'assigned', 'overdue', 'oldestSince', 'pool'],
  ),
  // Issue 21: satisfaction surveys, and team performance (scoped to the caller's team).
  satisfaction: spec<SatisfactionRow[]>(satisfactionReport, [
    'dimension',
    'key',
    'label',
    'asked',
    'answered',
    'responseRate',
    'avgRating',
    'rating1',
    'rating2',
    'rating3',
    'rating4',
    'rating5',
  ]),
  team: spec<TeamPerformanceRow[]>(
    async (db, filters, caller) => {
      const scope = caller ? await teamScope(db, caller) : { userIds: [], groups: [] };
      assertGroupInScope(scope, filters.group);
      return teamPerformanceReport(db, filters, scope);
    },
    [
      'scope',
      'key',
      'name',
      'ticketsHandled',
      'stepsCompleted',
      'medianHandlingMs',
      'slaSteps',
      'slaMet',
      'slaCompliance',
      'reopenedSteps',
      'reopenRate',
      'ratings',
      'avgRating',
    ],
  ),
};

export type ReportName = keyof typeof REPORTS;

/** A CSV file to send: its text and a file name for Content-Disposition. */
export interface CsvFile {
  filename: string;
  text: string;
}

/**
 * The reports: read-only queries over tickets, the `node_visits` rollup,
 * tasks, votes and SLA clocks, answered as JSON or as a CSV file.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs one report with the query's filters (validated; a bad range is a 400). Side effects: none. */
  run(name: ReportName, query: ReportQuery, caller?: AuthUser): Promise<unknown> {
    // One read-only transaction per report: its queries see one snapshot, and may sort in memory.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      for (const setting of REPORT_SESSION_SQL) await manager.query(setting);
      const { timeZone } = await loadOrganisationSettings(manager);
      return REPORTS[name].load(manager, resolveFilters(query, timeZone), caller);
    });
  }

  /** The same report as a CSV file named after the report, the workflow and today. Side effects: none. */
  async csv(name: ReportName, query: ReportQuery, now = new Date(), caller?: AuthUser): Promise<CsvFile> {
    const result = await this.run(name, query, caller);
    const rows = (Array.isArray(result) ? result : [result]) as Record<string, unknown>[];
    const text = toCsv(columnsOf<Record<string, unknown>>(REPORTS[name].columns), rows);
    const parts = [
      'ticketflow',
      name,
      query.workflowKey,
      query.version === undefined ? undefined : `v${query.version}`,
      now.toISOString().slice(0, 10),
    ];
    return { filename: `${parts.filter(Boolean).join('-')}.csv`, text };
  }

  options(): Promise<ReportOptions> {
    return reportOptions(this.dataSource);
  }
}
