import { describe, expect, it } from 'vitest';
import { formatCountdown } from './countdown';

const units = { d: 'd', h: 'h', m: 'm', s: 's' };
const now = Date.parse('2026-11-24T10:00:00Z');
const at = (ms: number) => now + ms;

describe('formatCountdown', () => {
  it('shows days and hours when more than a day is left', () => {
    expect(formatCountdown(at((2 * 24 + 4) * 3_600_000 + 59_000), now, units)).toEqual({
      text: '2d 4h',
      level: 'ok',
      overdue: false,
    });
  });

  it('shows hours and padded minutes, "soon" under 8 hours', () => {
    expect(formatCountdown(at(3 * 3_600_000 + 5 * 60_000), now, units)).toEqual({
      text: '3h 05m',
      level: 'soon',
      overdue: false,
    });
  });

  it('shows minutes and seconds under an hour, marked urgent', () => {
    expect(formatCountdown(at(4 * 60_000 + 9_000), now, units)).toEqual({
      text: '4m 09s',
      level: 'urgent',
      overdue: false,
    });
  });

  it('counts time past due as overdue', () => {
    expect(formatCountdown('2026-11-24T08:30:00Z', now, units)).toEqual({
      text: '1h 30m',
      level: 'overdue',
      overdue: true,
    });
    expect(formatCountdown(now, now, units).overdue).toBe(true);
  });

  it("uses the language's units", () => {
    expect(formatCountdown(at(26 * 3_600_000), now, { d: '天', h: '小时', m: '分', s: '秒' }).text).toBe(
      '1天 2小时',
    );
  });
});
