import { describe, expect, it } from 'vitest';
import { findBadText, isBadText } from './text-guard.js';

describe('bad text', () => {
  it('finds NUL and unpaired surrogates but passes real emoji and Chinese', () => {
    expect(isBadText('a\u0000b')).toBe(true);
    expect(isBadText('a\uD800')).toBe(true);
    expect(isBadText('\uDC00a')).toBe(true);
    expect(isBadText('退款 😀 ok')).toBe(false);
  });

  it('names the field, keys included, deep in a body', () => {
    expect(findBadText({ title: 'ok', fields: { note: ['x', 'a\u0000'] } }, 'body')).toBe(
      'body.fields.note.1',
    );
    expect(findBadText({ ['k\uD800']: 1 }, 'body')).toBe('body.k\uD800');
    expect(findBadText({ q: 'fine' }, 'query')).toBeUndefined();
    expect(findBadText(undefined, 'body')).toBeUndefined();
  });
});
