import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../auth/auth.store';
import { CsvButton } from './CsvButton';
import { CycleTimeChart } from './CycleTimeChart';
import { TrendChart } from './TrendChart';
import { heatmapWorkflow, type HeatMetric } from './heatmap-model';
import { KpiCards } from './KpiCards';
import { defaultFilters, type ReportFilterState } from './report-filters';
import { ReportFiltersBar } from './ReportFiltersBar';
import { ReportHeatmap } from './ReportHeatmap';
import { PeopleReports } from './PeopleReports';
import { ReportSection } from './ReportSection';
import {
  approvalColumns,
  nodeTimeColumns,
  slaColumns,
  waitingColumns,
  workloadColumns,
} from './report-tables';
import { reportsApi } from './reports.api';
import { SortableTable } from './SortableTable';
import { TimeZoneSetting } from './TimeZoneSetting';
import { useReports } from './use-reports';
import './reports.css';
import type { ReportOptions } from '@ticketflow/contract';

const METRICS: HeatMetric[] = ['p50', 'p90', 'waiting'];

/**
 * Reports: the data a manager decides from — headline figures, trends, the
 * cycle-time distribution, a heatmap over the diagram, and sortable tables,
 * each downloadable as CSV. Process owners see the flow reports only.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const roles = useAuthStore((s) => s.user?.roles);
  const full = Boolean(roles?.some((role) => role === 'manager' || role === 'admin'));
  const [filters, setFilters] = useState<ReportFilterState>(() => defaultFilters());
  const [options, setOptions] = useState<ReportOptions>();
  const [metric, setMetric] = useState<HeatMetric>('p50');
  const [timeZone, setTimeZone] = useState('');
  const { data, loading, error } = useReports(filters, full, timeZone);
  const language = i18n.language;

  useEffect(() => {
    let live = true;
    reportsApi.options().then(
      (loaded) => live && Array.isArray(loaded?.workflows) && setOptions(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const heatKey = heatmapWorkflow(filters.workflowKey, data.nodeTimes ?? [], options?.workflows[0]?.key);
  const heatVersion = filters.version
    ? Number(filters.version)
    : options?.workflows.find((w) => w.key === heatKey)?.versions.at(-1);
  const heatName = options?.workflows.find((w) => w.key === heatKey)?.name ?? heatKey;
  const showKey = !filters.workflowKey;
  const columns = useMemo(
    () => ({
      nodes: nodeTimeColumns(t, language, showKey),
      sla: slaColumns(t, showKey),
      approvals: approvalColumns(t, language),
      waiting: waitingColumns(t, language, showKey),
      workload: workloadColumns(t, language),
    }),
    [t, language, showKey],
  );
  const clocks = data.sla?.some((row) => row.scope === 'ticket');
  const workflowNames = useMemo(
    () => Object.fromEntries((options?.workflows ?? []).map((w) => [w.key, w.name])),
    [options],
  );

  return (
    <main className="page reports-page" data-testid="page-reports" data-loading={loading || undefined}>
      <div className="reports-title">
        <h1>{t('reports.title')}</h1>
        <p className="muted">{t('reports.subtitle')}</p>
        {loading && (
          <span className="reports-loading muted small" data-testid="reports-loading">
            {t('reports.loading')}
          </span>
        )}
      </div>
      <ReportFiltersBar filters={filters} options={options} onChange={setFilters} />
      {full && <TimeZoneSetting onChanged={setTimeZone} />}
      {error !== undefined && (
        <p className="error" role="alert">
          {t('reports.loadFailed')}
        </p>
      )}
      {!full && (
        <p className="muted small" data-testid="reports-limited">
          {t('reports.limited')}
        </p>
      )}

      {full && <KpiCards summary={data.summary} sla={data.sla} />}

      {full && (
        <div className="report-grid">
          <ReportSection
            title={t('reports.trend.title')}
            hint={t('reports.trend.hint')}
            testId="section-trend"
            actions={<CsvButton report="trend" filters={filters} />}
          >
            <TrendChart rows={data.trend ?? []} />
          </ReportSection>
          <ReportSection
            title={t('reports.cycle.title')}
            hint={t('reports.cycle.hint')}
            testId="section-cycle"
            actions={<CsvButton report="cycle-time" filters={filters} />}
          >
            <CycleTimeChart rows={data.cycleTime ?? []} />
          </ReportSection>
        </div>
      )}

      <ReportSection
        wide
        title={t('reports.heatmap.title', { name: heatName ?? '' })}
        hint={t('reports.heatmap.hint')}
        testId="section-heatmap"
        actions={
          <div className="segmented" role="group" aria-label={t('reports.heatmap.metric')}>
            {METRICS.map((m) => (
              <button
                key={m}
                type="button"
                className={m === metric ? 'active' : undefined}
                aria-pressed={m === metric}
                onClick={() => setMetric(m)}
                data-testid={`heat-metric-${m}`}
              >
                {t(`reports.heatmap.metrics.${m}`)}
              </button>
            ))}
          </div>
        }
      >
        {heatKey && heatVersion ? (
          <ReportHeatmap
            workflowKey={heatKey}
            version={heatVersion}
            metric={metric}
            nodeTimes={data.nodeTimes ?? []}
            waiting={data.waiting ?? []}
          />
        ) : (
          <p className="muted">{t('reports.heatmap.none')}</p>
        )}
      </ReportSection>

      <div className="report-grid">
        <ReportSection
          title={t('reports.nodes.title')}
          hint={t('reports.nodes.hint')}
          testId="section-node-times"
          actions={<CsvButton report="node-times" filters={filters} />}
        >
          <SortableTable
            columns={columns.nodes}
            rows={data.nodeTimes ?? []}
            rowKey={(r) => `${r.workflowKey}/${r.version}/${r.nodeId}`}
            testId="table-node-times"
            initialSort={{ id: 'p50', dir: 'desc' }}
          />
        </ReportSection>
        <ReportSection
          title={t('reports.waiting.title')}
          hint={t('reports.waiting.hint')}
          testId="section-waiting"
          actions={<CsvButton report="waiting" filters={filters} />}
        >
          <SortableTable
            columns={columns.waiting}
            rows={data.waiting ?? []}
            rowKey={(r) => `${r.workflowKey}/${r.version}/${r.nodeId}`}
            testId="table-waiting"
            initialSort={{ id: 'tickets', dir: 'desc' }}
          />
        </ReportSection>
      </div>

      {full && (
        <>
          <ReportSection
            wide
            title={t('reports.sla.title')}
            hint={clocks ? t('reports.sla.hintClocks') : t('reports.sla.hintDue')}
            testId="section-sla"
            actions={<CsvButton report="sla" filters={filters} />}
          >
            <SortableTable
              columns={columns.sla}
              rows={data.sla ?? []}
              rowKey={(r) => `${r.scope}/${r.workflowKey}/${r.version ?? ''}/${r.key}`}
              testId="table-sla"
              initialSort={{ id: 'breached', dir: 'desc' }}
            />
          </ReportSection>
          <div className="report-grid">
            <ReportSection
              title={t('reports.approvals.title')}
              hint={t('reports.approvals.hint')}
              testId="section-approvals"
              actions={<CsvButton report="approvals" filters={filters} />}
            >
              <SortableTable
                columns={columns.approvals}
                rows={data.approvals ?? []}
                rowKey={(r) => `${r.group}/${r.approver ?? ''}`}
                testId="table-approvals"
                initialSort={{ id: 'group', dir: 'asc' }}
                rowClass={(r) => (r.approver === null ? 'total-row' : undefined)}
              />
            </ReportSection>
            <ReportSection
              title={t('reports.workload.title')}
              hint={t('reports.workload.hint')}
              testId="section-workload"
              actions={<CsvButton report="workload" filters={filters} />}
            >
              <SortableTable
                columns={columns.workload}
                rows={data.workload ?? []}
                rowKey={(r) => r.username}
                testId="table-workload"
                initialSort={{ id: 'assigned', dir: 'desc' }}
              />
            </ReportSection>
          </div>
          <PeopleReports
            filters={filters}
            team={data.team}
            satisfaction={data.satisfaction}
            workflowNames={workflowNames}
          />
        </>
      )}
    </main>
  );
}
