import type { SlaPolicy } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid, notFound } from '../common/errors/domain-error.js';
import { actingIdentity, taskActionableSql } from '../tasks/acting-identity.js';
import { loadBusinessCalendar } from '../timers/calendar-settings.js';
import type { ClockRow } from './sla-clocks.js';
import { elapsedMs } from './sla-clock-math.js';
import type { SlaPolicyDto } from './sla-policy.dto.js';

const POLICY_COLUMNS = `id, workflow_key AS "workflowKey", priority, response_minutes AS "responseMinutes", resolution_minutes AS "resolutionMinutes",
  business_hours AS "businessHours", warn_before_percent AS "warnBeforePercent", pause_while_waiting AS "pauseWhileWaiting",
  breach_action AS "breachAction", escalation_role AS "escalationRole", updated_at AS "updatedAt"`;

export interface SlaClockView {
  kind: string;
  status: string;
  targetMinutes: number;
  businessHours: boolean;
  startedAt: Date;
  dueAt: Date | null;
  elapsedMs: number;
  /** Negative once breached; null while paused. */
  remainingMs: number | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  stoppedAt: Date | null;
}

/** SLA policies (admin-edited, per workflow and priority) and a ticket's SLA state. */
@Injectable()
export class SlaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every policy, by workflow then priority. Reads only. */
  listPolicies(): Promise<Sendable<SlaPolicy>[]> {
    return this.dataSource.query(
      `SELECT ${POLICY_COLUMNS} FROM sla_policies ORDER BY workflow_key, priority NULLS FIRST`,
    );
  }

  /** Creates or replaces the policy of (workflowKey, priority); applies to tickets created afterwards. Side effects: row, audit. */
  async savePolicy(dto: SlaPolicyDto, user: AuthUser): Promise<Sendable<SlaPolicy>> {
    if (dto.responseMinutes === undefined && dto.resolutionMinutes === undefined) {
      throw invalid('sla-without-target', 'Give responseMinutes, resolutionMinutes or both.');
    }
    if (dto.breachAction === 'reassign' && !dto.escalationRole)
      throw invalid(
        'sla-escalation-role',
        'breachAction "reassign" needs escalationRole: the role that takes the steps over.',
      );
    return this.dataSource.transaction(async (manager) => {
      const values = [
        dto.workflowKey,
        dto.priority ?? null,
        dto.responseMinutes ?? null,
        dto.resolutionMinutes ?? null,
        dto.businessHours ?? false,
        dto.warnBeforePercent ?? 20,
        dto.pauseWhileWaiting ?? false,
        dto.breachAction ?? 'notify',
        dto.escalationRole ?? null,
        user.id,
      ];
      const [existing] = (await manager.query(
        `SELECT id FROM sla_policies WHERE workflow_key = $1 AND coalesce(priority, '') = coalesce($2, '') FOR UPDATE`,
        [dto.workflowKey, dto.priority ?? null],
      )) as { id: string }[];
      const [rows] = existing
        ? ((await manager.query(
            `UPDATE sla_policies SET response_minutes = $1, resolution_minutes = $2, business_hours = $3, warn_before_percent = $4, pause_while_waiting = $5,
                    breach_action = $6, escalation_role = $7, updated_by = $8, updated_at = now() WHERE id = $9 RETURNING ${POLICY_COLUMNS}`,
            [...values.slice(2), existing.id],
          )) as [unknown[], number])
        : [
            (await manager.query(
              `INSERT INTO sla_policies (workflow_key, priority, response_minutes, resolution_minutes, business_hours, warn_before_percent, pause_while_waiting, breach_action, escalation_role, updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${POLICY_COLUMNS}`,
              values,
            )) as unknown[],
          ];
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'sla.policy.save',
        objectType: 'workflow',
        objectId: dto.workflowKey,
        details: dto,
      });
      return rows[0] as Sendable<SlaPolicy>;
    });
  }

  /** Removes a policy; running clocks keep their targets. Side effects: row, audit. */
  async deletePolicy(id: string, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(`DELETE FROM sla_policies WHERE id = $1 RETURNING workflow_key`, [
        id,
      ])) as [{ workflow_key: string }[], number];
      if (!rows[0]) throw notFound('SLA policy', id);
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'sla.policy.delete',
        objectType: 'workflow',
        objectId: rows[0].workflow_key,
        details: { id },
      });
    });
  }

  /** The ticket's SLA clocks with elapsed and remaining time now; 404 unless the caller is involved or an admin. Reads only. */
  async ticketSla(ticketId: string, user: AuthUser): Promise<{ ticketId: string; clocks: SlaClockView[] }> {
    const manager = this.dataSource.manager;
    const identity = await actingIdentity(manager, user);
    const [visible] = (await manager.query(
      `SELECT 1 FROM tickets t WHERE t.id = $1 AND ($2 OR t.requester_id = $3 OR EXISTS (
         SELECT 1 FROM tasks k WHERE k.ticket_id = t.id AND (${taskActionableSql('$4', '$5')} OR k.completed_by = $3
           OR EXISTS (SELECT 1 FROM approval_votes av WHERE av.task_id = k.id AND av.user_id = $3))))`,
      [ticketId, identity.isAdmin, user.id, identity.userIds, identity.roles],
    )) as unknown[];
    if (!visible) throw notFound('Ticket', ticketId);
    const clocks = (await manager.query(`SELECT * FROM sla_clocks WHERE ticket_id = $1 ORDER BY kind DESC`, [
      ticketId,
    ])) as ClockRow[];
    const calendar = await loadBusinessCalendar(manager);
    const now = new Date();
    return {
      ticketId,
      clocks: clocks.map((clock) => {
        const elapsed = Math.round(
          elapsedMs(clock, clock.stopped_at ? new Date(clock.stopped_at) : now, calendar),
        );
        const running = clock.running_since !== null && clock.stopped_at === null;
        return {
          kind: clock.kind,
          status: clock.status,
          targetMinutes: clock.target_minutes,
          businessHours: clock.business_hours,
          startedAt: clock.started_at,
          dueAt: running ? clock.due_at : null,
          elapsedMs: elapsed,
          remainingMs: clock.stopped_at || running ? clock.target_minutes * 60_000 - elapsed : null,
          warnedAt: clock.warned_at,
          breachedAt: clock.breached_at,
          stoppedAt: clock.stopped_at,
        };
      }),
    };
  }
}
