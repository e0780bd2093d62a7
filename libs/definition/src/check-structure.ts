import { SCHEMA_VERSION } from './definition.types.js';
import { checkNodeProps } from './check-node-props.js';
import { describeNode, isNodeType, nodeTypes } from './node-types.js';
import { kindOf, type ProblemSink } from './problem-sink.js';
import { expectKind, expectKnownKeys, isRecord, own, placeOf, type Where } from './structure-reader.js';
import { checkFieldDefinition } from './check-fields.js';

/** A workflow key: lower-case slug, 1–64 characters. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Node and edge ids: letters, digits, `_` and `-`, 1–128 characters (no `.` or `#`: they mean paths in state machines). */
export const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;

const TOP_KEYS = [
  '$schema',
  'schemaVersion',
  'key',
  'name',
  'description',
  'requesterPriority',
  'conditionsPublic',
  'fields',
  'nodes',
  'edges',
];
const EDGE_KEYS = ['id', 'source', 'target', 'on', 'condition', 'default', 'priority', 'label'];

const TOP: Where = { path: '', field: '', subject: 'The workflow' };

function checkTop(sink: ProblemSink, input: Record<string, unknown>): void {
  expectKnownKeys(sink, input, TOP_KEYS, TOP);
  expectKind(sink, input, '$schema', 'string', TOP, false);
  expectKind(sink, input, 'description', 'string', TOP, false);
  expectKind(sink, input, 'requesterPriority', 'boolean', TOP, false);
  expectKind(sink, input, 'conditionsPublic', 'boolean', TOP, false);
  const version = own(input, 'schemaVersion');
  if (version === undefined) {
    sink.add(
      'missing-property',
      `The workflow needs "schemaVersion": ${SCHEMA_VERSION}.`,
      placeOf(TOP, 'schemaVersion'),
    );
  } else if (version !== SCHEMA_VERSION) {
    const shown = typeof version === 'number' ? String(version) : kindOf(version);
    sink.add(
      'unsupported-schema-version',
      `The workflow has schemaVersion ${shown}; this server understands ${SCHEMA_VERSION}.`,
      placeOf(TOP, 'schemaVersion'),
    );
  }
  if (expectKind(sink, input, 'key', 'string', TOP, true) && !KEY_PATTERN.test(input.key as string)) {
    sink.add(
      'invalid-key',
      `The workflow key "${(input.key as string).slice(0, 80)}" must be 1–64 lower-case letters, digits and dashes, starting with a letter or digit (e.g. "refund-approval").`,
      placeOf(TOP, 'key'),
    );
  }
  if (expectKind(sink, input, 'name', 'string', TOP, true) && (input.name as string).trim() === '') {
    sink.add('invalid-value', 'The workflow needs a name.', placeOf(TOP, 'name'));
  }
}

function checkId(
  sink: ProblemSink,
  record: Record<string, unknown>,
  where: Where,
  what: 'node' | 'edge',
): string | undefined {
  if (!expectKind(sink, record, 'id', 'string', where, true)) return undefined;
  const id = record.id as string;
  if (!ID_PATTERN.test(id)) {
    sink.add(
      'invalid-id',
      `The ${what} id "${id.slice(0, 80)}" may only use letters, digits, "_" and "-" (1–128 characters).`,
      placeOf(where, 'id'),
    );
  }
  return id;
}

