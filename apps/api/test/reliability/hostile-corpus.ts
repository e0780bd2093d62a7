/** Hostile workflow definitions (as raw JSON bodies where the shape matters) for the hostile-input suite. */

const base = (key: string, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  key,
  name: 'Hostile',
  fields: [{ name: 'amount', type: 'number' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'end', type: 'end', outcome: 'resolved' },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'end' }],
  ...extra,
});

/** `depth` nested arrays as text, built without recursion: `[[[…]]]`. */
function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

function nestedConditions(depth: number): string {
  return `${'{"not":'.repeat(depth)}{"fact":"amount","operator":"equal","value":1}${'}'.repeat(depth)}`;
}

export interface HostileCase {
  name: string;
  /** The raw body for POST /api/definitions/validate and PUT …/draft (the definition under `definition`). */
  body: (key: string) => string;
  /** 413: the body is refused by size before it is parsed. */
  oversize?: boolean;
}

const wrap = (definitionJson: string) => `{"definition":${definitionJson}}`;
const json = (value: unknown) => wrap(JSON.stringify(value));

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'a 10 MB body',
    oversize: true,
    body: (key) => json(base(key, { description: 'x'.repeat(10 * 1024 * 1024) })),
  },
  {
    name: '100,000 nodes',
    body: (key) =>
      json(
        base(key, {
          nodes: Array.from({ length: 100_000 }, (_, i) => ({ id: `n${i}`, type: 'task' })),
          edges: [],
        }),
      ),
  },
  {
    name: '2,001 nodes (just over the node limit, under the byte limit)',
    body: (key) =>
      json(
        base(key, {
          nodes: Array.from({ length: 2_001 }, (_, i) => ({ id: `n${i}`, type: 'end', outcome: 'x' })),
        }),
      ),
  },
  { name: '100,000 nested arrays as the definition', body: () => wrap(nestedArrays(100_000)) },
  {
    name: '100,000 nested arrays inside a node',
    body: (key) =>
      json(base(key)).replace('"type":"start"', `"type":"start","extra":${nestedArrays(100_000)}`),
  },
  {
    name: '5,000 nested arrays inside a node',
    body: (key) => json(base(key)).replace('"type":"start"', `"type":"start","extra":${nestedArrays(5_000)}`),
  },
  {
    name: '20,000 nested "not" conditions on an edge',
    body: (key) =>
      json(base(key)).replace('"target":"end"', `"target":"end","condition":${nestedConditions(20_000)}`),
  },
  {
    name: '__proto__ at the top level',
    body: (key) =>
      json(base(key)).replace(
        '{"schemaVersion"',
        '{"__proto__":{"polluted":true,"nodes":[]},"schemaVersion"',
      ),
  },
  {
    name: '__proto__ as a node and in a node',
    body: (key) =>
      json(base(key)).replace(
        '"nodes":[',
        '"nodes":[{"__proto__":{"id":"start","type":"start","polluted":true}},{"id":"x","__proto__":{"polluted":true},"type":"task"},',
      ),
  },
  {
    name: 'constructor/prototype keys',
    body: (key) =>
      json(base(key, { constructor: { prototype: { polluted: true } }, prototype: { polluted: true } })),
  },
  {
    name: 'node ids named __proto__, constructor and prototype',
    body: (key) =>
      json(
        base(key, {
          nodes: [
            { id: 'start', type: 'start' },
            { id: '__proto__', type: 'task' },
            { id: 'constructor', type: 'task' },
            { id: 'prototype', type: 'end', outcome: 'x' },
          ],
          edges: [
            { id: 'e1', source: 'start', target: '__proto__' },
            { id: 'e2', source: '__proto__', target: 'constructor', on: 'completed' },
            { id: 'e3', source: 'constructor', target: 'prototype', on: 'completed' },
          ],
        }),
      ),
  },
  {
    name: 'field named __proto__ in a condition',
    body: (key) =>
      json(
        base(key, {
          fields: [{ name: '__proto__', type: 'number' }],
          nodes: [
            { id: 'start', type: 'start' },
            { id: 'd', type: 'decision' },
            { id: 'end', type: 'end', outcome: 'resolved' },
          ],
          edges: [
            { id: 'e1', source: 'start', target: 'd' },
            {
              id: 'e2',
              source: 'd',
              target: 'end',
              condition: { fact: '__proto__', operator: 'equal', value: 1 },
            },
            { id: 'e3', source: 'd', target: 'end', default: true },
          ],
        }),
      ),
  },
  {
    name: 'dangling edges',
    body: (key) =>
      json(
        base(key, {
          edges: [
            { id: 'e1', source: 'start', target: 'nowhere' },
            { id: 'e2', source: 'ghost', target: 'end' },
          ],
        }),
      ),
  },
  {
    name: 'a straight-through loop (decision → decision, never waits)',
    body: (key) =>
      json(
        base(key, {
          nodes: [
            { id: 'start', type: 'start' },
            { id: 'a', type: 'decision' },
            { id: 'b', type: 'decision' },
            { id: 'end', type: 'end', outcome: 'x' },
          ],
          edges: [
            { id: 'e1', source: 'start', target: 'a' },
            { id: 'e2', source: 'a', target: 'b', default: true },
            { id: 'e3', source: 'b', target: 'a', default: true },
          ],
        }),
      ),
  },
  {
    name: 'malformed conditions',
    body: (key) =>
      json(
        base(key, {
          nodes: [
            { id: 'start', type: 'start' },
            { id: 'd', type: 'decision' },
            { id: 'end', type: 'end', outcome: 'x' },
          ],
          edges: [
            { id: 'e1', source: 'start', target: 'd' },
            { id: 'e2', source: 'd', target: 'end', condition: { all: 'not-a-list' } },
            {
              id: 'e3',
              source: 'd',
              target: 'end',
              condition: { fact: 'amount', operator: 'eval', value: 'process.exit(1)' },
            },
            { id: 'e4', source: 'd', target: 'end', condition: { any: [null, 7, { fact: {} }] } },
            { id: 'e5', source: 'd', target: 'end', condition: 'amount > 5' },
          ],
        }),
      ),
  },
  {
    name: 'a catastrophic-backtracking pattern in string values',
    body: (key) =>
      json(
        base(key, {
          name: `${'a'.repeat(50_000)}!`,
          fields: [{ name: 'code', type: 'text', pattern: '^(a+)+$' }],
          nodes: [
            { id: 'start', type: 'start' },
            { id: `${'a'.repeat(5_000)}!`, type: 'task', name: '(a+)+$'.repeat(1000) },
            { id: 'end', type: 'end', outcome: 'x' },
          ],
          edges: [
            { id: 'e1', source: 'start', target: `${'a'.repeat(5_000)}!` },
            {
              id: 'e2',
              source: `${'a'.repeat(5_000)}!`,
              target: 'end',
              on: 'completed',
              condition: { fact: 'code', operator: 'matches', value: '^(a+)+$' },
            },
          ],
        }),
      ),
  },
  {
    name: 'wrong types everywhere',
    body: (key) =>
      json({ schemaVersion: '1', key, name: 7, fields: 'x', nodes: { id: 'start' }, edges: null }),
  },
  {
    name: 'numbers out of range',
    body: (key) =>
      json(
        base(key, {
          schemaVersion: 1e308,
          nodes: [
            { id: 'start', type: 'start' },
            {
              id: 'a',
              type: 'approval',
              approvers: { role: 'finance' },
              policy: { type: 'quorum', count: -1e308 },
            },
            { id: 'end', type: 'end', outcome: 'x' },
          ],
        }),
      ),
  },
  { name: 'the definition is not an object', body: () => '{"definition":"start → end"}' },
  { name: 'malformed JSON', body: () => '{"definition":{"nodes":[' },
];
