import {
  resolveStepForm,
  type FieldDefinition,
  type WorkflowEdge,
  type WorkflowNode,
} from '@ticketflow/definition';
import type { NodeInfo } from './compiled-workflow.types.js';

/**
 * Compiles one node's runtime facts: whether it waits, its timeout, what task
 * it creates. Defaults are applied here (task outcomes `["completed"]`,
 * approval policy `any`, requester not allowed to approve, a form that shows
 * every field and edits none). Pure.
 */
export function describeNode(
  node: WorkflowNode,
  outgoing: WorkflowEdge[],
  fields: readonly FieldDefinition[] = [],
): NodeInfo {
  const name = node.name ?? node.id;
  const info: NodeInfo = { id: node.id, type: node.type, name, waits: false, outgoing, node };
  switch (node.type) {
    case 'task':
      info.waits = true;
      info.task = {
        kind: 'task',
        name,
        assignee: node.assignee,
        outcomes: node.outcomes && node.outcomes.length > 0 ? [...node.outcomes] : ['completed'],
        form: resolveStepForm(node, fields),
        ...(node.forEach ? { forEach: node.forEach, completion: node.policy ?? { type: 'all' } } : {}),
      };
      if (node.timeout)
        info.timeout = { after: node.timeout.after, businessHours: node.timeout.businessHours === true };
      break;
    case 'approval':
      info.waits = true;
      info.task = {
        kind: 'approval',
        name,
        ...(node.approvers ? { approvers: node.approvers } : {}),
        policy: node.policy ?? { type: 'any' },
        allowRequester: node.allowRequester === true,
        form: resolveStepForm(node, fields),
        ...(node.forEach ? { forEach: node.forEach } : {}),
      };
      if (node.timeout) {
        info.timeout = { after: node.timeout.after, businessHours: node.timeout.businessHours === true };
        if (node.timeout.autoDecision) info.timeout.autoDecision = node.timeout.autoDecision;
      }
      break;
    case 'wait':
      info.waits = true;
      info.message = node.message;
      if (node.timeout)
        info.timeout = { after: node.timeout.after, businessHours: node.timeout.businessHours === true };
      break;
    case 'timer':
      info.waits = true;
      break;
    case 'subflow':
      info.waits = true;
      info.subflow = {
        workflowKey: node.workflowKey,
        input: { ...(node.input ?? {}) },
        output: { ...(node.output ?? {}) },
      };
      if (node.timeout)
        info.timeout = { after: node.timeout.after, businessHours: node.timeout.businessHours === true };
      break;
    case 'action':
      info.action = node.action;
      info.waits = node.action.type !== 'set-fields';
      break;
    case 'end':
      info.outcome = node.outcome ?? 'resolved';
      break;
    default:
      break;
  }
  return info;
}