function checkNodes(sink: ProblemSink, nodes: unknown[]): void {
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    const path = `/nodes/${index}`;
    if (!isRecord(node)) {
      sink.add('invalid-type', `Node ${index + 1} must be an object, not ${kindOf(node)}.`, { path });
      return;
    }
    const rawId = own(node, 'id');
    const nodeId = typeof rawId === 'string' ? rawId : undefined;
    const where: Where = {
      path,
      field: '',
      subject: nodeId === undefined ? `Node ${index + 1}` : describeNode(node),
    };
    if (nodeId !== undefined) where.nodeId = nodeId;
    const id = checkId(sink, node, where, 'node');
    if (id !== undefined) {
      if (seen.has(id))
        sink.add(
          'duplicate-node-id',
          `Two nodes have the id "${id.slice(0, 80)}"; give each node its own id.`,
          placeOf(where, 'id'),
        );
      seen.add(id);
    }
    expectKind(sink, node, 'name', 'string', where, false);
    expectKind(sink, node, 'description', 'string', where, false);
    if (expectKind(sink, node, 'position', 'object', where, false)) {
      const position = node.position as Record<string, unknown>;
      const at = { ...where, path: `${path}/position`, field: 'position' };
      expectKind(sink, position, 'x', 'number', at, true);
      expectKind(sink, position, 'y', 'number', at, true);
      expectKnownKeys(sink, position, ['x', 'y'], at);
    }
    const type = own(node, 'type');
    if (type === undefined) {
      sink.add(
        'missing-property',
        `${where.subject} needs a "type" (one of ${nodeTypes.map((info) => info.type).join(', ')}).`,
        placeOf(where, 'type'),
      );
    } else if (!isNodeType(type)) {
      const shown = typeof type === 'string' ? `"${type.slice(0, 40)}"` : kindOf(type);
      sink.add(
        'unknown-node-type',
        `${where.subject} has type ${shown}, which is not a node type; use one of ${nodeTypes.map((info) => info.type).join(', ')}.`,
        placeOf(where, 'type'),
      );
    } else {
      checkNodeProps(sink, node, type, where);
    }
  });
}

function checkEdges(sink: ProblemSink, edges: unknown[]): void {
  const seen = new Set<string>();
  edges.forEach((edge, index) => {
    const path = `/edges/${index}`;
    if (!isRecord(edge)) {
      sink.add('invalid-type', `Edge ${index + 1} must be an object, not ${kindOf(edge)}.`, { path });
      return;
    }
    const rawId = own(edge, 'id');
    const where: Where = {
      path,
      field: '',
      subject: typeof rawId === 'string' ? `Edge "${rawId.slice(0, 60)}"` : `Edge ${index + 1}`,
    };
    if (typeof rawId === 'string') where.edgeId = rawId;
    const id = checkId(sink, edge, where, 'edge');
    if (id !== undefined) {
      if (seen.has(id))
        sink.add(
          'duplicate-edge-id',
          `Two edges have the id "${id.slice(0, 80)}"; give each edge its own id.`,
          placeOf(where, 'id'),
        );
      seen.add(id);
    }
    expectKnownKeys(sink, edge, EDGE_KEYS, where);
    expectKind(sink, edge, 'source', 'string', where, true);
    expectKind(sink, edge, 'target', 'string', where, true);
    if (expectKind(sink, edge, 'on', 'string', where, false) && (edge.on as string).trim() === '') {
      sink.add(
        'invalid-value',
        `${where.subject}: "on" must name an outcome; remove it for a plain edge.`,
        placeOf(where, 'on'),
      );
    }
    expectKind(sink, edge, 'condition', 'object', where, false);
    expectKind(sink, edge, 'default', 'boolean', where, false);
    expectKind(sink, edge, 'priority', 'number', where, false);
    expectKind(sink, edge, 'label', 'string', where, false);
  });
}

/**
 * Structural checks (the JSON Schema's rules, with friendlier messages): top-level
 * properties, fields, every node's properties for its type, every edge's properties.
 * Returns false when the input is not even an object with node and edge lists, in which
 * case graph checks cannot run. Pure apart from pushing into `sink`.
 */
export function checkStructure(sink: ProblemSink, input: unknown): boolean {
  if (!isRecord(input)) {
    sink.add(
      'not-an-object',
      `A workflow definition must be a JSON object with "nodes" and "edges", not ${kindOf(input)}.`,
      { path: '' },
    );
    return false;
  }
  checkTop(sink, input);
  if (expectKind(sink, input, 'fields', 'array', TOP, true)) {
    const seen = new Set<string>();
    (input.fields as unknown[]).forEach((field, index) => {
      const name = checkFieldDefinition(sink, field, index);
      if (name === undefined) return;
      if (seen.has(name))
        sink.add('duplicate-field', `Two fields are named "${name}"; rename one.`, {
          path: `/fields/${index}/name`,
          field: name,
        });
      seen.add(name);
    });
  }
  const hasNodes = expectKind(sink, input, 'nodes', 'array', TOP, true);
  const hasEdges = expectKind(sink, input, 'edges', 'array', TOP, true);
  if (hasNodes) checkNodes(sink, input.nodes as unknown[]);
  if (hasEdges) checkEdges(sink, input.edges as unknown[]);
  return hasNodes && hasEdges;
}
