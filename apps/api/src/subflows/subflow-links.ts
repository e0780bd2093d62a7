import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SubflowChildLink, SubflowParentLink } from '@ticketflow/contract';

/**
 * A SQL predicate over the ticket alias `t` saying whether the reader may open it, with its
 * parameters numbered from `$2` (the tickets service's own visibility rule).
 */
export interface VisibilityRule {
  sql: string;
  params: unknown[];
}

/** The name of node `$node` in the definition of version alias `v`, falling back to its id. */
const nodeName = (version: string, node: string) =>
  `coalesce((SELECT n->>'name' FROM jsonb_array_elements(${version}.definition->'nodes') n WHERE n->>'id' = ${node}), ${node})`;

/**
 * The links between a ticket and its sub-flow relatives, for the ticket page: the parent that
 * started it (if it is a child) and the children its sub-flow steps started, each with where it
 * is now. Seeing a ticket does not let its reader open the relatives: `visible` says, per link,
 * whether the reader may (requester, assignee or candidate of one of its tasks, admin — the usual
 * rule); the number, status and step of a child are shown anyway, since they are where the parent
 * itself waits. Reads only.
 */
@Injectable()
export class SubflowLinks {
  async of(
    manager: EntityManager,
    ticketId: string,
    rule: VisibilityRule,
  ): Promise<{ parent?: SubflowParentLink; subflows?: SubflowChildLink[] }> {
    const [parent] = (await manager.query(
      `SELECT t.id, t.number, t.title, pv.key, pv.version, ci.parent_node_id AS node, ${nodeName('pv', 'ci.parent_node_id')} AS node_name,
              (${rule.sql}) AS visible
         FROM instances ci JOIN instances pi ON pi.id = ci.parent_instance_id
         JOIN tickets t ON t.id = pi.ticket_id JOIN workflow_versions pv ON pv.id = pi.version_id
        WHERE ci.ticket_id = $1`,
      [ticketId, ...rule.params],
    )) as {
      id: string;
      number: string;
      title: string;
      key: string;
      version: number;
      node: string;
      node_name: string;
      visible: boolean;
    }[];
    const children = (await manager.query(
      `SELECT t.id, t.number, t.status, cv.key, cv.version, cv.name AS workflow_name, ci.active_nodes, ci.parent_node_id AS node,
              ${nodeName('pv', 'ci.parent_node_id')} AS node_name,
              coalesce((SELECT array_agg(${nodeName('cv', 'a.id')} ORDER BY a.ord) FROM unnest(ci.active_nodes) WITH ORDINALITY a(id, ord)), '{}') AS steps,
              (${rule.sql}) AS visible
         FROM instances pi JOIN instances ci ON ci.parent_instance_id = pi.id
         JOIN tickets t ON t.id = ci.ticket_id JOIN workflow_versions cv ON cv.id = ci.version_id
         JOIN workflow_versions pv ON pv.id = pi.version_id
        WHERE pi.ticket_id = $1
        ORDER BY t.number`,
      [ticketId, ...rule.params],
    )) as {
      id: string;
      number: string;
      status: SubflowChildLink['status'];
      key: string;
      version: number;
      active_nodes: string[];
      workflow_name: string;
      node: string;
      node_name: string;
      steps: string[];
      visible: boolean;
    }[];
    return {
      ...(parent
        ? {
            parent: {
              ticketId: parent.id,
              number: Number(parent.number),
              title: parent.title,
              workflowKey: parent.key,
              version: parent.version,
              node: parent.node,
              nodeName: parent.node_name,
              visible: parent.visible,
            },
          }
        : {}),
      ...(children.length > 0
        ? {
            subflows: children.map((child) => ({
              ticketId: child.id,
              number: Number(child.number),
              workflowKey: child.key,
              version: child.version,
              workflowName: child.workflow_name,
              status: child.status,
              node: child.node,
              nodeName: child.node_name,
              steps: child.steps,
              stepIds: child.active_nodes,
              visible: child.visible,
            })),
          }
        : {}),
    };
  }
}
