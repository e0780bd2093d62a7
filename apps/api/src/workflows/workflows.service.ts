import type { VersionRow, WorkflowSummary } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { validateDefinition, type ValidationResult, type WorkflowDefinition } from '@ticketflow/definition';
import { HttpActionPublishCheck } from '../actions/http-action-publish-check.js';
import { SubflowPublishCheck } from '../subflows/subflow-publish-check.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { conflict, invalid, notFound, unprocessable } from '../common/errors/domain-error.js';
import { definitionChecksum } from './definition-checksum.js';
import { isStaff, requesterDefinition } from './requester-definition.js';
import { checkWorkflowKey } from './workflow-key.js';
import { WorkflowDraftEntity } from './workflow-draft.entity.js';
import { WorkflowVersionEntity } from './workflow-version.entity.js';

export interface DraftView {
  key: string;
  name: string;
  definition: WorkflowDefinition;
  revision: number;
  updatedAt: Date;
  updatedBy: string | null;
  problems: ValidationResult['problems'];
}

/** Drafts, validation and publishing of immutable versions. Drafts never change what runs. */
@Injectable()
export class WorkflowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly httpActions: HttpActionPublishCheck,
    private readonly subflows: SubflowPublishCheck,
  ) {}

  /** The library's checks plus the server's own on HTTP actions (private targets, literal credentials). */
  validate(definition: unknown): ValidationResult {
    const validated = validateDefinition(definition);
    if (!validated.valid) return validated;
    const targetProblems = this.httpActions.problems(definition as WorkflowDefinition);
    return {
      valid: !targetProblems.some((p) => p.severity === 'error'),
      problems: [...validated.problems, ...targetProblems],
    };
  }

  async list() {
    const rows = (await this.dataSource.query(`
      SELECT k.key,
             coalesce(d.name, v.name) AS name,
             v.version AS "latestVersion",
             d.revision AS "draftRevision",
             d.updated_at AS "draftUpdatedAt",
             (SELECT count(*)::int FROM instances i JOIN workflow_versions wv ON wv.id = i.version_id
               WHERE wv.key = k.key AND i.status = 'active') AS "activeTickets"
        FROM (SELECT key FROM workflow_definitions UNION SELECT key FROM workflow_versions) k
        LEFT JOIN workflow_definitions d ON d.key = k.key
        LEFT JOIN LATERAL (SELECT version, name FROM workflow_versions WHERE key = k.key ORDER BY version DESC LIMIT 1) v ON true
       ORDER BY name`)) as Sendable<Omit<WorkflowSummary, 'hasDraft'>>[];
    return rows.map((row) => ({ ...row, hasDraft: row.draftRevision !== null }));
  }

  async getDraft(key: string): Promise<DraftView> {
    const draft = await this.dataSource
      .getRepository(WorkflowDraftEntity)
      .findOneBy({ key: checkWorkflowKey(key) });
    if (!draft) throw notFound('Draft of workflow', key);
    return this.view(draft);
  }

  /**
   * Saves the draft (problems allowed, and returned). With `baseRevision`, a
   * newer revision on the server is a 409 instead of a silent overwrite.
   */
  async saveDraft(
    key: string,
    definition: Record<string, unknown>,
    baseRevision: number | undefined,
    user: AuthUser,
  ): Promise<DraftView> {
    checkWorkflowKey(key);
    if (definition.key !== undefined && definition.key !== key) {
      throw invalid(
        'key-mismatch',
        `definition.key "${String(definition.key).slice(0, 80)}" differs from the URL's workflow key "${key}".`,
      );
    }
    const body: Record<string, unknown> = { ...definition, key };
    // Drafts may have problems, but not unbounded size or depth: those are refused before they reach the database.
    const oversize = validateDefinition(body).problems.filter((problem) => problem.code === 'too-large');
    if (oversize.length > 0) {
      throw unprocessable(
        'definition-too-large',
        `${oversize.map((problem) => problem.message).join(' ')} The draft was not saved.`,
        { problems: oversize },
      );
    }
    const name = typeof body.name === 'string' && body.name.trim() !== '' ? body.name.slice(0, 200) : key;
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(WorkflowDraftEntity);
      const current = await repo.findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
      if (current && baseRevision !== undefined && current.revision !== baseRevision) {
        throw conflict(
          'draft-conflict',
          `Someone saved this draft meanwhile (revision ${current.revision}, you edited revision ${baseRevision}). Reload it, or save again on revision ${current.revision} to overwrite.`,
          {
            revision: current.revision,
            updatedBy: current.updatedBy,
            updatedAt: current.updatedAt,
          },
        );
      }
      const saved = await repo.save({
        key,
        name,
        definition: body,
        revision: (current?.revision ?? 0) + 1,
        updatedBy: user.id,
        updatedAt: new Date(),
      });
      return this.view(saved);
    });
  }

  /** Re-validates the draft and stores it as the next immutable version; 422 with the problems if it has errors. */
  async publish(
    key: string,
    note: string | undefined,
    user: AuthUser,
  ): Promise<{ key: string; version: number; checksum: string; warnings: ValidationResult['problems'] }> {
    checkWorkflowKey(key);
    return this.dataSource.transaction(async (manager) => {
      const draft = await manager
        .getRepository(WorkflowDraftEntity)
        .findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
      if (!draft) throw notFound('Draft of workflow', key);
      const validated = validateDefinition(draft.definition);
      // SSRF: literal private / loopback targets of HTTP actions are refused here too (actions/http-action-publish-check.ts).
      // Sub-flows: the called workflows are published, their outcomes and fields match (subflows/subflow-publish-check.ts).
      const targetProblems = validated.valid
        ? [
            ...this.httpActions.problems(draft.definition as WorkflowDefinition),
            ...(await this.subflows.problems(manager, draft.definition as WorkflowDefinition)),
          ]
        : [];
      const result = {
        valid: validated.valid && !targetProblems.some((p) => p.severity === 'error'),
        problems: [...validated.problems, ...targetProblems],
      };
      if (!result.valid) {
        throw unprocessable(
          'definition-invalid',
          `The draft of "${key}" has ${result.problems.filter((p) => p.severity === 'error').length} error(s); fix them before publishing.`,
          { problems: result.problems },
        );
      }
      const definition = draft.definition as WorkflowDefinition;
      const checksum = definitionChecksum(definition);
      const latest = await this.latestVersion(manager, key);
      if (latest?.checksum === checksum) {
        throw conflict(
          'unchanged',
          `The draft is identical to version ${latest.version}; nothing to publish.`,
          { version: latest.version },
        );
      }
      const version = (latest?.version ?? 0) + 1;
      await manager.query(
        `INSERT INTO workflow_versions (key, version, name, definition, checksum, published_by, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [key, version, definition.name, JSON.stringify(definition), checksum, user.id, note ?? null],
      );
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'workflow.publish',
        objectType: 'workflow',
        objectId: key,
        details: { version, checksum, note },
      });
      return { key, version, checksum, warnings: result.problems };
    });
  }

  /**
   * Every published version, newest first. A requester (no staff role) reads
   * each definition as `requesterDefinition` leaves it — no conditions or
   * thresholds unless the workflow marks them public — and no publisher, note
   * or ticket counts.
   */
  async versions(key: string, user?: AuthUser): Promise<Sendable<VersionRow>[]> {
    const rows = (await this.dataSource.query(
      `SELECT v.key, v.version, v.name, v.checksum, v.published_at AS "publishedAt", v.note,
              v.deprecated_at AS "deprecatedAt", u.username AS "publishedBy", v.definition,
              (SELECT count(*)::int FROM instances i WHERE i.version_id = v.id AND i.status = 'active') AS "activeTickets"
         FROM workflow_versions v LEFT JOIN users u ON u.id = v.published_by
        WHERE v.key = $1 ORDER BY v.version DESC`,
      [checkWorkflowKey(key)],
    )) as Sendable<VersionRow>[];
    if (rows.length === 0 && !(await this.dataSource.getRepository(WorkflowDraftEntity).existsBy({ key })))
      throw notFound('Workflow', key);
    if (!user || isStaff(user)) return rows;
    return rows.map((row) => ({
      key: row.key,
      version: row.version,
      name: row.name,
      checksum: row.checksum,
      publishedAt: row.publishedAt,
      deprecatedAt: row.deprecatedAt,
      definition: requesterDefinition(
        row.definition as WorkflowDefinition,
      ) as Sendable<VersionRow>['definition'],
    }));
  }

  async version(key: string, version: number, user?: AuthUser) {
    const rows = await this.versions(key, user);
    const found = rows.find((row) => row.version === version);
    if (!found) throw notFound('Version', `${key} v${version}`);
    return found;
  }

  async deprecate(key: string, version: number, user: AuthUser) {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.query(
        `UPDATE workflow_versions SET deprecated_at = now() WHERE key = $1 AND version = $2 AND deprecated_at IS NULL RETURNING version`,
        [checkWorkflowKey(key), version],
      );
      if ((result as unknown[][])[0]?.length === 0) throw notFound('Active version', `${key} v${version}`);
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'workflow.deprecate',
        objectType: 'workflow',
        objectId: key,
        details: { version },
      });
      return { key, version, deprecated: true as const };
    });
  }

  /** The newest version new tickets start on: the highest that is not deprecated. */
  async startableVersion(manager: EntityManager, key: string): Promise<WorkflowVersionEntity | null> {
    return manager
      .getRepository(WorkflowVersionEntity)
      .findOne({ where: { key, deprecatedAt: IsNull() }, order: { version: 'DESC' } });
  }

  private latestVersion(manager: EntityManager, key: string): Promise<WorkflowVersionEntity | null> {
    return manager
      .getRepository(WorkflowVersionEntity)
      .findOne({ where: { key }, order: { version: 'DESC' } });
  }

  private view(draft: WorkflowDraftEntity): DraftView {
    return {
      key: draft.key,
      name: draft.name,
      // A draft may have problems, but it is the definition the Designer saved.
      definition: draft.definition as WorkflowDefinition,
      revision: draft.revision,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
      problems: validateDefinition(draft.definition).problems,
    };
  }
}
