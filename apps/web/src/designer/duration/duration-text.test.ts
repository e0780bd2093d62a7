import { describe, expect, it } from 'vitest';
import { formatDuration, parseDurationText, partsFromIso } from './duration-text';

describe('parseDurationText', () => {
  it.each([
    ['4 hours', 'PT4H', false],
    ['2 business days', 'P2D', true],
    ['1 day 6 hours', 'P1DT6H', false],
    ['90 min', 'PT90M', false],
    ['2h', 'PT2H', false],
    ['1 week', 'P1W', false],
    ['3 working hours', 'PT3H', true],
    ['PT4H', 'PT4H', false],
    ['p2d', 'P2D', false],
    ['4 小时', 'PT4H', false],
    ['3 个工作日', 'P3D', true],
    ['2 days, 3 hours and 5 minutes', 'P2DT3H5M', false],
  ])('reads %s as %s', (text, after, businessHours) => {
    expect(parseDurationText(text)).toEqual({ after, businessHours });
  });

  it.each(['', 'soon', '4', 'hours 4', '0 hours', 'four hours', 'P', 'PT'])('rejects %j', (text) => {
    expect(parseDurationText(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('writes durations in words', () => {
    expect(formatDuration('PT4H')).toBe('4 hours');
    expect(formatDuration('P1D')).toBe('1 day');
    expect(formatDuration('P2D', true)).toBe('2 business days');
    expect(formatDuration('P1DT30M')).toBe('1 day 30 minutes');
  });

  it('writes Chinese', () => {
    expect(formatDuration('PT4H', false, 'zh')).toBe('4 个小时');
    expect(formatDuration('P2D', true, 'zh')).toBe('2 个工作日');
  });

  it('falls back to the ISO text it cannot read', () => {
    expect(formatDuration('P1Y')).toBe('P1Y');
  });

  it('round-trips through the parser', () => {
    for (const [after, bh] of [
      ['PT4H', false],
      ['P2D', true],
      ['P1WT2H', false],
      ['PT45M', true],
    ] as const) {
      expect(parseDurationText(formatDuration(after, bh))).toEqual({ after, businessHours: bh });
    }
  });
});

describe('partsFromIso', () => {
  it('refuses zero and malformed durations', () => {
    expect(partsFromIso('PT0H')).toBeNull();
    expect(partsFromIso('4 hours')).toBeNull();
  });
});
