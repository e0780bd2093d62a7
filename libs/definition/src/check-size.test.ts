import { describe, expect, it } from 'vitest';
import { DEFINITION_LIMITS } from './check-size.js';
import { codes, edge, minimal, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';
import { validateDefinition } from './validate-definition.js';

function withNodes(count: number): unknown {
  const definition = minimal();
  for (let index = definition.nodes.length; index < count; index += 1)
    definition.nodes.push(node.end(`end${index}`));
  return definition;
}

function withEdges(count: number): unknown {
  const definition = minimal();
  for (let index = definition.edges.length; index < count; index += 1)
    definition.edges.push(edge('start', 'review'));
  return definition;
}

testRules([
  {
    when: 'a workflow has more nodes than allowed',
    code: 'too-large',
    trigger: () => withNodes(DEFINITION_LIMITS.maxNodes + 1),
    pass: () => withNodes(DEFINITION_LIMITS.maxNodes),
    passIsOnlyFreeOf: true,
  },
  {
    when: 'a workflow has more edges than allowed',
    code: 'too-large',
    trigger: () => withEdges(DEFINITION_LIMITS.maxEdges + 1),
    pass: () => withEdges(DEFINITION_LIMITS.maxEdges),
    passIsOnlyFreeOf: true,
  },
  {
    when: 'a workflow is bigger than 2 MB of JSON',
    code: 'too-large',
    trigger: () => ({ ...minimal(), description: 'x'.repeat(DEFINITION_LIMITS.maxBytes) }),
    pass: () => ({ ...minimal(), description: 'x'.repeat(DEFINITION_LIMITS.maxBytes / 2) }),
  },
]);

describe('size limits', () => {
  it('rejects a hostile 100,000-node definition quickly and reports nothing else', () => {
    const nodes = Array.from({ length: 100_000 }, (_, index) => ({ id: `n${index}`, type: 'task' }));
    const started = Date.now();
    const result = validateDefinition({ schemaVersion: 1, nodes, edges: [] });
    expect(Date.now() - started).toBeLessThan(50);
    expect(codes(result)).toEqual(['too-large']);
    expect(result.problems[0]?.message).toContain('100000 nodes');
  });

  it('rejects a sparse list of a billion entries without walking it', () => {
    const started = Date.now();
    const result = validateDefinition({ ...minimal(), fields: new Array(1_000_000_000) });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(codes(result)).toEqual(['too-large']);
  });

  it('counts multi-byte characters as their UTF-8 size', () => {
    const chinese = '退'.repeat(Math.ceil(DEFINITION_LIMITS.maxBytes / 3) + 10);
    expect(codes(validateDefinition({ ...minimal(), description: chinese }))).toEqual(['too-large']);
  });
});
