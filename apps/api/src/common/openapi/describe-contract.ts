import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodySchema } from '@ticketflow/contract';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };
const errorAnswer = (description: string) => ({
  description,
  headers: {
    'Retry-After': { $ref: '#/components/headers/Retry-After' },
    'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
  },
  content: { 'application/json': { schema: ERROR_REF } },
});

/**
 * Adds to Nest's generated document what every operation shares, so no controller repeats it: the
 * error body (`ErrorBody`, with its `Retry-After` and `X-Request-Id` headers) as the answer to any
 * status an operation does not list, 401 on operations that need a bearer token, and the optional
 * `Idempotency-Key` header on signed-in POSTs (IdempotencyInterceptor). Mutates and returns
 * `document`.
 */
export function describeContract(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ErrorBody: ErrorBodySchema as object };
  document.components.headers = {
    ...document.components.headers,
    'Retry-After': {
      description: 'On 429 and 503: seconds to wait before retrying',
      schema: { type: 'integer', minimum: 0 },
    },
    'X-Request-Id': {
      description: "The request's id, also in the error body and every log line of the request",
      schema: { type: 'string' },
    },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) describeOperation(method, operation);
    }
  }
  return document;
}

function describeOperation(method: (typeof METHODS)[number], operation: Operation): void {
  const signedIn = (operation.security ?? []).some((requirement) => 'bearer' in requirement);
  // Error answers a controller lists by status alone carry the error body too.
  for (const [status, answer] of Object.entries(operation.responses ?? {})) {
    if (Number(status) >= 400 && answer && 'description' in answer && !answer.content)
      operation.responses[status] = { ...answer, content: errorAnswer('').content };
  }
  operation.responses = {
    ...operation.responses,
    ...(signedIn ? { 401: errorAnswer('No valid bearer token (`unauthenticated`)') } : {}),
    default: errorAnswer(
      'An error: 4xx the caller can fix (the code says which, `details` names the field), 429/503 retryable after `Retry-After`, 500 unexpected (logged with the request id)',
    ),
  };
  if (method === 'post' && signedIn) {
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Retry-safe POST: a retry with the same key, user, path and body gets the first answer again; the same key with another body is a 422 (1-200 letters, digits, `.:_-`; kept IDEMPOTENCY_RETENTION_HOURS)',
        schema: { type: 'string', pattern: '^[\\w.:-]{1,200}$' },
      },
    ];
  }
}
