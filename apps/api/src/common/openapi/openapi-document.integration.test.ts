import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

interface Operation {
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

// Operations anyone may call: the health checks, signing in, and signed intake webhooks.
const PUBLIC = [
  'GET /api/health',
  'GET /api/health/ready',
  'POST /api/auth/login',
  'POST /api/intake/{channel}',
  // The one-click satisfaction link: the signed token in the e-mail is the key, no sign-in.
  'GET /api/satisfaction/survey',
  'POST /api/satisfaction/answer',
];

describe('the OpenAPI document at /api/docs', () => {
  let t: TestApp;
  let operations: [string, Operation][];

  beforeAll(async () => {
    t = await startTestApp();
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        operation,
      ]),
    );
  });
  afterAll(() => t.close());

  it('gives every operation a summary', () => {
    expect(operations.filter(([, operation]) => !operation.summary?.trim()).map(([name]) => name)).toEqual(
      [],
    );
  });

  it('describes the success answer of every operation: a body schema, or 204 without one', () => {
    const undescribed = operations.filter(([, operation]) => {
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      return (
        success.length === 0 ||
        success.some(
          ([status, answer]) =>
            status !== '204' &&
            !Object.values(answer.content ?? {}).some((media) => media.schema !== undefined),
        )
      );
    });
    expect(undescribed.map(([name]) => name)).toEqual([]);
  });

  it('describes the error body as the answer to every other status', () => {
    const withoutErrorBody = operations.filter(
      ([, operation]) =>
        (operation.responses.default?.content?.['application/json']?.schema as { $ref?: string } | undefined)
          ?.$ref !== '#/components/schemas/ErrorBody',
    );
    expect(withoutErrorBody.map(([name]) => name)).toEqual([]);
  });

  it('asks for a bearer token on every operation but the public ones, and documents its 401', () => {
    const signedIn = operations.filter(([name]) => !PUBLIC.includes(name));
    expect(
      signedIn
        .filter(([, operation]) => !operation.security?.some((requirement) => 'bearer' in requirement))
        .map(([name]) => name),
    ).toEqual([]);
    expect(signedIn.filter(([, operation]) => !operation.responses['401']).map(([name]) => name)).toEqual([]);
  });

  it('documents the Idempotency-Key header on every signed-in POST', () => {
    const posts = operations.filter(([name]) => name.startsWith('POST ') && !PUBLIC.includes(name));
    expect(posts.length).toBeGreaterThan(10);
    expect(
      posts
        .filter(
          ([, operation]) =>
            !operation.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
        )
        .map(([name]) => name),
    ).toEqual([]);
  });
});
