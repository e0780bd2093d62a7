/** What placeholders in an action may refer to. */
export interface TemplateContext {
  ticket: { id: string; title: string; number?: number };
  fields: Record<string, unknown>;
}

const PLACEHOLDER = /\{\{\s*(ticket|fields)\.([A-Za-z0-9_]+)\s*\}\}/g;

/** Replaces `{{fields.x}}` and `{{ticket.id}}` in a string; unknown names become empty. `encode` escapes each value (for URLs). Pure. */
export function renderText(
  template: string,
  context: TemplateContext,
  encode: (value: string) => string = (value) => value,
): string {
  return template.replace(PLACEHOLDER, (_match, scope: string, name: string) => {
    const source = (scope === 'ticket' ? context.ticket : context.fields) as Record<string, unknown>;
    const value = source[name];
    return value === undefined || value === null
      ? ''
      : encode(typeof value === 'string' ? value : JSON.stringify(value));
  });
}

/**
 * Renders placeholders in every string of a JSON body. A string that is only
 * one placeholder keeps the value's type (`"{{fields.amount}}"` → 6200). Pure.
 */
export function renderBody(body: unknown, context: TemplateContext): unknown {
  if (typeof body === 'string') {
    const whole = /^\{\{\s*(ticket|fields)\.([A-Za-z0-9_]+)\s*\}\}$/.exec(body);
    if (whole) {
      const source = (whole[1] === 'ticket' ? context.ticket : context.fields) as Record<string, unknown>;
      return source[whole[2] as string] ?? null;
    }
    return renderText(body, context);
  }
  if (Array.isArray(body)) return body.map((item) => renderBody(item, context));
  if (body !== null && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, renderBody(value, context)]));
  }
  return body;
}

/** Picks ticket field values out of a JSON response by dotted paths (`label.number`, `items.0.id`); missing paths are left out. Pure. */
export function mapResponse(response: unknown, mapping: Record<string, string>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [field, path] of Object.entries(mapping)) {
    let value: unknown = response;
    for (const step of path.split('.')) {
      value =
        value !== null && typeof value === 'object' && Object.hasOwn(value, step)
          ? (value as Record<string, unknown>)[step]
          : undefined;
    }
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}
