import { describe, expect, it } from 'vitest';
import { durationToMillis, explainDurationProblem, parseIsoDuration } from './iso-duration.js';

describe('parseIsoDuration', () => {
  it('parses every part', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
  });

  it.each(['PT48H', 'P2D', 'P1W', 'PT30M', 'PT1,5S', 'P1DT12H'])('accepts %s', (text) => {
    expect(parseIsoDuration(text)).not.toBeNull();
  });

  it.each([
    '',
    'P',
    'PT',
    '48H',
    'PT-1H',
    'P1.5D',
    'PT1H30',
    'pt1h',
    'P1DT',
    'PT1234567H',
    `P${'1'.repeat(70)}D`,
  ])('rejects %j', (text) => {
    expect(parseIsoDuration(text)).toBeNull();
  });
});

describe('durationToMillis', () => {
  it('counts days as 24 hours and weeks as 7 days', () => {
    expect(durationToMillis('PT48H')).toBe(48 * 3_600_000);
    expect(durationToMillis('P2D')).toBe(48 * 3_600_000);
    expect(durationToMillis('P1W')).toBe(7 * 24 * 3_600_000);
    expect(durationToMillis('PT1M30.5S')).toBe(90_500);
  });

  it('refuses years and months, which have no fixed length', () => {
    expect(durationToMillis('P1M')).toBeNull();
    expect(durationToMillis('P1Y')).toBeNull();
    expect(durationToMillis('nonsense')).toBeNull();
  });
});

describe('explainDurationProblem', () => {
  it('accepts positive durations and explains the rest', () => {
    expect(explainDurationProblem('PT4H')).toBeNull();
    expect(explainDurationProblem('PT0S')).toContain('zero');
    expect(explainDurationProblem('P1M')).toContain('months');
    expect(explainDurationProblem('4h')).toContain('ISO-8601');
    expect(explainDurationProblem(4)).toContain('ISO-8601');
  });
});
