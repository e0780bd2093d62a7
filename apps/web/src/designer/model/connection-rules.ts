import {
  canConnect as mayConnect,
  type ConnectionRefusal,
  type WorkflowDefinition,
  type WorkflowEdge,
} from '@ticketflow/definition';
import { nextId } from './node-catalog';

export type { ConnectionRefusal };

export interface ConnectionRequest {
  source: string;
  target: string;
  /** The source handle: an outcome name, or `out` for a plain exit. */
  sourceHandle?: string | null;
}

export type ConnectionVerdict = { ok: true; edge: WorkflowEdge } | { ok: false; reason: ConnectionRefusal };

/**
 * The canvas's side of "may these connect?": the answer is libs/definition's `canConnect`, the
 * rules the validator uses too (docs/style.md rule 6), so a refusal is the problem code validation
 * would report. Returns the edge to add, with a fresh id and `on` from the outcome handle. Pure.
 */
export function canConnect(definition: WorkflowDefinition, request: ConnectionRequest): ConnectionVerdict {
  const verdict = mayConnect(definition, {
    source: request.source,
    target: request.target,
    exit: request.sourceHandle,
  });
  if (!verdict.ok) return { ok: false, reason: verdict.code };
  const edge: WorkflowEdge = { id: nextId(definition, 'e'), source: request.source, target: request.target };
  if (verdict.on !== undefined) edge.on = verdict.on;
  // A decision's branches start without a condition; which one is "otherwise" is chosen
  // explicitly in the branches panel, never by the order they were drawn in.
  return { ok: true, edge };
}
