import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatRating, satisfactionColumns, teamColumns } from './people-tables';

const t = ((key: string) => key) as unknown as TFunction;

describe('people report tables', () => {
  it('formats a mean rating with one decimal and a star, or a dash', () => {
    expect(formatRating(4.5)).toBe('4.5 ★');
    expect(formatRating(4)).toBe('4.0 ★');
    expect(formatRating(null)).toBe('—');
  });

  it('names satisfaction rows by workflow name when known, and sorts by the numbers', () => {
    const [name, asked, , rate] = satisfactionColumns(t, 'workflow', {
      'refund-approval': 'Refund approval',
    });
    const row = {
      dimension: 'workflow',
      key: 'refund-approval',
      label: 'refund-approval',
      asked: 4,
      answered: 1,
      responseRate: 0.25,
      avgRating: 3,
      rating1: 0,
      rating2: 0,
      rating3: 1,
      rating4: 0,
      rating5: 0,
    } as const;
    expect(name?.render?.(row)).toBe('Refund approval');
    expect(asked?.sortValue(row)).toBe(4);
    expect(rate?.render?.(row)).toBe('25%');
  });

  it('labels team rows by person or by group', () => {
    const row = {
      scope: 'group',
      key: '(named)',
      name: '(named)',
      ticketsHandled: 1,
      stepsCompleted: 2,
      medianHandlingMs: 90_000,
      slaSteps: 0,
      slaMet: 0,
      slaCompliance: null,
      reopenedSteps: 0,
      reopenRate: 0,
      ratings: 0,
      avgRating: null,
    } as const;
    const columns = teamColumns(t, 'en', 'group');
    expect(columns[0]?.render?.(row)).toBe('reports.team.named');
    expect(columns.find((column) => column.id === 'median')?.render?.(row)).toBe('1m 30s');
  });
});
