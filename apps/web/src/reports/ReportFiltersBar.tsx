import { useTranslation } from 'react-i18next';
import { roleLabel } from '../i18n/labels';
import type { ReportFilterState } from './report-filters';
import type { ReportOptions } from '@ticketflow/contract';

interface Props {
  filters: ReportFilterState;
  options: ReportOptions | undefined;
  onChange: (next: ReportFilterState) => void;
}

/** Workflow, version, date range, channel, priority and group; every change reloads the reports. */
export function ReportFiltersBar({ filters, options, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ReportFilterState>) => onChange({ ...filters, ...patch });
  const versions = options?.workflows.find((w) => w.key === filters.workflowKey)?.versions ?? [];
  return (
    <form
      className="report-filters card"
      data-testid="report-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <label>
        {t('reports.filters.workflow')}
        <select
          value={filters.workflowKey}
          onChange={(e) => set({ workflowKey: e.target.value, version: '' })}
          data-testid="filter-workflow"
        >
          <option value="">{t('reports.filters.all')}</option>
          {options?.workflows.map((w) => (
            <option key={w.key} value={w.key}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.filters.version')}
        <select
          value={filters.version}
          onChange={(e) => set({ version: e.target.value })}
          disabled={!filters.workflowKey}
          data-testid="filter-version"
        >
          <option value="">{t('reports.filters.allVersions')}</option>
          {versions.map((v) => (
            <option key={v} value={String(v)}>
              {t('reports.versionTag', { version: v })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.filters.from')}
        <input
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => set({ from: e.target.value })}
          data-testid="filter-from"
        />
      </label>
      <label>
        {t('reports.filters.to')}
        <input
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
          data-testid="filter-to"
        />
      </label>
      <label>
        {t('reports.filters.channel')}
        <select
          value={filters.channel}
          onChange={(e) => set({ channel: e.target.value })}
          data-testid="filter-channel"
        >
          <option value="">{t('reports.filters.all')}</option>
          {options?.channels.map((c) => (
            <option key={c} value={c}>
              {t(`reports.channels.${c}`, { defaultValue: c })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.filters.priority')}
        <select
          value={filters.priority}
          onChange={(e) => set({ priority: e.target.value })}
          data-testid="filter-priority"
        >
          <option value="">{t('reports.filters.all')}</option>
          {options?.priorities.map((p) => (
            <option key={p} value={p}>
              {t(`reports.priorities.${p}`, { defaultValue: p })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.filters.group')}
        <select
          value={filters.group}
          onChange={(e) => set({ group: e.target.value })}
          data-testid="filter-group"
        >
          <option value="">{t('reports.filters.all')}</option>
          {options?.groups.map((g) => (
            <option key={g.name} value={g.name}>
              {roleLabel(t, g.name, g.label)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
