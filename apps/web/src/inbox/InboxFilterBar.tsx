import { useTranslation } from 'react-i18next';
import {
  countFacet,
  DUE_BUCKETS,
  FILTER_DIMENSIONS,
  type FilterDimension,
  type InboxFilters,
} from './inbox-model';
import type { Task } from '@ticketflow/contract';

interface Props {
  tasks: readonly Task[];
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
  now: number;
  workflowNames: ReadonlyMap<string, string>;
}

const FIXED_VALUES: Partial<Record<FilterDimension, readonly string[]>> = {
  priority: ['urgent', 'high', 'normal', 'low'],
  kind: ['approval', 'task'],
  due: DUE_BUCKETS,
};

/** One select per filter; every option says how many tasks it would show under the other filters. */
export function InboxFilterBar({ tasks, filters, onChange, now, workflowNames }: Props) {
  const { t } = useTranslation();
  const label = (dimension: FilterDimension, value: string) => {
    switch (dimension) {
      case 'workflowKey':
        return workflowNames.get(value) ?? value;
      case 'priority':
        return t(`tickets.priority.${value}`);
      case 'kind':
        return t(`inbox.kind.${value}`);
      default:
        return t(`inbox.due.${value}`);
    }
  };
  const active = FILTER_DIMENSIONS.some((d) => filters[d] !== undefined);
  return (
    <div className="inbox-filters" data-testid="inbox-filters">
      {FILTER_DIMENSIONS.map((dimension) => {
        const counts = countFacet(tasks, filters, dimension, now);
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        const values =
          FIXED_VALUES[dimension] ??
          [...new Set([...counts.keys(), ...(filters[dimension] ? [filters[dimension]] : [])])].sort();
        return (
          <label key={dimension}>
            {t(`inbox.filters.${dimension}`)}
            <select
              value={filters[dimension] ?? ''}
              data-testid={`filter-${dimension}`}
              onChange={(e) => onChange({ ...filters, [dimension]: e.target.value || undefined })}
            >
              <option value="">{t('inbox.filters.all', { count: total })}</option>
              {values.map((value) => (
                <option key={value} value={value} data-count={counts.get(value) ?? 0}>
                  {t('inbox.filters.option', {
                    label: label(dimension, value),
                    count: counts.get(value) ?? 0,
                  })}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {active && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({})}
          data-testid="filters-clear"
        >
          {t('inbox.filters.clear')}
        </button>
      )}
    </div>
  );
}
