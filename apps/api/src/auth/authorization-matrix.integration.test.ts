import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ACTORS, MATRIX } from '../../test/authorization-matrix.js';

describe('authorization matrix: every route × every role', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('has an expectation for every route the API serves', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const expected = new Set(MATRIX.map((entry) => entry.route));
    expect(expected.size).toBe(MATRIX.length);
    expect(served.filter((route) => !expected.has(route))).toEqual([]);
    expect([...expected].filter((route) => !served.includes(route))).toEqual([]);
  });

  for (const entry of MATRIX) {
    it(`${entry.route}`, async () => {
      const [method] = entry.route.split(' ');
      const results: Record<string, number> = {};
      for (const actor of ACTORS) {
        const call = await entry.setup(t);
        let req = t.http[(method as string).toLowerCase() as 'get' | 'post' | 'put' | 'delete'](call.path);
        if (actor !== 'anonymous') req = req.set('Authorization', `Bearer ${await t.login(actor)}`);
        const response = call.body === undefined ? await req : await req.send(call.body as object);
        results[actor] = response.status;
      }
      expect(results).toEqual(entry.expect);
    });
  }
});
