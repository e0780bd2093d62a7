import { describe, expect, it } from 'vitest';
import schemaFile from '../definition.schema.json' with { type: 'json' };
import { definitionSchema } from './definition-schema.js';
import { nodeTypes } from './node-types.js';
import { OPERATORS } from './operators.js';

describe('definitionSchema', () => {
  it('equals the published definition.schema.json (rewrite it with scripts/write-schema.mjs)', () => {
    expect(schemaFile).toEqual(JSON.parse(JSON.stringify(definitionSchema)));
  });

  it('describes exactly the registered node types', () => {
    const types = definitionSchema.$defs.node.oneOf.map(
      (entry) => (entry as { properties: { type: { const: string } } }).properties.type.const,
    );
    expect(types.sort()).toEqual(nodeTypes.map((info) => info.type).sort());
  });

  it('allows exactly the catalogued operators', () => {
    const comparison = definitionSchema.$defs.condition.oneOf[3] as {
      properties: { operator: { enum: string[] } };
    };
    expect(comparison.properties.operator.enum.sort()).toEqual(Object.keys(OPERATORS).sort());
  });

  it('is draft 2020-12 and requires schemaVersion 1', () => {
    expect(definitionSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(definitionSchema.properties.schemaVersion).toEqual({ const: 1 });
  });
});
