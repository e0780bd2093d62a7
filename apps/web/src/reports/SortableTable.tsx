import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface TableColumn<Row> {
  id: string;
  label: string;
  /** What the column sorts by. */
  sortValue: (row: Row) => number | string | null;
  /** What the cell shows (default: the sort value). */
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
}

interface Props<Row> {
  columns: TableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  testId: string;
  initialSort?: { id: string; dir: 'asc' | 'desc' };
  rowClass?: (row: Row) => string | undefined;
}

/** Orders rows by one column; nulls always last. Pure. */
export function sortRows<Row>(
  rows: readonly Row[],
  column: TableColumn<Row> | undefined,
  dir: 'asc' | 'desc',
): Row[] {
  if (!column) return [...rows];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return String(x).localeCompare(String(y)) * sign;
  });
}

/** A report table: click a header to sort by it, click again to reverse. */
export function SortableTable<Row>({ columns, rows, rowKey, testId, initialSort, rowClass }: Props<Row>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initialSort ?? { id: columns[0]?.id ?? '', dir: 'asc' as const });
  const sorted = useMemo(
    () =>
      sortRows(
        rows,
        columns.find((c) => c.id === sort.id),
        sort.dir,
      ),
    [rows, columns, sort],
  );
  const toggle = (id: string, numeric?: boolean) =>
    setSort((current) =>
      current.id === id
        ? { id, dir: current.dir === 'asc' ? 'desc' : 'asc' }
        : { id, dir: numeric ? 'desc' : 'asc' },
    );
  if (rows.length === 0)
    return (
      <p className="muted report-empty" data-testid={`${testId}-empty`}>
        {t('reports.noData')}
      </p>
    );
  return (
    <div className="report-table-wrap">
      <table className="table report-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.id}
                className={column.numeric ? 'num' : undefined}
                aria-sort={sort.id === column.id ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => toggle(column.id, column.numeric)}
                  data-testid={`${testId}-sort-${column.id}`}
                >
                  {column.label}
                  <span className="sort-mark" aria-hidden>
                    {sort.id === column.id ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} className={rowClass?.(row)}>
              {columns.map((column) => (
                <td key={column.id} className={column.numeric ? 'num' : undefined}>
                  {column.render ? column.render(row) : (column.sortValue(row) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
