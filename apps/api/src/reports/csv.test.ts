import { describe, expect, it } from 'vitest';
import { columnsOf, csvCell, toCsv } from './csv.js';

describe('CSV export', () => {
  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps numbers, empties nulls, writes dates as ISO-8601 and lists joined', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(new Date('2026-03-02T08:00:00Z'))).toBe('2026-03-02T08:00:00.000Z');
    expect(csvCell(['agent', 'finance'])).toBe('agent; finance');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes a BOM, a header line and CRLF rows', () => {
    const rows = [
      { node: 'Review, first', p50: 1000 },
      { node: 'Done', p50: null },
    ];
    expect(toCsv(columnsOf<(typeof rows)[number]>(['node', 'p50']), rows)).toBe(
      '\uFEFFnode,p50\r\n"Review, first",1000\r\nDone,\r\n',
    );
  });
});
