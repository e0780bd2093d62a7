import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from './problem-codes.js';
import { codes, minimal } from './testing/definition-builders.js';
import { refundExample } from './testing/refund-example.js';
import { validateDefinition } from './validate-definition.js';

describe('validateDefinition', () => {
  it('accepts the refund example of docs/architecture.md without any problem', () => {
    expect(validateDefinition(refundExample())).toEqual({ valid: true, problems: [] });
  });

  it('accepts the refund example after a JSON round trip, with a $schema reference', () => {
    const json = JSON.parse(
      JSON.stringify({ $schema: '../libs/definition/definition.schema.json', ...refundExample() }),
    );
    expect(validateDefinition(json).problems).toEqual([]);
  });

  it.each([null, undefined, 0, 42, 'refund', '', true, [], [1, 2], () => 1, Symbol('x'), 10n])(
    'never throws and rejects %s',
    (input) => {
      const result = validateDefinition(input);
      expect(result.valid).toBe(false);
      expect(codes(result)).toEqual(['not-an-object']);
    },
  );

  it('survives __proto__ and constructor keys from JSON without touching prototypes', () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{}},"schemaVersion":1,"key":"x","name":"x","fields":[{"name":"__proto__","type":"number"}],' +
        '"nodes":[{"id":"__proto__","type":"constructor"},{"id":"toString","type":"start","__proto__":{}}],"edges":[{"id":"constructor","source":"toString","target":"__proto__","on":"hasOwnProperty"}]}',
    );
    const result = validateDefinition(hostile);
    expect(result.valid).toBe(false);
    expect(codes(result)).toContain('unknown-property');
    expect(codes(result)).toContain('unknown-node-type');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a definition that refers to itself as too large instead of looping', () => {
    const looped: Record<string, unknown> = minimal() as unknown as Record<string, unknown>;
    looped.self = looped;
    expect(codes(validateDefinition(looped))).toEqual(['too-large']);
  });

  it('reports deeply nested conditions as too large without a stack overflow', () => {
    const definition = refundExample();
    let condition: Record<string, unknown> = { fact: 'refundAmount', operator: 'greaterThan', value: 1 };
    for (let depth = 0; depth < 100_000; depth += 1) condition = { not: condition };
    (definition.edges[2] as unknown as Record<string, unknown>).condition = condition;
    expect(codes(validateDefinition(definition))).toEqual(['too-large']);
  });

  it('turns a throwing getter into an internal-error problem instead of throwing', () => {
    const definition = minimal() as unknown as Record<string, unknown>;
    Object.defineProperty(definition, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const result = validateDefinition(definition);
    expect(result.valid).toBe(false);
    expect(codes(result)).toContain('internal-error');
  });

  it('returns every problem at once, structural and graph alike', () => {
    const definition = refundExample() as unknown as Record<string, unknown>;
    definition.key = 'Not A Slug';
    const nodes = definition.nodes as Record<string, unknown>[];
    (nodes[3] as Record<string, unknown>).timeout = { after: 'soon' };
    nodes.push({ id: 'orphan', type: 'task', assignee: { role: 'agent' } });
    const found = codes(validateDefinition(definition));
    expect(found).toEqual(
      expect.arrayContaining(['invalid-key', 'invalid-duration', 'unreachable-node', 'no-way-out']),
    );
  });

  it('is valid when only warnings are reported', () => {
    const definition = refundExample();
    definition.edges.push({
      id: 'e10',
      source: 'amount',
      target: 'manager',
      condition: { fact: 'refundAmount', operator: 'greaterThan', value: 9000 },
    });
    const result = validateDefinition(definition);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((problem) => problem.severity === 'warning')).toBe(true);
    expect(result.valid).toBe(true);
  });

  it('only reports codes from the catalogue, in kebab-case', () => {
    for (const code of Object.keys(PROBLEM_CODES)) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
