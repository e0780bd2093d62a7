import { useTranslation } from 'react-i18next';
import { formatDuration, formatPercent } from './report-format';
import type { SlaRow, SummaryReport } from './reports.api';

/** Step SLA compliance over every step with a due time: met / (met + breached). Pure. */
export function slaCompliance(rows: readonly SlaRow[]): { rate: number | null; breached: number } {
  const steps = rows.filter((row) => row.scope === 'step');
  const met = steps.reduce((sum, row) => sum + row.met, 0);
  const breached = steps.reduce((sum, row) => sum + row.breached, 0);
  return { rate: met + breached > 0 ? met / (met + breached) : null, breached };
}

/** The headline numbers a manager reads first. */
export function KpiCards({
  summary,
  sla,
}: {
  summary: SummaryReport | undefined;
  sla: SlaRow[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const compliance = sla ? slaCompliance(sla) : undefined;
  const cards: { id: string; label: string; value: string; sub?: string; tone?: 'good' | 'bad' }[] = [
    { id: 'created', label: t('reports.kpi.created'), value: String(summary?.created ?? '—') },
    {
      id: 'completed',
      label: t('reports.kpi.completed'),
      value: String(summary?.completed ?? '—'),
      sub: t('reports.kpi.cancelled', { count: summary?.cancelled ?? 0 }),
    },
    {
      id: 'open',
      label: t('reports.kpi.open'),
      value: String(summary?.open ?? '—'),
      sub: summary?.incidents ? t('reports.kpi.incidents', { count: summary.incidents }) : undefined,
      tone: summary?.incidents ? 'bad' : undefined,
    },
    {
      id: 'resolution',
      label: t('reports.kpi.resolutionRate'),
      value: formatPercent(summary?.resolutionRate),
    },
    {
      id: 'cycle',
      label: t('reports.kpi.cycleTime'),
      value: formatDuration(summary?.cycleTimeP50Ms, i18n.language),
      sub: `p90 ${formatDuration(summary?.cycleTimeP90Ms, i18n.language)}`,
    },
    {
      id: 'sla',
      label: t('reports.kpi.sla'),
      value: formatPercent(compliance?.rate),
      sub: t('reports.kpi.breaches', { count: compliance?.breached ?? 0 }),
      tone:
        compliance?.rate === null || compliance?.rate === undefined
          ? undefined
          : compliance.rate >= 0.9
            ? 'good'
            : 'bad',
    },
    { id: 'rework', label: t('reports.kpi.rework'), value: String(summary?.reworkTickets ?? '—') },
  ];
  return (
    <div className="kpi-grid" data-testid="report-kpis">
      {cards.map((card) => (
        <div
          key={card.id}
          className={`kpi card${card.tone ? ` kpi--${card.tone}` : ''}`}
          data-testid={`kpi-${card.id}`}
        >
          <div className="kpi__label">{card.label}</div>
          <div className="kpi__value">{card.value}</div>
          {card.sub && <div className="kpi__sub">{card.sub}</div>}
        </div>
      ))}
    </div>
  );
}
