import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvButton } from './CsvButton';
import { satisfactionColumns, teamColumns, formatRating } from './people-tables';
import { formatPercent } from './report-format';
import type { ReportFilterState } from './report-filters';
import { ReportSection } from './ReportSection';
import type { SatisfactionRow, TeamRow } from '@ticketflow/contract';
import { SortableTable } from './SortableTable';

const DIMENSIONS: SatisfactionRow['dimension'][] = ['workflow', 'agent', 'channel', 'period'];
const SCOPES: TeamRow['scope'][] = ['agent', 'group'];

/**
 * The reports about people (issue 21): team performance per agent or group
 * (a manager's own team only — the server decides), and satisfaction by
 * workflow, agent, channel or month with the response rate.
 */
export function PeopleReports({
  filters,
  team,
  satisfaction,
  workflowNames,
}: {
  filters: ReportFilterState;
  team?: TeamRow[];
  satisfaction?: SatisfactionRow[];
  workflowNames: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const [scope, setScope] = useState<TeamRow['scope']>('agent');
  const [dimension, setDimension] = useState<SatisfactionRow['dimension']>('workflow');
  const language = i18n.language;
  const columns = useMemo(
    () => ({
      team: teamColumns(t, language, scope),
      satisfaction: satisfactionColumns(t, dimension, workflowNames),
    }),
    [t, language, scope, dimension, workflowNames],
  );
  const total = satisfaction?.find((row) => row.dimension === 'all');

  return (
    <div className="report-section--people">
      <ReportSection
        wide
        title={t('reports.team.title')}
        hint={t('reports.team.hint')}
        testId="section-team"
        actions={
          <>
            <Segmented
              options={SCOPES}
              value={scope}
              onChange={setScope}
              label={(s) => t(`reports.team.scopes.${s}`)}
              group={t('reports.team.by')}
              testId="team-scope"
            />
            <CsvButton report="team" filters={filters} />
          </>
        }
      >
        <SortableTable
          columns={columns.team}
          rows={(team ?? []).filter((row) => row.scope === scope)}
          rowKey={(r) => `${r.scope}/${r.key}`}
          testId="table-team"
          initialSort={{ id: 'steps', dir: 'desc' }}
        />
      </ReportSection>
      <ReportSection
        wide
        title={t('reports.satisfaction.title')}
        hint={t('reports.satisfaction.hint')}
        testId="section-satisfaction"
        actions={
          <>
            <Segmented
              options={DIMENSIONS}
              value={dimension}
              onChange={setDimension}
              label={(d) => t(`reports.satisfaction.dimensions.${d}`)}
              group={t('reports.satisfaction.by')}
              testId="satisfaction-dimension"
            />
            <CsvButton report="satisfaction" filters={filters} />
          </>
        }
      >
        {total && (
          <p className="satisfaction-total" data-testid="satisfaction-total">
            {t('reports.satisfaction.total', {
              answered: total.answered,
              asked: total.asked,
              rate: formatPercent(total.responseRate),
              rating: formatRating(total.avgRating),
            })}
          </p>
        )}
        <SortableTable
          columns={columns.satisfaction}
          rows={(satisfaction ?? []).filter((row) => row.dimension === dimension)}
          rowKey={(r) => `${r.dimension}/${r.key}`}
          testId="table-satisfaction"
          initialSort={{ id: 'key', dir: dimension === 'period' ? 'desc' : 'asc' }}
        />
      </ReportSection>
    </div>
  );
}

function Segmented<Value extends string>({
  options,
  value,
  onChange,
  label,
  group,
  testId,
}: {
  options: Value[];
  value: Value;
  onChange: (value: Value) => void;
  label: (value: Value) => string;
  group: string;
  testId: string;
}) {
  return (
    <div className="segmented" role="group" aria-label={group}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className={option === value ? 'active' : undefined}
          aria-pressed={option === value}
          onClick={() => onChange(option)}
          data-testid={`${testId}-${option}`}
        >
          {label(option)}
        </button>
      ))}
    </div>
  );
}
