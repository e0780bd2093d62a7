/** `{{secret:NAME}}` in an HTTP action's headers or body: replaced by the stored secret only when the request is sent. */
export const SECRET_PLACEHOLDER = /\{\{\s*secret:([A-Z][A-Z0-9_]{0,63})\s*\}\}/g;

/** The names of the secrets `text` refers to. Pure. */
export function secretNames(text: string): string[] {
  return [...text.matchAll(new RegExp(SECRET_PLACEHOLDER.source, 'g'))].map((match) => match[1] as string);
}

/**
 * Replaces each `{{secret:NAME}}` in `text` with `values[NAME]`. Runs on the
 * definition's template before ticket fields are filled in, so a field value
 * that spells a placeholder is never resolved. Pure; throws when a name has no value.
 */
export function fillSecrets(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(new RegExp(SECRET_PLACEHOLDER.source, 'g'), (_match, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new MissingSecretError(name);
    return value;
  });
}

/** Every secret name in a JSON body template (strings at any depth). Pure. */
export function secretNamesIn(value: unknown): string[] {
  if (typeof value === 'string') return secretNames(value);
  if (Array.isArray(value)) return value.flatMap(secretNamesIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(secretNamesIn);
  return [];
}

/** `fillSecrets` over every string of a JSON body template. Pure. */
export function fillSecretsIn(value: unknown, values: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return fillSecrets(value, values);
  if (Array.isArray(value)) return value.map((item) => fillSecretsIn(item, values));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillSecretsIn(item, values)]));
  return value;
}

export class MissingSecretError extends Error {
  constructor(readonly secretName: string) {
    super(`The secret "${secretName}" is not defined; an admin adds it under secrets.`);
    this.name = 'MissingSecretError';
  }
}
