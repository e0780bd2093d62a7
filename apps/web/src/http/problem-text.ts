import type { TFunction } from 'i18next';

/** One refusal in an API error's `details`: which field, a stable code and its values (the server's English beside). */
export interface CodedProblem {
  field?: string;
  code: string;
  params?: Record<string, string | number>;
  message?: string;
}

/** True for a `details` entry that carries a code. Pure. */
export function isCodedProblem(value: unknown): value is CodedProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    !('severity' in value)
  );
}

/**
 * The field a problem names, as a reader knows it: the last word of its path
 * (`fields.refundAmount` → `refundAmount`, `entries.0.icon` → icon) through
 * `fieldNames.*` when the UI has a name for it, else the path. Pure.
 */
export function problemField(t: TFunction, exists: (key: string) => boolean, field: string): string {
  const last =
    field
      .split(/[.[\]]+/)
      .filter((part) => part && !/^\d+$/.test(part))
      .pop() ?? field;
  return exists(`fieldNames.${last}`) ? t(`fieldNames.${last}`) : field.replace(/^fields\./, '');
}

/**
 * What is wrong, in the user's language, from the code and its values
 * (`max-length`, `{ max: 200 }` → "at most 200 characters" / "最多 200 个字符");
 * the server's English only for a code the UI does not know. Pure.
 */
export function ruleText(t: TFunction, exists: (key: string) => boolean, problem: CodedProblem): string {
  const key = `fieldRules.${problem.code}`;
  if (!exists(key)) return problem.message ?? problem.code;
  return t(key, { ...problem.params });
}

/** "title: at most 200 characters", each problem of a list in the user's language, joined. Pure. */
export function problemsText(
  t: TFunction,
  exists: (key: string) => boolean,
  problems: readonly CodedProblem[],
): string {
  return problems
    .map((problem) =>
      problem.field
        ? t('fieldRules.sentence', {
            field: problemField(t, exists, problem.field),
            rule: ruleText(t, exists, problem),
          })
        : ruleText(t, exists, problem),
    )
    .join(t('fieldRules.separator'));
}
