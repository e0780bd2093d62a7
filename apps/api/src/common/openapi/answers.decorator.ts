import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'Done; no body',
};

/**
 * Documents an operation's success answer with a schema of `@ticketflow/contract` (`[schema]`: a list
 * of them): status (200 unless given), body schema and media type. The API's tests check every answer against what this says
 * (test/contract-check.ts), so a route that answers anything else fails them.
 */
export function Answers(
  schema: object | [object] | undefined,
  options: {
    status?: number;
    description?: string;
    mediaType?: string;
    alsoAsText?: string[];
    /** Further media types answering the same schema (a file download: each type it may have). */
    alsoAs?: string[];
  } = {},
): MethodDecorator {
  const status = options.status ?? 200;
  const description = options.description ?? DESCRIPTIONS[status] ?? 'OK';
  if (schema === undefined) return applyDecorators(ApiResponse({ status, description }));
  const body = (Array.isArray(schema) ? { type: 'array', items: schema[0] } : schema) as SchemaObject;
  return applyDecorators(
    ApiResponse({
      status,
      description,
      content: {
        [options.mediaType ?? 'application/json']: { schema: body },
        ...Object.fromEntries((options.alsoAs ?? []).map((type) => [type, { schema: body }])),
        // The same answer as a file (`?format=csv`).
        ...Object.fromEntries(
          (options.alsoAsText ?? []).map((type) => [type, { schema: { type: 'string' } }]),
        ),
      },
    }),
  );
}
