import { describe, expect, it } from 'vitest';
import { ageOf, formatDuration, formatPercent } from './report-format';
import { heatColour, heatLegend, hottest, HEAT_COLOURS, NO_DATA_COLOUR } from './heat-scale';
import { defaultFilters, toQueryString } from './report-filters';
import { filenameOf } from './reports.api';

describe('report formatting', () => {
  it('shows durations in their two largest units', () => {
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000)).toBe('2d 4h');
    expect(formatDuration(5_400_000)).toBe('1h 30m');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(20)).toBe('<1s');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(5_400_000, 'zh')).toBe('1小时30分');
  });

  it('shows rates as percentages and ages from ISO times', () => {
    expect(formatPercent(0.6667)).toBe('66.7%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
    expect(ageOf('2026-03-02T08:00:00Z', Date.parse('2026-03-02T10:00:00Z'))).toBe(7_200_000);
    expect(ageOf(null)).toBeNull();
  });
});

describe('heat scale', () => {
  it('colours from cool to hot and leaves nodes without data neutral', () => {
    expect(heatColour(0, 100)).toBe(HEAT_COLOURS[0]);
    expect(heatColour(100, 100)).toBe(HEAT_COLOURS[HEAT_COLOURS.length - 1]);
    expect(heatColour(50, 100)).toBe(HEAT_COLOURS[3]);
    expect(heatColour(null, 100)).toBe(NO_DATA_COLOUR);
    expect(heatColour(5, 0)).toBe(NO_DATA_COLOUR);
    expect(heatLegend(60).map((stop) => stop.from)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('finds the bottleneck', () => {
    expect(
      hottest(
        [
          { id: 'a', v: 1 },
          { id: 'b', v: 9 },
          { id: 'c', v: null },
        ],
        (x) => x.v,
      )?.id,
    ).toBe('b');
    expect(hottest([{ v: null }], (x) => x.v)).toBeUndefined();
  });
});

describe('report filters', () => {
  it('starts with the last 30 days and sends only what is set', () => {
    const filters = defaultFilters(new Date('2026-03-31T12:00:00Z'));
    expect(filters.from).toBe('2026-03-02');
    expect(filters.to).toBe('2026-03-31');
    expect(toQueryString(filters)).toBe('?from=2026-03-02&to=2026-03-31');
    expect(toQueryString({ ...filters, version: '2' })).toBe('?from=2026-03-02&to=2026-03-31');
    expect(toQueryString({ ...filters, workflowKey: 'refund-approval', version: '2', format: 'csv' })).toBe(
      '?workflowKey=refund-approval&version=2&from=2026-03-02&to=2026-03-31&format=csv',
    );
  });

  it('reads the CSV file name from Content-Disposition', () => {
    expect(filenameOf('attachment; filename="ticketflow-sla-2026-03-02.csv"', 'x.csv')).toBe(
      'ticketflow-sla-2026-03-02.csv',
    );
    expect(filenameOf(null, 'x.csv')).toBe('x.csv');
  });
});
