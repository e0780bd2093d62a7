import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Closed, Nullable, OneOf, Timestamp } from './schema-builders.js';

// Answers of GET /api/reports/* (`?format=csv` answers the same rows as text/csv). Durations are
// milliseconds; a statistic over no sample is null.
const count = () => Type.Integer({ minimum: 0 });
const millis = () => Nullable(Type.Number({ minimum: 0 }));
const rows = <T extends TSchema>(row: T) => Type.Array(row);

export const SummaryReportSchema = Closed({
  created: count(),
  completed: count(),
  cancelled: count(),
  open: count(),
  incidents: count(),
  resolutionRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  cycleTimeP50Ms: millis(),
  cycleTimeP90Ms: millis(),
  cycleTimeAvgMs: millis(),
  reworkTickets: count(),
});
export type SummaryReport = Static<typeof SummaryReportSchema>;

export const TrendRowSchema = Closed({
  day: Type.String({ format: 'date' }),
  created: count(),
  completed: count(),
  cancelled: count(),
});
export type TrendRow = Static<typeof TrendRowSchema>;
export const TrendReportSchema = rows(TrendRowSchema);

export const CycleTimeRowSchema = Closed({
  bucket: Type.String(),
  fromMs: Type.Number({ minimum: 0 }),
  toMs: Nullable(Type.Number({ minimum: 0 })),
  tickets: count(),
});
export type CycleTimeRow = Static<typeof CycleTimeRowSchema>;
export const CycleTimeReportSchema = rows(CycleTimeRowSchema);

export const NodeTimeRowSchema = Closed({
  workflowKey: Type.String(),
  version: Type.Integer(),
  nodeId: Type.String(),
  nodeName: Type.String(),
  nodeType: Type.String(),
  visits: count(),
  tickets: count(),
  p50Ms: millis(),
  p90Ms: millis(),
  avgMs: millis(),
  maxMs: millis(),
  inProgress: count(),
  reworkTickets: count(),
  maxVisits: count(),
});
export type NodeTimeRow = Static<typeof NodeTimeRowSchema>;
export const NodeTimesReportSchema = rows(NodeTimeRowSchema);

export const SlaRowSchema = Closed({
  scope: OneOf(['step', 'ticket']),
  workflowKey: Type.String(),
  version: Nullable(Type.Integer()),
  key: Type.String(),
  name: Type.String(),
  total: count(),
  met: count(),
  breached: count(),
  breachedOpen: count(),
  pending: count(),
  compliance: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
});
export type SlaRow = Static<typeof SlaRowSchema>;
export const SlaReportSchema = rows(SlaRowSchema);

export const ApprovalRowSchema = Closed({
  group: Type.String(),
  approver: Nullable(Type.String()),
  approverName: Nullable(Type.String()),
  votes: count(),
  approved: count(),
  rejected: count(),
  p50Ms: millis(),
  p90Ms: millis(),
  avgMs: millis(),
});
export type ApprovalRow = Static<typeof ApprovalRowSchema>;
export const ApprovalsReportSchema = rows(ApprovalRowSchema);

export const WaitingRowSchema = Closed({
  workflowKey: Type.String(),
  version: Type.Integer(),
  nodeId: Type.String(),
  nodeName: Type.String(),
  nodeType: Type.String(),
  tickets: count(),
  openTasks: count(),
  unassigned: count(),
  overdue: count(),
  oldestSince: Nullable(Timestamp()),
  p50WaitingMs: millis(),
});
export type WaitingRow = Static<typeof WaitingRowSchema>;
export const WaitingReportSchema = rows(WaitingRowSchema);

export const WorkloadRowSchema = Closed({
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  assigned: count(),
  overdue: count(),
  oldestSince: Nullable(Timestamp()),
  pool: count(),
});
export type WorkloadRow = Static<typeof WorkloadRowSchema>;
export const WorkloadReportSchema = rows(WorkloadRowSchema);

/** `GET /api/reports/options`: what the report filters offer. */
export const ReportOptionsSchema = Closed({
  workflows: Type.Array(
    Closed({ key: Type.String(), name: Type.String(), versions: Type.Array(Type.Integer()) }),
  ),
  channels: Type.Array(Type.String()),
  priorities: Type.Array(Type.String()),
  groups: Type.Array(Closed({ name: Type.String(), label: Type.String() })),
});
export type ReportOptions = Static<typeof ReportOptionsSchema>;

/** Satisfaction surveys for one value of one dimension (`all` is the total; issue 21). */
export const SatisfactionRowSchema = Closed({
  dimension: OneOf(['all', 'workflow', 'agent', 'channel', 'period']),
  key: Type.String(),
  label: Type.String(),
  asked: count(),
  answered: count(),
  responseRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  avgRating: Nullable(Type.Number({ minimum: 1, maximum: 5 })),
  rating1: count(),
  rating2: count(),
  rating3: count(),
  rating4: count(),
  rating5: count(),
});
export type SatisfactionRow = Static<typeof SatisfactionRowSchema>;
export const SatisfactionReportSchema = rows(SatisfactionRowSchema);

/** One agent's or group's performance over the steps completed in the range (issue 21). */
export const TeamRowSchema = Closed({
  scope: OneOf(['agent', 'group']),
  key: Type.String(),
  name: Type.String(),
  ticketsHandled: count(),
  stepsCompleted: count(),
  medianHandlingMs: millis(),
  slaSteps: count(),
  slaMet: count(),
  slaCompliance: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  reopenedSteps: count(),
  reopenRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  ratings: count(),
  avgRating: Nullable(Type.Number({ minimum: 1, maximum: 5 })),
});
export type TeamRow = Static<typeof TeamRowSchema>;
export const TeamReportSchema = rows(TeamRowSchema);
