import { Type, type Static } from '@sinclair/typebox';
import { Closed } from './schema-builders.js';

/**
 * The body of every error the API answers, whatever the status: 4xx for a request the caller can
 * fix (the code says which, `details.field` names the field where there is one), 503 for a
 * dependency that is down (retry after `Retry-After`), 500 for a bug (logged with the request id).
 */
export const ErrorBodySchema = Closed(
  {
    statusCode: Type.Integer({ minimum: 400, maximum: 599, description: 'The HTTP status, repeated' }),
    code: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]*$',
      description: 'Stable and kebab-case (`draft-conflict`); the web app translates by it',
    }),
    message: Type.String({ description: 'What went wrong and what to do, in English' }),
    details: Type.Optional(
      Type.Unknown({ description: 'Per code: the field, the problems, the current revision…' }),
    ),
    requestId: Type.Optional(
      Type.String({
        description: 'The request id (also in `X-Request-Id`): quote it when reporting a problem',
      }),
    ),
  },
  'An error',
);
export type ErrorBody = Static<typeof ErrorBodySchema>;
