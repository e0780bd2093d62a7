import type { DefinitionGraph } from './definition-graph.js';
import { describeNode } from './node-types.js';
import type { ProblemSink } from './problem-sink.js';

/**
 * Checks what multi-instance steps refer to: `forEach` names a declared `list` field and
 * `approvers.field` a declared `users` field, so a ticket never reaches a step that cannot
 * tell how many instances to run or who approves. Pure apart from `sink`.
 */
export function checkMultiInstance(sink: ProblemSink, graph: DefinitionGraph): void {
  for (const node of graph.nodes) {
    if (node.type !== 'task' && node.type !== 'approval') continue;
    const forEach = (node as { forEach?: unknown }).forEach;
    if (typeof forEach === 'string' && forEach.trim() !== '') {
      const field = graph.fields.get(forEach);
      if (field === undefined) {
        sink.add(
          'unknown-field',
          `${describeNode(node)} runs once per item of "${forEach.slice(0, 60)}", which the workflow does not declare; declare a list field or pick another.`,
          { nodeId: node.id, field: 'forEach' },
        );
      } else if (field.type !== 'list') {
        sink.add(
          'invalid-for-each',
          `${describeNode(node)} runs once per item of "${forEach.slice(0, 60)}", a ${field.type} field; "forEach" needs a list field (type "list" with "itemFields").`,
          { nodeId: node.id, field: 'forEach' },
        );
      }
    }
    const approvers =
      node.type === 'approval' ? (node.approvers as { field?: unknown } | undefined) : undefined;
    if (typeof approvers?.field === 'string' && approvers.field.trim() !== '') {
      const field = graph.fields.get(approvers.field);
      if (field === undefined) {
        sink.add(
          'unknown-field',
          `${describeNode(node)} takes its approvers from "${approvers.field.slice(0, 60)}", which the workflow does not declare; declare a users field or pick another.`,
          { nodeId: node.id, field: 'approvers.field' },
        );
      } else if (field.type !== 'users') {
        sink.add(
          'invalid-approvers',
          `${describeNode(node)} takes its approvers from "${approvers.field.slice(0, 60)}", a ${field.type} field; approvers come from a users field (type "users").`,
          { nodeId: node.id, field: 'approvers.field' },
        );
      }
    }
  }
}
