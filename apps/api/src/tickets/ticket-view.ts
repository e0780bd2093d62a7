import type { Priority, SubflowChildLink, SubflowParentLink, TicketStatus } from '@ticketflow/contract';

/** Columns selected for a ticket view: `t` tickets, `i` instances, `v` versions, `r` requester. */
export const TICKET_COLUMNS = `t.id, t.number, t.title, t.fields, t.priority, t.channel, t.status, t.outcome, t.created_at, t.updated_at,
  t.closed_at, t.tags, t.assignee_group, i.active_nodes, i.id AS instance_id, v.key, v.version, r.id AS requester_id, r.username AS requester_username`;

export interface TicketRow {
  id: string;
  number: string;
  title: string;
  fields: Record<string, unknown>;
  priority: Priority;
  channel: string;
  status: TicketStatus;
  outcome: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  tags: string[];
  assignee_group: string | null;
  active_nodes: string[];
  instance_id: string;
  key: string;
  version: number;
  requester_id: string;
  requester_username: string;
}

/** A ticket as the service builds it; the controllers hold it to the contract's `Ticket` (`Sendable<Ticket>`). */
export interface TicketView {
  id: string;
  number: number;
  title: string;
  fields: Record<string, unknown>;
  priority: Priority;
  channel: string;
  status: TicketRow['status'];
  outcome?: string;
  activeNodes: string[];
  workflow: { key: string; version: number };
  requester: { id: string; username: string };
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
  /** Set by automation rules. */
  tags: string[];
  assigneeGroup?: string;
  /** Sub-flow links (GET /api/tickets/:id only). */
  parent?: SubflowParentLink;
  subflows?: SubflowChildLink[];
}

/** The API shape of a ticket, as GET /api/tickets/:id answers it. Pure. */
export function toTicketView(row: TicketRow): TicketView {
  return {
    id: row.id,
    number: Number(row.number),
    title: row.title,
    fields: row.fields,
    priority: row.priority,
    channel: row.channel,
    status: row.status,
    ...(row.outcome ? { outcome: row.outcome } : {}),
    activeNodes: row.active_nodes,
    workflow: { key: row.key, version: row.version },
    requester: { id: row.requester_id, username: row.requester_username },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.closed_at ? { closedAt: row.closed_at } : {}),
    tags: row.tags ?? [],
    ...(row.assignee_group ? { assigneeGroup: row.assignee_group } : {}),
  };
}
