import { describe, expect, it } from 'vitest';
import { canConnect, endpointRefusals, exitsOf, PLAIN_EXIT } from './connection-rules.js';
import { nodeTypes } from './node-types.js';
import { refundExample } from './testing/refund-example.js';
import { validateDefinition } from './validate-definition.js';

describe('connection rules', () => {
  it('derive every node type’s exits from the registry', () => {
    for (const info of nodeTypes) {
      const exits = exitsOf({ id: 'n', type: info.type } as never);
      if (info.exits === 'none') expect(exits, info.type).toEqual([]);
      else if (info.exits === 'outcomes') expect(exits.length, info.type).toBeGreaterThan(0);
      else expect(exits, info.type).toEqual([PLAIN_EXIT]);
    }
  });

  it('refuse an edge out of an end with the code the validator reports for such an edge', () => {
    const definition = refundExample();
    expect(canConnect(definition, { source: 'done', target: 'review' })).toEqual({
      ok: false,
      code: 'edge-from-end',
    });
    const drawn = {
      ...definition,
      edges: [...definition.edges, { id: 'x', source: 'done', target: 'review' }],
    };
    expect(validateDefinition(drawn).problems.map((p) => p.code)).toContain('edge-from-end');
  });

  it('name both refusals of an edge from an end into the start', () => {
    expect(endpointRefusals({ type: 'end' }, { type: 'start' })).toEqual([
      'edge-from-end',
      'edge-into-start',
    ]);
  });

  it('say which outcome a new edge follows', () => {
    const definition = refundExample();
    const bare = { ...definition, edges: definition.edges.filter((e) => e.source !== 'finance') };
    expect(canConnect(bare, { source: 'finance', target: 'done', exit: 'approved' })).toMatchObject({
      ok: true,
      on: 'approved',
    });
  });
});
