import {
  attachmentRuleOf,
  type WorkflowDefinition,
  type WorkflowEdge,
  type WorkflowNode,
} from '@ticketflow/definition';
import type { AuthUser } from '../auth/auth-user.js';

/** True when the user works on tickets: any role besides `requester` (a user with no role reads as a requester). */
export const isStaff = (user: AuthUser): boolean => user.roles.some((role) => role !== 'requester');

/**
 * What a requester may read of a definition: the fields (to fill the form),
 * the steps by id, type and name (to follow their ticket) and the graph's
 * shape. Branch conditions, edge labels, step descriptions and form notes
 * (they name internal thresholds such as "above 5,000 → finance") are left
 * out unless the workflow sets `conditionsPublic`; who works a step (users,
 * roles), its form's fields, timeouts and action targets are always left out;
 * a step that requires a file keeps that rule and its note (`form.attachments`),
 * since the requester is the one who brings the receipt. Pure: returns a new
 * object.
 */
export function requesterDefinition(definition: WorkflowDefinition): Record<string, unknown> {
  const open = definition.conditionsPublic === true;
  const i18n = (definition as unknown as Record<string, unknown>)['x-i18n'];
  return {
    schemaVersion: definition.schemaVersion,
    key: definition.key,
    name: definition.name,
    ...(definition.description !== undefined ? { description: definition.description } : {}),
    ...(definition.requesterPriority !== undefined
      ? { requesterPriority: definition.requesterPriority }
      : {}),
    ...(definition.conditionsPublic !== undefined ? { conditionsPublic: definition.conditionsPublic } : {}),
    ...(i18n !== undefined ? { 'x-i18n': i18n } : {}),
    fields: definition.fields,
    nodes: (definition.nodes ?? []).map((node) => requesterNode(node, open)),
    edges: (definition.edges ?? []).map((edge) => requesterEdge(edge, open)),
  };
}

function requesterNode(node: WorkflowNode, open: boolean) {
  return {
    id: node.id,
    type: node.type,
    ...(node.name !== undefined ? { name: node.name } : {}),
    ...(open && node.description !== undefined ? { description: node.description } : {}),
    ...(node.position ? { position: node.position } : {}),
    ...(node.type === 'end' && node.outcome !== undefined ? { outcome: node.outcome } : {}),
    ...requiredFile(node),
  };
}

/** A step's "file required" rule as a requester sees it (an empty form but for it), or nothing. */
function requiredFile(node: WorkflowNode) {
  const rule = attachmentRuleOf(node);
  return rule?.required ? { form: { fields: [], attachments: rule } } : {};
}

function requesterEdge(edge: WorkflowEdge, open: boolean) {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(edge.on !== undefined ? { on: edge.on } : {}),
    ...(edge.default !== undefined ? { default: edge.default } : {}),
    ...(edge.priority !== undefined ? { priority: edge.priority } : {}),
    ...(open && edge.condition !== undefined ? { condition: edge.condition } : {}),
    ...(open && edge.label !== undefined ? { label: edge.label } : {}),
  };
}
