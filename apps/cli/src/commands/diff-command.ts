import {
  diffDefinitions,
  type DefinitionDiff,
  type WorkflowDefinition,
  type WorkflowEdge,
  type WorkflowNode,
} from '@ticketflow/definition';
import { describeChanges } from '@ticketflow/rules';
import { EXIT, fail, readJsonFile, type CliIo } from '../cli-io.js';

const nodeLabel = (node: WorkflowNode) =>
  node.name ? `${node.name} (${node.id}, ${node.type})` : `${node.id} (${node.type})`;
const edgeLabel = (edge: WorkflowEdge) =>
  `${edge.id}: ${edge.source} → ${edge.target}${edge.on ? ` on ${edge.on}` : edge.default ? ' (default)' : edge.condition ? ' (condition)' : ''}`;

/**
 * The diff as text: nodes, edges and fields added, removed and changed, then
 * every change in words (`describeChanges`, the same sentences the Versions
 * page shows). Layout (positions) is not a change. Pure.
 */
export function formatDiff(
  diff: DefinitionDiff,
  before: WorkflowDefinition,
  after: WorkflowDefinition,
): string[] {
  if (diff.identical) return ['No differences (layout aside).'];
  const lines: string[] = [];
  const section = <T>(title: string, items: T[], label: (item: T) => string) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`);
    for (const item of items) lines.push(`  ${label(item)}`);
  };
  section('Nodes added', diff.nodes.added, (n) => `+ ${nodeLabel(n)}`);
  section('Nodes removed', diff.nodes.removed, (n) => `- ${nodeLabel(n)}`);
  section(
    'Nodes changed',
    diff.nodes.changed,
    (c) => `~ ${nodeLabel(c.after)}: ${c.changes.map((p) => p.property).join(', ')}`,
  );
  section('Edges added', diff.edges.added, (e) => `+ ${edgeLabel(e)}`);
  section('Edges removed', diff.edges.removed, (e) => `- ${edgeLabel(e)}`);
  section(
    'Edges changed',
    diff.edges.changed,
    (c) => `~ ${edgeLabel(c.after)}: ${c.changes.map((p) => p.property).join(', ')}`,
  );
  section('Fields added', diff.fields.added, (f) => `+ ${f.name} (${f.type})`);
  section('Fields removed', diff.fields.removed, (f) => `- ${f.name} (${f.type})`);
  section(
    'Fields changed',
    diff.fields.changed,
    (c) => `~ ${c.id}: ${c.changes.map((p) => p.property).join(', ')}`,
  );
  lines.push('In words:');
  for (const change of describeChanges(diff.changes, before, after)) lines.push(`  - ${change.text}`);
  return lines;
}

function looksLikeDefinition(value: unknown): value is WorkflowDefinition {
  const v = value as Partial<WorkflowDefinition> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.nodes) &&
    Array.isArray(v.edges) &&
    Array.isArray(v.fields)
  );
}

/**
 * `ticketflow diff <a.json> <b.json>`: what changed from a to b. Exit codes
 * follow diff(1): 0 no differences, 1 differences, 2 unreadable input.
 * Side effects: reads the files, prints.
 */
export async function diffCommand(io: CliIo, beforePath: string, afterPath: string): Promise<number> {
  const sides: WorkflowDefinition[] = [];
  for (const path of [beforePath, afterPath]) {
    const read = await readJsonFile(io, path);
    if (!read.ok) return fail(io, read.message, EXIT.usage);
    if (!looksLikeDefinition(read.value))
      return fail(io, `${path}: not a workflow definition (needs fields, nodes and edges)`, EXIT.usage);
    sides.push(read.value);
  }
  const [before, after] = sides as [WorkflowDefinition, WorkflowDefinition];
  const diff = diffDefinitions(before, after);
  for (const line of formatDiff(diff, before, after)) io.out(line);
  return diff.identical ? EXIT.ok : EXIT.problems;
}
