import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { HOSTILE_CASES } from './hostile-corpus.js';
import { chainDefinition } from './reliability-flows.js';

const soak = process.env.SOAK === '1';
const FUZZ_RUNS = soak ? 2_000 : 150;
/** A hang guard, not a performance test. */
const HANG_GUARD_MS = 5_000;

interface Answer {
  status: number;
  body: { code?: string; valid?: boolean; problems?: { severity: string }[]; details?: unknown };
  ms: number;
}

/**
 * Hostile and random definitions against the two routes that take one:
 * every answer is a 4xx with a code (413 for an oversize body) or a problem
 * list that marks the definition invalid — never a 5xx, never a hang — and
 * the server keeps answering /api/health meanwhile. Object.prototype is the
 * same afterwards. Runs on the embedded database and on PostgreSQL.
 */
describe('reliability: hostile definitions', () => {
  let t: TestApp;
  let owner: string;
  let keyCounter = 0;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  beforeAll(async () => {
    t = await startTestApp();
    owner = `Bearer ${await t.login('owner')}`;
  });
  afterAll(async () => t?.close());

  const send = async (route: 'validate' | 'draft', rawBody: (key: string) => string): Promise<Answer> => {
    const key = `hostile-${(keyCounter += 1)}`;
    const started = Date.now();
    const request =
      route === 'validate'
        ? t.http.post('/api/definitions/validate')
        : t.http.put(`/api/workflows/${key}/draft`);
    const response = await request
      .set('Authorization', owner)
      .set('Content-Type', 'application/json')
      .send(rawBody(key));
    return { status: response.status, body: response.body as Answer['body'], ms: Date.now() - started };
  };
  /** A refusal: a 4xx with a code, or a problem list with at least one error. */
  const refused = (answer: Answer): boolean => {
    if (answer.status >= 400 && answer.status < 500) return typeof answer.body.code === 'string';
    if (answer.status !== 200) return false;
    return (
      answer.body.valid === false ||
      (answer.body.problems ?? []).some((problem) => problem.severity === 'error')
    );
  };
  const healthy = async () => (await t.http.get('/api/health')).status === 200;

  it('does not store a draft over the size limits: 422 with the problems', async () => {
    const nodes = Array.from({ length: 2_001 }, (_, i) => ({ id: `n${i}`, type: 'end', outcome: 'x' }));
    const response = await t.http
      .put('/api/workflows/too-big/draft')
      .set('Authorization', owner)
      .send({ definition: { schemaVersion: 1, name: 'Too big', nodes, edges: [] } });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'definition-too-large',
      details: { problems: [{ code: 'too-large' }] },
    });
    expect((await t.http.get('/api/workflows/too-big/draft').set('Authorization', owner)).status).toBe(404);
  });

  for (const hostile of HOSTILE_CASES) {
    it(`refuses ${hostile.name} on both routes, quickly, and stays healthy`, async () => {
      for (const route of ['validate', 'draft'] as const) {
        const [answer, health] = await Promise.all([send(route, hostile.body), healthy()]);
        expect(answer.status, `${route}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(500);
        if (hostile.oversize) expect(answer.status).toBe(413);
        expect(
          refused(answer),
          `${route} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
        ).toBe(true);
        expect(answer.ms).toBeLessThan(HANG_GUARD_MS);
        expect(health).toBe(true);
      }
      expect(await healthy()).toBe(true);
    });
  }

  it(`answers ${FUZZ_RUNS} random definitions per route with a verdict, never a 5xx`, async () => {
    const ids = fc.constantFrom(
      'start',
      'end',
      'a',
      'b',
      '__proto__',
      'constructor',
      'prototype',
      '',
      'x'.repeat(300),
    );
    const nodeType = fc.constantFrom(
      'start',
      'end',
      'task',
      'approval',
      'decision',
      'parallel',
      'join',
      'timer',
      'action',
      'wait',
      'set-fields',
      'bogus',
      7,
      null,
    );
    const anything = fc.jsonValue({ maxDepth: 6 });
    const key = fc.constantFrom(
      'id',
      'type',
      'name',
      'outcome',
      'assignee',
      'approvers',
      'policy',
      'condition',
      'on',
      'default',
      'timeout',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
    );
    const loose = fc.dictionary(key, anything, { maxKeys: 5 });
    const node = fc
      .tuple(fc.record({ id: ids, type: nodeType }, { requiredKeys: [] }), loose)
      .map(([a, b]) => ({ ...b, ...a }));
    const condition = fc.oneof(
      anything,
      fc.record({
        fact: fc.constantFrom('amount', '__proto__', 'missing'),
        operator: fc.constantFrom('equal', 'greaterThan', 'in', 'eval', 'matches'),
        value: anything,
      }),
    );
    const edge = fc
      .tuple(
        fc.record(
          {
            id: fc.string({ maxLength: 5 }),
            source: ids,
            target: ids,
            on: fc.constantFrom('completed', 'approved', 'x'),
            condition,
            default: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        loose,
      )
      .map(([a, b]) => ({ ...b, ...a }));
    // A valid definition with one property of one node or edge replaced (or none): reaches the deeper checks.
    const valid = chainDefinition('fuzz-base');
    const mutatedValid = fc
      .tuple(
        fc.constantFrom('nodes', 'edges') as fc.Arbitrary<'nodes' | 'edges'>,
        fc.nat(),
        key,
        anything,
        fc.boolean(),
      )
      .map(([list, index, name, value, change]) => {
        const copy = structuredClone(valid);
        const items = copy[list] as Record<string, unknown>[];
        if (change)
          Object.defineProperty(items[index % items.length], name, {
            value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
        return copy;
      });
    const definition = fc.oneof(
      { weight: 3, arbitrary: mutatedValid },
      {
        weight: 4,
        arbitrary: fc.record(
          {
            schemaVersion: fc.constantFrom(1, 2, '1', null),
            name: fc.string(),
            fields: fc.array(loose, { maxLength: 3 }),
            nodes: fc.array(node, { maxLength: 8 }),
            edges: fc.array(edge, { maxLength: 10 }),
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: fc.dictionary(key, anything) },
    );
    const verdicts = { tried: 0, refused: 0, accepted: 0 };
    for (const route of ['validate', 'draft'] as const) {
      await fc.assert(
        fc.asyncProperty(definition, async (candidate) => {
          const answer = await send(route, (k) => JSON.stringify({ definition: { ...candidate, key: k } }));
          verdicts.tried += 1;
          if (answer.status >= 500)
            throw new Error(`${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
          if (answer.ms > HANG_GUARD_MS) throw new Error(`${route}: took ${answer.ms} ms`);
          if (answer.status === 200 && !refused(answer)) verdicts.accepted += 1;
          else if (refused(answer)) verdicts.refused += 1;
          else
            throw new Error(
              `${route}: ${answer.status} without a code or problems: ${JSON.stringify(answer.body)}`,
            );
        }),
        { numRuns: FUZZ_RUNS },
      );
    }
    expect(await healthy()).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(
      `reliability: hostile definitions — ${HOSTILE_CASES.length * 2} corpus requests and ${verdicts.tried} fuzzed requests (${verdicts.refused} refused, ${verdicts.accepted} still valid), no 5xx, no hang, Object.prototype unchanged`,
    );
  }, 300_000);
});
