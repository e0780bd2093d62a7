import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX } from '../authorization-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';

const BAD = { nul: 'a\u0000b', surrogate: 'a\uD800b' };
// A URL carries UTF-8, where a lone surrogate cannot be written (encodeURIComponent refuses it): query and
// path get NUL; JSON bodies get both (JSON's \ud800 escape makes a lone surrogate).
const IN_URL = '%00';
// The intake webhook reads its body raw and authenticates the sender before looking at it: unsigned, it is a 401
// whatever the body says; a signed payload with bad text is a 400 (intake.integration.test.ts).
const RAW_BODY_ROUTES = new Set(['POST /api/intake/{channel}']);

/**
 * Issue 17, finding 5: NUL characters and lone surrogates gave 500 on 12
 * routes. Like the authorization matrix, this goes over every route the API
 * serves (the matrix fails when one is missing) and sends bad text in the
 * query, in a route parameter and in the body: each must be a 400
 * `invalid-text` that names the field, never a 5xx.
 */
describe('reliability: bad text on every route', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.login('admin')}` };
  });
  afterAll(async () => t?.close());

  for (const entry of MATRIX) {
    it(`${entry.route}`, async () => {
      const [method, template] = entry.route.split(' ') as [string, string];
      const call = await entry.setup(t);
      const send = (path: string, body?: unknown) => {
        const request = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path).set(admin);
        return body === undefined ? request : request.send(body as object);
      };
      for (const [kind, text] of Object.entries(BAD)) {
        if (method !== 'GET' && method !== 'DELETE' && RAW_BODY_ROUTES.has(entry.route)) {
          expect((await send(call.path, { note: text })).status).toBeLessThan(500);
        } else if (method !== 'GET' && method !== 'DELETE') {
          const inBody = await send(call.path, { ...((call.body as object | undefined) ?? {}), note: text });
          expect(inBody.status, `${kind} in the body`).toBe(400);
          expect(inBody.body).toMatchObject({ code: 'invalid-text', details: [{ field: 'body.note' }] });
        }
      }
      const separator = call.path.includes('?') ? '&' : '?';
      const inQuery = await send(`${call.path}${separator}q=a${IN_URL}b`, call.body);
      expect(inQuery.status, `NUL in the query: ${JSON.stringify(inQuery.body)}`).toBe(400);
      expect(inQuery.body).toMatchObject({ code: 'invalid-text', details: [{ field: 'query.q' }] });
      const parameter = /\{(\w+)\}/.exec(template)?.[1];
      if (parameter) {
        // Put the bad text where the first route parameter goes.
        const index = template.split('/').indexOf(`{${parameter}}`);
        const path = call.path.split('?')[0]?.split('/') ?? [];
        path[index] = `a${IN_URL}b`;
        const inPath = await send(path.join('/'), call.body);
        expect(inPath.status, `NUL in {${parameter}}: ${JSON.stringify(inPath.body)}`).toBe(400);
        expect(inPath.body).toMatchObject({
          code: 'invalid-text',
          details: [{ field: `params.${parameter}` }],
        });
      }
    });
  }

  it('refuses the reported cases: a title with NUL, a search with %00, a sign-in without a session, a comment with a lone surrogate', async () => {
    const title = await t.http
      .post('/api/tickets')
      .set(admin)
      .send({ workflowKey: 'refund-approval', title: 'a\u0000b', fields: { refundAmount: 1 } });
    expect(title.body).toMatchObject({ statusCode: 400, details: [{ field: 'body.title' }] });
    expect((await t.http.get('/api/tickets?q=a%00b').set(admin)).body).toMatchObject({
      statusCode: 400,
      details: [{ field: 'query.q' }],
    });
    expect(
      (await t.http.post('/api/auth/login').send({ username: 'a\u0000b', password: 'x' })).body,
    ).toMatchObject({ statusCode: 400, details: [{ field: 'body.username' }] });
    const comment = await t.http
      .post('/api/tasks/00000000-0000-4000-8000-000000000000/complete')
      .set(admin)
      .send({ comment: 'ok \uD800' });
    expect(comment.body).toMatchObject({ statusCode: 400, details: [{ field: 'body.comment' }] });
    const intake = await t.http
      .post('/api/intake/other')
      .set('content-type', 'application/json')
      .send('{"text":"a\\u0000b"}');
    expect(intake.status).toBeLessThan(500);
  });
});
