import type { TFunction } from 'i18next';
import { roleLabel } from '../i18n/labels';
import { formatDuration, formatPercent } from './report-format';
import { Meter } from './report-tables';
import type { TableColumn } from './SortableTable';
import type { SatisfactionRow, TeamRow } from '@ticketflow/contract';

const count = <Row,>(id: string, label: string, get: (row: Row) => number): TableColumn<Row> => ({
  id,
  label,
  numeric: true,
  sortValue: get,
});

/** A mean rating as "4.5 ★", or "—". Pure. */
export function formatRating(rating: number | null): string {
  return rating === null ? '—' : `${rating.toFixed(1)} ★`;
}

/** Columns of the team performance table (agents or groups). Pure. */
export function teamColumns(t: TFunction, language: string, scope: TeamRow['scope']): TableColumn<TeamRow>[] {
  return [
    {
      id: 'name',
      label: scope === 'agent' ? t('reports.columns.person') : t('reports.columns.group'),
      sortValue: (r) => r.name,
      render: (r) =>
        scope === 'agent' ? (
          <span title={r.key}>{r.name}</span>
        ) : r.key === '(named)' ? (
          t('reports.team.named')
        ) : (
          roleLabel(t, r.key)
        ),
    },
    count('tickets', t('reports.columns.ticketsHandled'), (r) => r.ticketsHandled),
    count('steps', t('reports.columns.stepsCompleted'), (r) => r.stepsCompleted),
    {
      id: 'median',
      label: t('reports.columns.medianHandling'),
      numeric: true,
      sortValue: (r) => r.medianHandlingMs,
      render: (r) => formatDuration(r.medianHandlingMs, language),
    },
    {
      id: 'sla',
      label: t('reports.columns.slaMet'),
      numeric: true,
      sortValue: (r) => r.slaCompliance,
      render: (r) => (r.slaSteps === 0 ? '—' : <Meter rate={r.slaCompliance} />),
    },
    {
      id: 'reopen',
      label: t('reports.columns.reopenRate'),
      numeric: true,
      sortValue: (r) => r.reopenRate,
      render: (r) => (
        <span className={r.reopenedSteps ? 'bad' : undefined}>{formatPercent(r.reopenRate)}</span>
      ),
    },
    {
      id: 'rating',
      label: t('reports.columns.satisfaction'),
      numeric: true,
      sortValue: (r) => r.avgRating,
      render: (r) => (
        <span title={t('reports.satisfaction.ratings', { count: r.ratings })}>
          {formatRating(r.avgRating)}
        </span>
      ),
    },
  ];
}

/** Columns of the satisfaction table for one dimension. Pure. */
export function satisfactionColumns(
  t: TFunction,
  dimension: SatisfactionRow['dimension'],
  workflowNames: Record<string, string> = {},
): TableColumn<SatisfactionRow>[] {
  return [
    {
      id: 'key',
      label: t(`reports.satisfaction.dimensions.${dimension}`),
      sortValue: (r) => r.label,
      render: (r) =>
        dimension === 'channel'
          ? t(`reports.channels.${r.key}`, { defaultValue: r.key })
          : r.key === '' && dimension === 'agent'
            ? t('reports.satisfaction.noAgent')
            : dimension === 'workflow'
              ? (workflowNames[r.key] ?? r.label)
              : r.label,
    },
    count('asked', t('reports.columns.asked'), (r) => r.asked),
    count('answered', t('reports.columns.answered'), (r) => r.answered),
    {
      id: 'rate',
      label: t('reports.columns.responseRate'),
      numeric: true,
      sortValue: (r) => r.responseRate,
      render: (r) => formatPercent(r.responseRate),
    },
    {
      id: 'avg',
      label: t('reports.columns.avgRating'),
      numeric: true,
      sortValue: (r) => r.avgRating,
      render: (r) => formatRating(r.avgRating),
    },
    {
      id: 'spread',
      label: t('reports.columns.ratingSpread'),
      sortValue: (r) => r.rating5,
      render: (r) => <RatingSpread row={r} />,
    },
  ];
}

/** Five small bars: how many answers gave 1 … 5 stars. */
function RatingSpread({ row }: { row: SatisfactionRow }) {
  const counts = [row.rating1, row.rating2, row.rating3, row.rating4, row.rating5];
  const most = Math.max(1, ...counts);
  return (
    <span className="rating-spread" aria-label={counts.map((n, i) => `${i + 1}★ ${n}`).join(', ')}>
      {counts.map((n, i) => (
        <span
          key={i}
          className="rating-spread__bar"
          title={`${i + 1}★: ${n}`}
          style={{ height: `${Math.max(2, (n / most) * 18)}px` }}
        />
      ))}
    </span>
  );
}
