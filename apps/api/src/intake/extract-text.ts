/**
 * Safe extraction from free text: a fixed set of extractors, each a linear
 * scan (no regular expressions from users, so no ReDoS). Names:
 *
 * - `order-number` — the code after "order number", "order no", "order #", "order id",
 *   "order", "订单号", "订单编号" or "订单" (letters, digits, `-`, `_`; 4–40 long, with a digit)
 * - `tracking-number` — the same after "tracking number", "tracking no", "tracking",
 *   "waybill", "运单号", "物流单号", "快递单号" or "运单"
 * - `number-after:<label>` — the first number after the label (`6,200.50` → 6200.5)
 * - `word-after:<label>` — the code after the label (as order-number, any label)
 * - `text-after:<label>` — the rest of the label's line, trimmed (up to 200 characters)
 * - `email` — the first e-mail address
 *
 * Labels match case-insensitively; `:`, `：`, `#`, `=`, `是`, `为` and spaces after them are skipped.
 */
export const EXTRACTORS = [
  'order-number',
  'tracking-number',
  'number-after:<label>',
  'word-after:<label>',
  'text-after:<label>',
  'email',
] as const;

const MAX_TEXT = 20_000;
const MAX_LABEL = 40;
const ORDER_LABELS = [
  'order number',
  'order no.',
  'order no',
  'order #',
  'order id',
  '订单编号',
  '订单号',
  '订单',
  'order',
];
const TRACKING_LABELS = [
  'tracking number',
  'tracking no.',
  'tracking no',
  'tracking #',
  'tracking',
  'waybill',
  '物流单号',
  '快递单号',
  '运单号',
  '运单',
];
const SEPARATORS = new Set([' ', '\t', ':', '：', '#', '=', '是', '为', '\u00a0']);

/** Checks an extractor name; returns an error message or undefined. Pure. */
export function checkExtractor(name: string): string | undefined {
  if (name === 'order-number' || name === 'tracking-number' || name === 'email') return undefined;
  const colon = name.indexOf(':');
  const kind = colon < 0 ? name : name.slice(0, colon);
  if (kind === 'number-after' || kind === 'word-after' || kind === 'text-after') {
    const label = name.slice(colon + 1);
    if (colon < 0 || label.trim() === '') return `"${kind}" needs a label: ${kind}:<label>`;
    if (label.length > MAX_LABEL) return `the label of "${kind}" may be at most ${MAX_LABEL} characters`;
    return undefined;
  }
  return `"${name.slice(0, 60)}" is not an extractor; use one of ${EXTRACTORS.join(', ')}`;
}

/**
 * Runs one extractor over a text; undefined when nothing is found. Linear in
 * the text (capped at 20,000 characters). Pure.
 */
export function extractFromText(extractor: string, input: string): string | number | undefined {
  const text = input.slice(0, MAX_TEXT);
  if (extractor === 'order-number') return codeAfterAny(text, ORDER_LABELS);
  if (extractor === 'tracking-number') return codeAfterAny(text, TRACKING_LABELS);
  if (extractor === 'email') return firstEmail(text);
  const colon = extractor.indexOf(':');
  const kind = extractor.slice(0, colon);
  const label = extractor.slice(colon + 1);
  if (colon < 0 || label === '' || label.length > MAX_LABEL) return undefined;
  if (kind === 'word-after') return codeAfterAny(text, [label]);
  if (kind === 'number-after') return afterLabel(text, label, readNumber);
  if (kind === 'text-after') return afterLabel(text, label, readLine);
  return undefined;
}

function isCodeChar(ch: string): boolean {
  return /^[A-Za-z0-9_-]$/.test(ch);
}

/** The first occurrence of any label followed by a valid value; labels tried at each position, longest first. */
function codeAfterAny(text: string, labels: string[]): string | undefined {
  const lower = text.toLowerCase();
  const sorted = [...labels].map((l) => l.toLowerCase()).sort((a, b) => b.length - a.length);
  for (let at = 0; at < lower.length; at += 1) {
    for (const label of sorted) {
      if (!lower.startsWith(label, at)) continue;
      const code = readCode(text, at + label.length);
      if (code !== undefined) return code;
    }
  }
  return undefined;
}

function afterLabel<T>(
  text: string,
  label: string,
  read: (text: string, from: number) => T | undefined,
): T | undefined {
  const lower = text.toLowerCase();
  const needle = label.toLowerCase();
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    const value = read(text, at + needle.length);
    if (value !== undefined) return value;
  }
  return undefined;
}

function skipSeparators(text: string, from: number): number {
  let at = from;
  while (at < text.length && at - from < 10 && SEPARATORS.has(text[at] as string)) at += 1;
  return at;
}

function readCode(text: string, from: number): string | undefined {
  const start = skipSeparators(text, from);
  let end = start;
  while (end < text.length && end - start <= 40 && isCodeChar(text[end] as string)) end += 1;
  const code = text.slice(start, end);
  return code.length >= 4 && code.length <= 40 && /\d/.test(code) ? code : undefined;
}

function readNumber(text: string, from: number): number | undefined {
  let at = skipSeparators(text, from);
  while (at < text.length && at - from < 16 && '¥￥$€£ '.includes(text[at] as string)) at += 1;
  let digits = '';
  for (; at < text.length && digits.length < 32; at += 1) {
    const ch = text[at] as string;
    if (ch >= '0' && ch <= '9') digits += ch;
    else if ((ch === ',' || ch === '，') && /[0-9]/.test(text[at + 1] ?? '')) continue;
    else if (ch === '.' && !digits.includes('.') && digits !== '' && /[0-9]/.test(text[at + 1] ?? ''))
      digits += ch;
    else break;
  }
  if (digits === '') return undefined;
  const value = Number(digits);
  return Number.isFinite(value) ? value : undefined;
}

function readLine(text: string, from: number): string | undefined {
  const start = skipSeparators(text, from);
  let end = start;
  while (end < text.length && end - start < 200 && text[end] !== '\n' && text[end] !== '\r') end += 1;
  const line = text.slice(start, end).trim();
  return line === '' ? undefined : line;
}

function firstEmail(text: string): string | undefined {
  const local = (ch: string) => /^[A-Za-z0-9._%+-]$/.test(ch);
  const domain = (ch: string) => /^[A-Za-z0-9.-]$/.test(ch);
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && local(text[start - 1] as string)) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at < 255 && domain(text[end] as string)) end += 1;
    const host = text.slice(at + 1, end).replace(/\.+$/, '');
    if (start < at && host.includes('.')) return `${text.slice(start, at)}@${host}`;
  }
  return undefined;
}
