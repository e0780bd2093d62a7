import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/errors/domain-error.js';
import { cohortSql, resolveFilters, SqlParams } from './report-filters.js';
import { trendRange } from './trend-report.js';

describe('report filters', () => {
  it('reads a date alone as a UTC day and makes `to` include that day', () => {
    const filters = resolveFilters({ from: '2026-03-01', to: '2026-03-31' });
    expect(filters.from?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(filters.to?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(resolveFilters({ to: '2026-03-31T12:00:00Z' }).to?.toISOString()).toBe('2026-03-31T12:00:00.000Z');
  });

  it("reads a date alone as a day in the organisation's time zone", () => {
    const shanghai = resolveFilters({ from: '2026-03-01', to: '2026-03-31' }, 'Asia/Shanghai');
    expect(shanghai.from?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(shanghai.to?.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    // Berlin's 29 March 2026 has 23 hours: `to` is the next local midnight, not 24 h later.
    expect(resolveFilters({ to: '2026-03-29' }, 'Europe/Berlin').to?.toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(() => resolveFilters({ from: '2026-02-30' }, 'Asia/Shanghai')).toThrow(/from is not a real date/);
  });

  it('refuses a version without a workflow and a range that ends before it starts', () => {
    expect(() => resolveFilters({ version: 2 })).toThrow(DomainError);
    expect(() => resolveFilters({ from: '2026-03-02', to: '2026-03-01' })).toThrow(
      /from \(2026-03-02\) must be before to/,
    );
  });

  it('builds the cohort with placeholders only, never the values', () => {
    const params = new SqlParams();
    const sql = cohortSql(
      { workflowKey: "x'; DROP TABLE tickets; --", channel: 'web', group: 'finance', timeZone: 'UTC' },
      params,
    );
    expect(sql).not.toContain('DROP');
    expect(sql).toContain('t.workflow_key = $1');
    expect(sql).toContain('candidate_role = $3');
    expect(params.values).toEqual(["x'; DROP TABLE tickets; --", 'web', 'finance']);
    expect(cohortSql({ timeZone: 'UTC' }, new SqlParams())).toMatch(/WHERE true$/);
  });

  it('defaults a trend to the last 30 days and refuses more than two years', () => {
    const range = trendRange({ timeZone: 'UTC' }, new Date('2026-03-15T10:00:00Z'));
    expect(range.to.toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(range.from.toISOString()).toBe('2026-02-14T00:00:00.000Z');
    expect(() =>
      trendRange({ from: new Date('2020-01-01'), to: new Date('2026-01-01'), timeZone: 'UTC' }, new Date()),
    ).toThrow(/at most 731 days/);
  });

  it("ends a default trend at the end of today in the organisation's zone", () => {
    // 20:00 UTC on 15 March is already 16 March in Shanghai.
    const range = trendRange({ timeZone: 'Asia/Shanghai' }, new Date('2026-03-15T20:00:00Z'));
    expect(range.to.toISOString()).toBe('2026-03-16T16:00:00.000Z');
    expect(range.from.toISOString()).toBe('2026-02-14T16:00:00.000Z');
  });
});
