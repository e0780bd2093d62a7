import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { EngineService } from '../engine/engine.service.js';
import { reopenOutbox } from '../engine/workers/outbox-store.js';

export interface IncidentView {
  id: string;
  ticketId: string;
  ticketNumber: number;
  ticketTitle: string;
  nodeId: string | null;
  code: string;
  message: string;
  status: 'open' | 'resolved';
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  retryable: boolean;
  action: { attempts: number; lastError: string | null; lastStatus: number | null } | null;
}

const COLUMNS = `n.id, t.id AS "ticketId", t.number AS "ticketNumber", t.title AS "ticketTitle", n.node_id AS "nodeId", n.code, n.message, n.status,
  n.created_at AS "createdAt", n.resolved_at AS "resolvedAt", u.username AS "resolvedBy", n.outbox_id, o.attempts, o.last_error, o.last_status`;

type IncidentRow = Omit<IncidentView, 'retryable' | 'action'> & {
  outbox_id: string | null;
  attempts: number | null;
  last_error: string | null;
  last_status: number | null;
};

function toView(row: IncidentRow): IncidentView {
  const { outbox_id, attempts, last_error, last_status, ...rest } = row;
  return {
    ...rest,
    ticketNumber: Number(rest.ticketNumber),
    retryable: outbox_id !== null && rest.status === 'open',
    action:
      outbox_id === null ? null : { attempts: attempts ?? 0, lastError: last_error, lastStatus: last_status },
  };
}

/** Incidents for admins: list them, and retry the failed action behind one. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
  ) {}

  /** Newest first; `status` filters (default: open). Reads only. */
  async list(status: 'open' | 'resolved' | 'all' = 'open'): Promise<IncidentView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM incidents n JOIN instances i ON i.id = n.instance_id JOIN tickets t ON t.id = i.ticket_id
         LEFT JOIN outbox o ON o.id = n.outbox_id LEFT JOIN users u ON u.id = n.resolved_by
        WHERE $1 = 'all' OR n.status = $1 ORDER BY n.created_at DESC LIMIT 500`,
      [status],
    )) as IncidentRow[];
    return rows.map(toView);
  }

  /**
   * Retries the failed action behind an open incident, in one transaction:
   * the runtime takes the instance out of incident (`action.retry`, same
   * action key, so the receiver's Idempotency-Key stays the same), the outbox
   * row is queued again with fresh attempts, the ticket is active again and
   * the incident resolved. The dispatcher wakes after commit. 409 for an
   * incident that is resolved or has no action to retry.
   */
  async retry(id: string, user: AuthUser): Promise<IncidentView> {
    const incidentId = await this.tx.run(async (uow) => {
      const [found] = (await uow.manager.query(`SELECT instance_id FROM incidents WHERE id = $1`, [id])) as {
        instance_id: string;
      }[];
      if (!found) throw notFound('Incident', id);
      const instance = await this.engine.lock(uow, { instanceId: found.instance_id });
      const [incident] = (await uow.manager.query(
        `SELECT n.status, n.code, n.outbox_id, o.action_key FROM incidents n LEFT JOIN outbox o ON o.id = n.outbox_id WHERE n.id = $1 FOR UPDATE OF n`,
        [id],
      )) as { status: string; code: string; outbox_id: string | null; action_key: string | null }[];
      if (!incident || incident.status !== 'open')
        throw conflict('incident-resolved', 'This incident is already resolved.');
      if (incident.outbox_id === null || incident.action_key === null) {
        throw conflict(
          'incident-not-retryable',
          `An incident "${incident.code}" has no failed action to retry; fix the cause and cancel the ticket, or migrate it.`,
        );
      }
      await this.engine.apply(
        uow,
        instance,
        { type: 'action.retry', actionKey: incident.action_key },
        user.id,
        {
          audit: [
            {
              actorId: user.id,
              action: 'incident.retry',
              objectType: 'incident',
              objectId: id,
              details: { ticketId: instance.ticketId, actionKey: incident.action_key },
            },
          ],
        },
      );
      await reopenOutbox(uow.manager, incident.outbox_id);
      await uow.manager.query(
        `UPDATE incidents SET status = 'resolved', resolved_at = now(), resolved_by = $2 WHERE id = $1`,
        [id, user.id],
      );
      return id;
    });
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM incidents n JOIN instances i ON i.id = n.instance_id JOIN tickets t ON t.id = i.ticket_id
         LEFT JOIN outbox o ON o.id = n.outbox_id LEFT JOIN users u ON u.id = n.resolved_by WHERE n.id = $1`,
      [incidentId],
    )) as IncidentRow[];
    return toView(row as IncidentRow);
  }
}
