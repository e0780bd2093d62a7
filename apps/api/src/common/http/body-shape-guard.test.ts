import { describe, expect, it } from 'vitest';
import { findBodyShapeProblem } from './body-shape-guard.js';

describe('findBodyShapeProblem', () => {
  it('passes ordinary bodies', () => {
    expect(
      findBodyShapeProblem({ definition: { nodes: [{ id: 'start', condition: { all: [{ fact: 'a' }] } }] } }),
    ).toBeUndefined();
    expect(findBodyShapeProblem(undefined)).toBeUndefined();
  });

  it('finds nesting past the limit without overflowing the stack itself', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
    expect(findBodyShapeProblem(deep)).toMatchObject({ code: 'body-too-deep' });
    expect(findBodyShapeProblem({ a: { b: { c: 1 } } }, 3)).toBeUndefined();
    expect(findBodyShapeProblem({ a: { b: { c: {} } } }, 3)).toEqual({
      code: 'body-too-deep',
      path: '/a/b/c',
    });
  });

  it('names a prototype key wherever it is', () => {
    expect(findBodyShapeProblem(JSON.parse('{"definition":{"nodes":[{"__proto__":{"x":1}}]}}'))).toEqual({
      code: 'forbidden-key',
      path: '/definition/nodes/0/__proto__',
    });
    expect(findBodyShapeProblem({ fields: { constructor: { prototype: {} } } })).toEqual({
      code: 'forbidden-key',
      path: '/fields/constructor',
    });
  });
});
