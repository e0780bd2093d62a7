import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid, notFound } from '../common/errors/domain-error.js';
import { checkRule } from './check-rule.js';
import type { RuleBodyDto } from './rule.dto.js';
import type { AutomationRule } from './rule.types.js';
import { RULE_COLUMNS, toRule } from './rule-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Admin CRUD of automation rules. Every change is audited. */
@Injectable()
export class RulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<AutomationRule[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${RULE_COLUMNS} FROM automation_rules ORDER BY position, name, id`,
    )) as Parameters<typeof toRule>[0][];
    return rows.map(toRule);
  }

  async get(id: string): Promise<AutomationRule> {
    if (!UUID.test(id)) throw notFound('Rule', id);
    const [row] = (await this.dataSource.query(`SELECT ${RULE_COLUMNS} FROM automation_rules WHERE id = $1`, [
      id,
    ])) as Parameters<typeof toRule>[0][];
    if (!row) throw notFound('Rule', id);
    return toRule(row);
  }

  /** Creates a rule; without a position it goes last among its trigger's rules. */
  async create(body: RuleBodyDto, user: AuthUser): Promise<AutomationRule> {
    assertRule(body);
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO automation_rules (name, position, trigger, condition, actions, stop_processing, enabled, updated_by)
         VALUES ($1, coalesce($2, (SELECT coalesce(max(position), 0) + 10 FROM automation_rules WHERE trigger = $3)), $3, $4, $5, $6, $7, $8)
         RETURNING ${RULE_COLUMNS}`,
        [
          body.name.trim(),
          body.position ?? null,
          body.trigger,
          body.condition ? JSON.stringify(body.condition) : null,
          JSON.stringify(body.actions),
          body.stopProcessing ?? false,
          body.enabled ?? true,
          user.id,
        ],
      )) as Parameters<typeof toRule>[0][];
      const rule = toRule(row as Parameters<typeof toRule>[0]);
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'rule.create',
        objectType: 'rule',
        objectId: rule.id,
        details: { name: rule.name, trigger: rule.trigger },
      });
      return rule;
    });
  }

  /** Replaces a rule. Firings already recorded stay; the new version fires on new happenings only. */
  async replace(id: string, body: RuleBodyDto, user: AuthUser): Promise<AutomationRule> {
    await this.get(id);
    assertRule(body);
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE automation_rules SET name = $2, position = coalesce($3, position), trigger = $4, condition = $5, actions = $6, stop_processing = $7,
                enabled = $8, updated_by = $9, updated_at = now()
          WHERE id = $1 RETURNING ${RULE_COLUMNS}`,
        [
          id,
          body.name.trim(),
          body.position ?? null,
          body.trigger,
          body.condition ? JSON.stringify(body.condition) : null,
          JSON.stringify(body.actions),
          body.stopProcessing ?? false,
          body.enabled ?? true,
          user.id,
        ],
      )) as [Parameters<typeof toRule>[0][], number];
      const row = rows[0];
      if (!row) throw notFound('Rule', id);
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'rule.update',
        objectType: 'rule',
        objectId: id,
        details: { name: row.name },
      });
      return toRule(row);
    });
  }

  async remove(id: string, user: AuthUser): Promise<void> {
    await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM automation_rules WHERE id = $1', [id]);
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'rule.delete',
        objectType: 'rule',
        objectId: id,
      });
    });
  }
}

function assertRule(body: RuleBodyDto): void {
  const problems = checkRule(body);
  if (problems.length > 0)
    throw invalid(
      'invalid-rule',
      `The rule is not valid: ${problems.map((problem) => problem.message).join('; ')}.`,
      problems,
    );
}
