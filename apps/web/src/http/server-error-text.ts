import type { TFunction } from 'i18next';

/**
 * Turns an API error `{ code, message, details }` into a sentence in the
 * user's language: `serverErrors.<code>` with parameters taken from the
 * details (field names, a retry delay, a path). A code without a
 * translation falls back to the server's (English) message with its code, so
 * nothing is ever hidden. Pure.
 */
export function serverErrorText(
  t: TFunction,
  exists: (key: string) => boolean,
  code: string,
  message: string,
  details?: unknown,
): string {
  const key = `serverErrors.${code}`;
  if (!exists(key)) return t('serverErrors.unknown', { code, message });
  return t(key, { ...errorParams(details), message, code });
}

function errorParams(details: unknown): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (Array.isArray(details)) {
    const fields = details
      .map((d) => (d && typeof d === 'object' && 'field' in d ? String((d as { field: unknown }).field) : ''))
      .filter(Boolean);
    params.fields = [...new Set(fields)].join(', ');
    const problems = details.filter((d) => typeof d === 'string');
    if (problems.length) params.problems = problems.join('; ');
    return params;
  }
  if (details && typeof details === 'object') {
    for (const [name, value] of Object.entries(details)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
    if (typeof params.retryAfterSeconds === 'number') params.seconds = params.retryAfterSeconds;
  }
  params.fields ??= '';
  params.problems ??= '';
  return params;
}
