import type { EntityManager } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';

/** Everything a generated document may print about one ticket, read in four statements. */
export interface DocumentData {
  ticket: {
    id: string;
    number: number;
    title: string;
    status: string;
    fields: Record<string, unknown>;
    createdAt: Date;
    requester: string;
  };
  workflow: { key: string; version: number; definition: WorkflowDefinition };
  /** Steps entered, in order, with who moved the ticket there (null: the system). */
  path: { nodeId: string; event: string; at: Date; actor: string | null; outcome: string | null }[];
  /** Every approval vote: who, on which step, what and when (and on whose behalf). */
  approvals: {
    nodeId: string;
    step: string;
    decision: string;
    comment: string | null;
    at: Date;
    by: string;
    onBehalfOf: string | null;
  }[];
  attachments: {
    name: string;
    contentType: string;
    size: number;
    at: Date;
    by: string | null;
    visibility: string;
  }[];
}

/**
 * Reads what a document prints about `ticketId`: the ticket and its workflow
 * version, the transitions that entered a step, the approval votes and the
 * files (only public ones when the document itself is public). Read-only.
 */
export async function readDocumentData(
  manager: EntityManager,
  ticketId: string,
  publicOnly: boolean,
): Promise<DocumentData | null> {
  const [ticket] = (await manager.query(
    `SELECT t.id, t.number, t.title, t.status, t.fields, t.created_at, r.display_name AS requester, i.id AS instance_id,
            v.key, v.version, v.definition
       FROM tickets t JOIN instances i ON i.ticket_id = t.id JOIN workflow_versions v ON v.id = i.version_id
       JOIN users r ON r.id = t.requester_id WHERE t.id = $1`,
    [ticketId],
  )) as {
    id: string;
    number: string;
    title: string;
    status: string;
    fields: Record<string, unknown>;
    created_at: Date;
    requester: string;
    instance_id: string;
    key: string;
    version: number;
    definition: WorkflowDefinition;
  }[];
  if (!ticket) return null;
  const path = (await manager.query(
    `SELECT tr.to_node AS "nodeId", tr.event, tr.at, u.display_name AS actor, tr.payload->>'outcome' AS outcome
       FROM transitions tr LEFT JOIN users u ON u.id = tr.actor_id
      WHERE tr.instance_id = $1 AND tr.to_node IS NOT NULL ORDER BY tr.seq`,
    [ticket.instance_id],
  )) as DocumentData['path'];
  const approvals = (await manager.query(
    `SELECT k.node_id AS "nodeId", k.name AS step, v.decision, v.comment, v.at, u.display_name AS by, ob.display_name AS "onBehalfOf"
       FROM approval_votes v JOIN tasks k ON k.id = v.task_id JOIN users u ON u.id = v.user_id
       LEFT JOIN users ob ON ob.id = v.on_behalf_of
      WHERE k.ticket_id = $1 ORDER BY v.at, u.username`,
    [ticketId],
  )) as DocumentData['approvals'];
  const attachments = (await manager.query(
    `SELECT a.name, a.content_type AS "contentType", a.size_bytes AS size, a.created_at AS at, u.display_name AS by, a.visibility
       FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by
      WHERE a.ticket_id = $1 AND (NOT $2 OR a.visibility = 'public') ORDER BY a.created_at, a.id`,
    [ticketId, publicOnly],
  )) as DocumentData['attachments'];
  return {
    ticket: {
      id: ticket.id,
      number: Number(ticket.number),
      title: ticket.title,
      status: ticket.status,
      fields: ticket.fields,
      createdAt: ticket.created_at,
      requester: ticket.requester,
    },
    workflow: { key: ticket.key, version: ticket.version, definition: ticket.definition },
    path,
    approvals,
    attachments: attachments.map((file) => ({ ...file, size: Number(file.size) })),
  };
}
