// Control characters other than tab and line breaks (PostgreSQL refuses NUL; the rest is noise in a title).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text of an e-mail as PostgreSQL can store it: no NUL or other control characters, no lone surrogates, at most `max` characters. Pure. */
export function cleanMailText(text: string | undefined, max: number): string {
  return (text ?? '').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD').slice(0, max);
}
