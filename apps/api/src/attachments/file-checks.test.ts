import { describe, expect, it } from 'vitest';
import { contentDisposition, detectContentType, sanitizeFileName } from './file-checks.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('sanitizeFileName', () => {
  it('keeps only the last segment of a path that tries to climb out', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..\\..\\windows\\system32\\cmd.exe')).toBe('cmd.exe');
  });

  it('drops control and bidi characters, leading dots and header-breaking characters', () => {
    expect(sanitizeFileName('.htaccess')).toBe('htaccess');
    expect(sanitizeFileName('invoice\u202egpj.exe')).toBe('invoicegpj.exe');
    expect(sanitizeFileName('a"b\r\nc;d.pdf')).toBe('a_bc_d.pdf');
  });

  it('refuses names that leave nothing or name a device', () => {
    expect(sanitizeFileName('..')).toBeNull();
    expect(sanitizeFileName('   ')).toBeNull();
    expect(sanitizeFileName('CON.txt')).toBeNull();
  });

  it('keeps Chinese names and cuts long ones with the extension kept', () => {
    expect(sanitizeFileName('发票 2026.pdf')).toBe('发票 2026.pdf');
    const long = sanitizeFileName(`${'x'.repeat(300)}.pdf`)!;
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('detectContentType', () => {
  it('decides by the bytes, not the name', async () => {
    expect(await detectContentType(PNG, 'receipt.pdf')).toEqual({ mime: 'image/png', extension: 'png' });
    expect(await detectContentType(Buffer.from('%PDF-1.7\n'), 'x.png')).toMatchObject({
      mime: 'application/pdf',
    });
  });

  it('reads UTF-8 text as text and binary garbage as unknown', async () => {
    expect(await detectContentType(Buffer.from('a,b\n1,2\n'), 'data.csv')).toMatchObject({
      mime: 'text/csv',
    });
    expect(await detectContentType(Buffer.from('收据'), 'note.txt')).toMatchObject({ mime: 'text/plain' });
    expect(await detectContentType(Buffer.from([0x13, 0x00, 0xff, 0xfe, 0x07]), 'a.txt')).toBeNull();
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('收据 "1".png')).toBe(
      `attachment; filename="__ _1_.png"; filename*=UTF-8''%E6%94%B6%E6%8D%AE%20%221%22.png`,
    );
  });
});
