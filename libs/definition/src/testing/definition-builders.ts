// Test-only builders: small definitions assembled from parts. Not exported from index.ts.
import type {
  Condition,
  FieldDefinition,
  WorkflowDefinition,
  WorkflowEdge,
  WorkflowNode,
} from '../definition.types.js';
import type { Problem, ValidationResult } from '../problem.types.js';

type Extra = Record<string, unknown>;

function make(id: string, type: string, extra: Extra = {}): WorkflowNode {
  return { id, type, ...extra } as unknown as WorkflowNode;
}

/** Node builders: `node.task('review', { outcomes: ['ok'] })`. */
export const node = {
  start: (id = 'start'): WorkflowNode => make(id, 'start'),
  end: (id = 'end', extra?: Extra): WorkflowNode => make(id, 'end', extra),
  task: (id: string, extra?: Extra): WorkflowNode =>
    make(id, 'task', { assignee: { role: 'agent' }, ...extra }),
  approval: (id: string, extra?: Extra): WorkflowNode =>
    make(id, 'approval', { approvers: { role: 'finance' }, ...extra }),
  decision: (id: string, extra?: Extra): WorkflowNode => make(id, 'decision', extra),
  parallel: (id: string): WorkflowNode => make(id, 'parallel'),
  join: (id: string, extra?: Extra): WorkflowNode => make(id, 'join', extra),
  timer: (id: string, extra: Extra = { after: 'PT1H' }): WorkflowNode => make(id, 'timer', extra),
  wait: (id: string, extra?: Extra): WorkflowNode => make(id, 'wait', { message: 'label-printed', ...extra }),
  action: (
    id: string,
    action: Extra = { type: 'notify', to: { requester: true }, template: 'hello' },
  ): WorkflowNode => make(id, 'action', { action }),
  raw: (id: string, type: string, extra?: Extra): WorkflowNode => make(id, type, extra),
};

let edgeCounter = 0;

/** An edge with a generated id: `edge('a', 'b', { on: 'completed' })`. */
export function edge(source: string, target: string, extra: Partial<WorkflowEdge> = {}): WorkflowEdge {
  edgeCounter += 1;
  return { id: `e${edgeCounter}`, source, target, ...extra };
}

/** A comparison condition on one field. */
export function compare(fact: string, operator: string, value: unknown): Condition {
  return { fact, operator, value };
}

export const amountField: FieldDefinition = { name: 'amount', type: 'number' };
export const channelField: FieldDefinition = { name: 'channel', type: 'enum', options: ['web', 'phone'] };

/** A definition from nodes and edges (and fields: `amount` number, `channel` enum, by default). */
export function definition(
  nodes: WorkflowNode[],
  edges: WorkflowEdge[],
  fields: FieldDefinition[] = [amountField, channelField],
): WorkflowDefinition {
  return { schemaVersion: 1, key: 'test-flow', name: 'Test flow', fields, nodes, edges };
}

/** start → the given node (left by `on`) → end: for checks on one node's properties. */
export function around(middle: WorkflowNode, outcomes: string[] = ['completed']): WorkflowDefinition {
  const edges = [edge('start', middle.id), ...outcomes.map((on) => edge(middle.id, 'end', { on }))];
  return definition([node.start(), middle, node.end()], edges);
}

/** start → the given node → end, all plain edges: for timers, joins and the like. */
export function aroundPlain(middle: WorkflowNode, fields?: FieldDefinition[]): WorkflowDefinition {
  return definition(
    [node.start(), middle, node.end()],
    [edge('start', middle.id), edge(middle.id, 'end')],
    fields,
  );
}

/** start → task → end: the smallest valid definition. */
export function minimal(): WorkflowDefinition {
  return around(node.task('review'));
}

/** The codes of a result's problems. */
export function codes(result: ValidationResult): string[] {
  return result.problems.map((problem) => problem.code);
}

/** The problems of one code. */
export function withCode(result: ValidationResult, code: string): Problem[] {
  return result.problems.filter((problem) => problem.code === code);
}
