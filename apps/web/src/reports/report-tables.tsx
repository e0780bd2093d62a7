import type { TFunction } from 'i18next';
import { roleLabel } from '../i18n/labels';
import { ageOf, formatDuration, formatPercent } from './report-format';
import type { TableColumn } from './SortableTable';
import type { ApprovalRow, NodeTimeRow, SlaRow, WaitingRow, WorkloadRow } from '@ticketflow/contract';

type Columns<Row> = TableColumn<Row>[];

const duration = <Row,>(
  id: string,
  label: string,
  get: (row: Row) => number | null,
  language: string,
): TableColumn<Row> => ({
  id,
  label,
  numeric: true,
  sortValue: get,
  render: (row) => formatDuration(get(row), language),
});
const count = <Row,>(id: string, label: string, get: (row: Row) => number): TableColumn<Row> => ({
  id,
  label,
  numeric: true,
  sortValue: get,
});

/** Columns of the node-times table. Pure. */
export function nodeTimeColumns(t: TFunction, language: string, showKey: boolean): Columns<NodeTimeRow> {
  return [
    {
      id: 'node',
      label: t('reports.columns.node'),
      sortValue: (r) => r.nodeName,
      render: (r) => (
        <NodeName
          name={r.nodeName}
          workflowKey={showKey ? r.workflowKey : undefined}
          version={t('reports.versionTag', { version: r.version })}
        />
      ),
    },
    count('visits', t('reports.columns.visits'), (r) => r.visits),
    duration('p50', 'p50', (r) => r.p50Ms, language),
    duration('p90', 'p90', (r) => r.p90Ms, language),
    duration('avg', t('reports.columns.avg'), (r) => r.avgMs, language),
    count('inProgress', t('reports.columns.inProgress'), (r) => r.inProgress),
    count('rework', t('reports.columns.rework'), (r) => r.reworkTickets),
  ];
}

/** Columns of the SLA table. Pure. */
export function slaColumns(t: TFunction, showKey: boolean): Columns<SlaRow> {
  return [
    {
      id: 'name',
      label: t('reports.columns.slaItem'),
      sortValue: (r) => r.name,
      render: (r) => (
        <NodeName
          name={r.scope === 'ticket' ? t(`reports.sla.clock.${r.key}`, { defaultValue: r.key }) : r.name}
          workflowKey={showKey ? r.workflowKey : undefined}
          version={r.version === null ? undefined : t('reports.versionTag', { version: r.version })}
        />
      ),
    },
    {
      id: 'scope',
      label: t('reports.columns.scope'),
      sortValue: (r) => r.scope,
      render: (r) => t(`reports.sla.scope.${r.scope}`),
    },
    count('total', t('reports.columns.total'), (r) => r.total),
    count('met', t('reports.columns.met'), (r) => r.met),
    {
      ...count('breached', t('reports.columns.breached'), (r) => r.breached),
      render: (r) => <span className={r.breached ? 'bad' : undefined}>{r.breached}</span>,
    },
    count('breachedOpen', t('reports.columns.breachedOpen'), (r) => r.breachedOpen),
    {
      id: 'compliance',
      label: t('reports.columns.compliance'),
      numeric: true,
      sortValue: (r) => r.compliance,
      render: (r) => <Meter rate={r.compliance} />,
    },
  ];
}

/** Columns of the approvals table (group totals are rows without an approver). Pure. */
export function approvalColumns(t: TFunction, language: string): Columns<ApprovalRow> {
  return [
    {
      id: 'group',
      label: t('reports.columns.group'),
      sortValue: (r) => r.group,
      render: (r) => roleLabel(t, r.group),
    },
    {
      id: 'approver',
      label: t('reports.columns.approver'),
      sortValue: (r) => r.approverName ?? '',
      render: (r) => r.approverName ?? <strong>{t('reports.approvals.groupTotal')}</strong>,
    },
    count('votes', t('reports.columns.votes'), (r) => r.votes),
    count('approved', t('reports.columns.approved'), (r) => r.approved),
    count('rejected', t('reports.columns.rejected'), (r) => r.rejected),
    duration('p50', 'p50', (r) => r.p50Ms, language),
    duration('p90', 'p90', (r) => r.p90Ms, language),
  ];
}

/** Columns of the waiting-now table. Pure. */
export function waitingColumns(t: TFunction, language: string, showKey: boolean): Columns<WaitingRow> {
  return [
    {
      id: 'node',
      label: t('reports.columns.node'),
      sortValue: (r) => r.nodeName,
      render: (r) => (
        <NodeName
          name={r.nodeName}
          workflowKey={showKey ? r.workflowKey : undefined}
          version={t('reports.versionTag', { version: r.version })}
        />
      ),
    },
    count('tickets', t('reports.columns.ticketsWaiting'), (r) => r.tickets),
    count('openTasks', t('reports.columns.openTasks'), (r) => r.openTasks),
    count('unassigned', t('reports.columns.unassigned'), (r) => r.unassigned),
    {
      ...count('overdue', t('reports.columns.overdue'), (r) => r.overdue),
      render: (r) => <span className={r.overdue ? 'bad' : undefined}>{r.overdue}</span>,
    },
    duration('oldest', t('reports.columns.longestWait'), (r) => ageOf(r.oldestSince), language),
  ];
}

/** Columns of the workload table. Pure. */
export function workloadColumns(t: TFunction, language: string): Columns<WorkloadRow> {
  return [
    {
      id: 'person',
      label: t('reports.columns.person'),
      sortValue: (r) => r.displayName,
      render: (r) => <span title={r.username}>{r.displayName}</span>,
    },
    {
      id: 'roles',
      label: t('reports.columns.roles'),
      sortValue: (r) => r.roles.join(', '),
      render: (r) => r.roles.map((role) => roleLabel(t, role)).join(t('common.listSeparator')),
    },
    count('assigned', t('reports.columns.assigned'), (r) => r.assigned),
    {
      ...count('overdue', t('reports.columns.overdue'), (r) => r.overdue),
      render: (r) => <span className={r.overdue ? 'bad' : undefined}>{r.overdue}</span>,
    },
    duration('oldest', t('reports.columns.oldestAssigned'), (r) => ageOf(r.oldestSince), language),
    count('pool', t('reports.columns.pool'), (r) => r.pool),
  ];
}

/** A step's name with the version it belongs to (a node id may mean another step in another version), and its workflow when the table spans several. */
function NodeName({ name, workflowKey, version }: { name: string; workflowKey?: string; version?: string }) {
  return (
    <span className="node-name">
      {name}
      {workflowKey && <span className="muted small"> {workflowKey}</span>}
      {version && (
        <span className="muted small" data-testid="node-version">
          {' '}
          {version}
        </span>
      )}
    </span>
  );
}

/** A rate as a bar and a percentage (red under 90 %). */
export function Meter({ rate }: { rate: number | null }) {
  return (
    <span className="meter" title={formatPercent(rate)}>
      <span
        className="meter__bar"
        style={{
          width: `${Math.round((rate ?? 0) * 100)}%`,
          background: rate !== null && rate < 0.9 ? '#e53935' : '#16a34a',
        }}
      />
      <span className="meter__text">{formatPercent(rate)}</span>
    </span>
  );
}
