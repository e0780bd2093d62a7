import type { ActionSpec, FieldDefinition } from '@ticketflow/definition';
import { checkFieldValues } from '../tickets/field-values.js';
import { mapResponse, renderBody, renderText, type TemplateContext } from './action-template.js';
import { HttpCallError, type HttpLimits, sendGuarded } from './guarded-http-client.js';
import type { TargetRules } from './http-target-policy.js';
import {
  fillSecrets,
  fillSecretsIn,
  MissingSecretError,
  secretNames,
  secretNamesIn,
} from './secret-placeholders.js';
import { signWebhook } from '../webhooks/webhook-signature.js';

/** Where secrets come from at send time (the secret store); decrypted values live only for one request. */
export interface OutboundSecrets {
  values(names: string[]): Promise<ReadonlyMap<string, string>>;
  signingSecretFor(host: string): Promise<string | undefined>;
}

type HttpAction = Extract<ActionSpec, { type: 'http' }>;

export interface HttpActionInput {
  action: HttpAction;
  context: TemplateContext;
  fieldDefinitions: FieldDefinition[];
  /** Stable across retries: the receiver dedupes by it (and it is the `webhook-id` of a signed call). */
  idempotencyKey: string;
  /** Absent: `{{secret:…}}` placeholders fail the action and nothing is signed. */
  secrets?: OutboundSecrets;
}

/**
 * Performs an `http` action: fills `{{fields.x}}` / `{{ticket.id}}` into the
 * URL (URL-encoded), headers and JSON body, sends it with the
 * `Idempotency-Key` under the SSRF rules, and maps the JSON response into
 * ticket fields (checked against their types). Side effect: the network
 * call. Resolves with the mapped fields; throws {@link HttpCallError}.
 */
export async function runHttpAction(
  input: HttpActionInput,
  rules: TargetRules,
  limits: HttpLimits,
): Promise<Record<string, unknown>> {
  const { action, context } = input;
  const url = renderText(action.url, context, encodeURIComponent);
  const { headers, body } = await prepareRequest(input);
  const signingSecret = await input.secrets?.signingSecretFor(hostOf(url));
  if (signingSecret !== undefined)
    Object.assign(headers, signWebhook(signingSecret, input.idempotencyKey, body ?? ''));
  const reply = await sendGuarded({ method: action.method, url, headers, body }, rules, limits);
  if (!action.responseMapping || Object.keys(action.responseMapping).length === 0) return {};
  let json: unknown;
  try {
    json = JSON.parse(reply.body);
  } catch {
    throw new HttpCallError(
      `HTTP ${reply.status}: the response is not JSON, so responseMapping cannot read it.`,
      false,
      reply.status,
    );
  }
  const fields = mapResponse(json, action.responseMapping);
  const problems = checkFieldValues(input.fieldDefinitions, fields, { partial: true });
  if (problems.length > 0)
    throw new HttpCallError(
      `The response does not fit the ticket fields: ${problems.map((p) => p.message).join('; ')}`,
      false,
      reply.status,
    );
  return fields;
}

/**
 * Headers and JSON body of an action: `{{secret:NAME}}` filled from the store
 * first (on the definition's template, so a ticket field can never spell a
 * placeholder that gets resolved), then `{{fields.x}}` / `{{ticket.id}}`.
 * Side effects: reads (and decrypts) the secrets it names.
 */
async function prepareRequest(
  input: HttpActionInput,
): Promise<{ headers: Record<string, string>; body: string | undefined }> {
  const { action, context } = input;
  const sendsBody = action.body !== undefined && action.method !== 'GET';
  const names = [
    ...Object.values(action.headers ?? {}).flatMap(secretNames),
    ...(sendsBody ? secretNamesIn(action.body) : []),
  ];
  const values =
    names.length > 0 && input.secrets ? await input.secrets.values(names) : new Map<string, string>();
  try {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'Ticketflow' };
    for (const [name, value] of Object.entries(action.headers ?? {}))
      headers[name.toLowerCase()] = renderText(fillSecrets(value, values), context);
    headers['idempotency-key'] = input.idempotencyKey;
    if (!sendsBody) return { headers, body: undefined };
    headers['content-type'] = 'application/json';
    return { headers, body: JSON.stringify(renderBody(fillSecretsIn(action.body, values), context)) };
  } catch (error) {
    if (error instanceof MissingSecretError) throw new HttpCallError(error.message, false);
    throw error;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
