import { describe, expect, it } from 'vitest';
import { definition, edge, minimal, node, withCode } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';
import { validateDefinition } from './validate-definition.js';

function patch(changes: Record<string, unknown>): () => unknown {
  return () => ({ ...minimal(), ...changes });
}

function without(key: string): () => unknown {
  return () => {
    const copy: Record<string, unknown> = { ...minimal() };
    delete copy[key];
    return copy;
  };
}

testRules([
  { when: 'the definition is a list', code: 'not-an-object', trigger: () => [minimal()], pass: minimal },
  {
    when: 'schemaVersion is 2',
    code: 'unsupported-schema-version',
    trigger: patch({ schemaVersion: 2 }),
    pass: patch({ schemaVersion: 1 }),
  },
  { when: 'the name is missing', code: 'missing-property', trigger: without('name'), pass: minimal },
  {
    when: 'schemaVersion is missing',
    code: 'missing-property',
    trigger: without('schemaVersion'),
    pass: minimal,
  },
  { when: 'nodes is an object', code: 'invalid-type', trigger: patch({ nodes: {} }), pass: minimal },
  {
    when: 'the name is blank',
    code: 'invalid-value',
    trigger: patch({ name: '  ' }),
    pass: patch({ name: 'Refunds' }),
  },
  {
    when: 'a top-level property is misspelt',
    code: 'unknown-property',
    trigger: patch({ feilds: [] }),
    pass: patch({ 'x-owner': 'team-a' }),
  },
  {
    when: 'the key is not a slug',
    code: 'invalid-key',
    trigger: patch({ key: 'Refund Approval' }),
    pass: patch({ key: 'refund-approval-2' }),
  },
  {
    when: 'a node id has a dot',
    code: 'invalid-id',
    trigger: () => definition([node.start(), node.end('the.end')], [edge('start', 'the.end')]),
    pass: () => definition([node.start(), node.end('the_end')], [edge('start', 'the_end')]),
  },
  {
    when: 'two nodes share an id',
    code: 'duplicate-node-id',
    nodeId: 'end',
    trigger: () => definition([node.start(), node.end(), node.end()], [edge('start', 'end')]),
    pass: () => definition([node.start(), node.end()], [edge('start', 'end')]),
  },
  {
    when: 'two edges share an id',
    code: 'duplicate-edge-id',
    edgeId: 'same',
    trigger: () =>
      definition(
        [node.start(), node.parallel('p'), node.join('j'), node.end()],
        [
          edge('start', 'p'),
          edge('p', 'j', { id: 'same' }),
          edge('p', 'j', { id: 'same' }),
          edge('j', 'end'),
        ],
      ),
    pass: () =>
      definition(
        [node.start(), node.parallel('p'), node.join('j'), node.end()],
        [edge('start', 'p'), edge('p', 'j', { id: 'a' }), edge('p', 'j', { id: 'b' }), edge('j', 'end')],
      ),
  },
  {
    when: 'a node has a type the registry does not know',
    code: 'unknown-node-type',
    nodeId: 'mail',
    trigger: () =>
      definition(
        [node.start(), node.raw('mail', 'email'), node.end()],
        [edge('start', 'mail'), edge('mail', 'end')],
      ),
    pass: () =>
      definition(
        [node.start(), node.action('mail'), node.end()],
        [edge('start', 'mail'), edge('mail', 'end', { on: 'ok' }), edge('mail', 'end', { on: 'failed' })],
      ),
  },
  {
    when: 'an edge has an unknown property',
    code: 'unknown-property',
    trigger: () =>
      definition([node.start(), node.end()], [{ ...edge('start', 'end'), defualt: true } as never]),
    pass: () =>
      definition([node.start(), node.end()], [{ ...edge('start', 'end'), 'x-color': 'red' } as never]),
  },
  {
    when: 'a node position is not numeric',
    code: 'invalid-type',
    trigger: () =>
      definition(
        [{ ...node.start(), position: { x: '1', y: 2 } } as never, node.end()],
        [edge('start', 'end')],
      ),
    pass: () =>
      definition(
        [{ ...node.start(), position: { x: 1, y: 2 } } as never, node.end()],
        [edge('start', 'end')],
      ),
  },
]);

describe('structural problems', () => {
  it('point at the offending property with a JSON pointer and the node id', () => {
    const result = validateDefinition(
      definition(
        [node.start(), node.task('review', { assignee: 'agent' }), node.end()],
        [edge('start', 'review'), edge('review', 'end', { on: 'completed' })],
      ),
    );
    expect(withCode(result, 'invalid-type')[0]).toMatchObject({
      nodeId: 'review',
      field: 'assignee',
      path: '/nodes/1/assignee',
    });
  });

  it('name the node by its name in messages', () => {
    const result = validateDefinition(
      definition(
        [
          node.start(),
          node.task('review', { name: 'Agent review', timeout: { after: 'two days' } }),
          node.end(),
        ],
        [
          edge('start', 'review'),
          edge('review', 'end', { on: 'completed' }),
          edge('review', 'end', { on: 'timeout' }),
        ],
      ),
    );
    expect(withCode(result, 'invalid-duration')[0]?.message).toContain('Task "Agent review"');
    expect(withCode(result, 'invalid-duration')[0]?.message).toContain('"two days"');
  });
});
