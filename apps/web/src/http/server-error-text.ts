import type { TFunction } from 'i18next';
import { isCodedProblem, problemField, problemsText } from './problem-text';

/**
 * Turns an API error `{ code, message, details }` into a sentence in the
 * user's language: `serverErrors.<code>` with parameters taken from the
 * details (`fields`, `problems` — each refusal said from its code and values,
 * a retry delay, a path). A code without a
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
  return t(key, { ...errorParams(t, exists, details), message, code });
}

function errorParams(
  t: TFunction,
  exists: (key: string) => boolean,
  details: unknown,
): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (Array.isArray(details)) {
    const coded = details.filter(isCodedProblem);
    const fields = coded.map((d) => (d.field ? problemField(t, exists, d.field) : '')).filter(Boolean);
    params.fields = [...new Set(fields)].join(t('fieldRules.listSeparator'));
    // Every refusal said in the user's language from its code and values; plain strings from older answers as they are.
    const said = [
      ...(coded.length ? [problemsText(t, exists, coded)] : []),
      ...details.filter((d) => typeof d === 'string'),
    ];
    params.problems = said.join(t('fieldRules.separator'));
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
