import type { ActionSpec, FieldDefinition } from '@ticketflow/definition';
import { checkFieldValues } from '../tickets/field-values.js';
import { mapResponse, renderBody, renderText, type TemplateContext } from './action-template.js';
import { HttpCallError, type HttpLimits, sendGuarded } from './guarded-http-client.js';
import type { TargetRules } from './http-target-policy.js';

type HttpAction = Extract<ActionSpec, { type: 'http' }>;

export interface HttpActionInput {
  action: HttpAction;
  context: TemplateContext;
  fieldDefinitions: FieldDefinition[];
  /** Stable across retries: the receiver dedupes by it. */
  idempotencyKey: string;
}

/**
 * Performs an `http` action: fills `{{fields.x}}` / `{{ticket.id}}` into the
 * URL (URL-encoded), headers and JSON body, sends it with the
 * `Idempotency-Key` under the SSRF rules, and maps the JSON response into
 * ticket fields (checked against their types). Side effect: the network
 * call. Resolves with the mapped fields; throws {@link HttpCallError}.
 */
export async function runHttpAction(input: HttpActionInput, rules: TargetRules, limits: HttpLimits): Promise<Record<string, unknown>> {
  const { action, context } = input;
  const url = renderText(action.url, context, encodeURIComponent);
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'Ticketflow', 'idempotency-key': input.idempotencyKey };
  for (const [name, value] of Object.entries(action.headers ?? {})) headers[name.toLowerCase()] = renderText(value, context);
  headers['idempotency-key'] = input.idempotencyKey;
  let body: string | undefined;
  if (action.body !== undefined && action.method !== 'GET') {
    body = JSON.stringify(renderBody(action.body, context));
    headers['content-type'] = 'application/json';
  }
  const reply = await sendGuarded({ method: action.method, url, headers, body }, rules, limits);
  if (!action.responseMapping || Object.keys(action.responseMapping).length === 0) return {};
  let json: unknown;
  try {
    json = JSON.parse(reply.body);
  } catch {
    throw new HttpCallError(`HTTP ${reply.status}: the response is not JSON, so responseMapping cannot read it.`, false, reply.status);
  }
  const fields = mapResponse(json, action.responseMapping);
  const problems = checkFieldValues(input.fieldDefinitions, fields, { partial: true });
  if (problems.length > 0) throw new HttpCallError(`The response does not fit the ticket fields: ${problems.map((p) => p.message).join('; ')}`, false, reply.status);
  return fields;
}
