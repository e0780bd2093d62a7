import { describe, expect, it } from 'vitest';
import { DEFINITION_LIMITS } from './check-size.js';
import type { WorkflowEdge, WorkflowNode } from './definition.types.js';
import { definition, edge, node } from './testing/definition-builders.js';
import { validateDefinition } from './validate-definition.js';

// How long these take is measured by the bench (`npm run bench -- --only limits`); here only what they answer.
const problemsOf = (input: unknown) => validateDefinition(input).problems;

describe('validation at the size limits', () => {
  it('accepts one decision with the maximum number of condition edges', () => {
    const nodes: WorkflowNode[] = [node.start(), node.decision('d'), node.end()];
    const edges: WorkflowEdge[] = [edge('start', 'd'), edge('d', 'end', { default: true })];
    while (edges.length < DEFINITION_LIMITS.maxEdges)
      edges.push(
        edge('d', 'end', { condition: { fact: 'amount', operator: 'greaterThan', value: edges.length } }),
      );
    expect(problemsOf(definition(nodes, edges))).toEqual([]);
  });

  it('accepts a long chain of nested parallel blocks', () => {
    const depth = Math.floor((DEFINITION_LIMITS.maxNodes - 2) / 3);
    const nodes: WorkflowNode[] = [node.start(), node.end()];
    const edges: WorkflowEdge[] = [];
    for (let level = 0; level < depth; level += 1)
      nodes.push(node.parallel(`p${level}`), node.task(`t${level}`), node.join(`j${level}`));
    edges.push(edge('start', 'p0'));
    for (let level = 0; level < depth; level += 1) {
      edges.push(edge(`p${level}`, `t${level}`), edge(`t${level}`, `j${level}`, { on: 'completed' }));
      edges.push(level + 1 < depth ? edge(`p${level}`, `p${level + 1}`) : edge(`p${level}`, `j${level}`));
      edges.push(level > 0 ? edge(`j${level}`, `j${level - 1}`) : edge('j0', 'end'));
    }
    expect(problemsOf(definition(nodes, edges))).toEqual([]);
  });

  it('checks a maximal graph of everything wrong without drowning in problems', () => {
    const nodes: WorkflowNode[] = [];
    const edges: WorkflowEdge[] = [];
    for (let index = 0; index < DEFINITION_LIMITS.maxNodes; index += 1)
      nodes.push(node.decision(`d${index}`));
    for (let index = 0; edges.length < DEFINITION_LIMITS.maxEdges; index += 1)
      edges.push(edge(`d${index % 2000}`, `d${(index * 7 + 1) % 2000}`));
    const problems = problemsOf(definition(nodes, edges));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThan(20_000);
  });
});
