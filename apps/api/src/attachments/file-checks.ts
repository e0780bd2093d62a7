import { fileTypeFromBuffer } from 'file-type';

/** A file name safe to store and to send back in Content-Disposition. */
export interface CheckedName {
  name: string;
}

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_NAME = 120;

/**
 * The last path segment of `raw`, without control characters, bidi overrides,
 * characters that file systems or headers treat specially, leading dots
 * (hidden files, `..`) and reserved device names; cut to 120 characters with
 * the extension kept. Returns null when nothing usable is left. Pure.
 */
export function sanitizeFileName(raw: string): string | null {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*;]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (name === '' || RESERVED_WINDOWS.test(name)) return null;
  if ([...name].length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = [...name].slice(0, MAX_NAME - extension.length).join('') + extension;
  }
  return name;
}

/** The type detected in the bytes; `text/plain` / `text/csv` for UTF-8 text without NUL. */
export interface DetectedType {
  mime: string;
  extension: string;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The content type of `bytes` decided by their content (magic numbers, via
 * `file-type`), never by the name or the client's Content-Type; valid UTF-8
 * without NUL bytes counts as text (CSV when the name says `.csv`). Null when
 * nothing is recognised. Pure.
 */
export async function detectContentType(bytes: Uint8Array, name: string): Promise<DetectedType | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return { mime: found.mime, extension: found.ext };
  if (bytes.length > 0 && looksLikeText(bytes))
    return /\.csv$/i.test(name)
      ? { mime: 'text/csv', extension: 'csv' }
      : { mime: 'text/plain', extension: 'txt' };
  return null;
}

/**
 * A header value for a download: `attachment` with an ASCII fallback name
 * and the UTF-8 name (RFC 6266 / 8187), so Chinese names survive and no
 * quote or newline can break out of the header. Pure.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
