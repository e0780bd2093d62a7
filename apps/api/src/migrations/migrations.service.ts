import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';
import {
  isMigrationRefusal,
  migrateSnapshot,
  type InstanceSnapshot,
  type MigratedSnapshot,
  type MigrationRefusal,
} from '@ticketflow/runtime';
import type { AuthUser } from '../auth/auth-user.js';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import { DomainError, invalid, notFound } from '../common/errors/domain-error.js';
import { CompiledWorkflows } from '../engine/compiled-workflows.js';
import { EngineService } from '../engine/engine.service.js';
import { checkWorkflowKey } from '../workflows/workflow-key.js';
import { migrationNote } from '../engine/migrate-instance.js';
import type { MigrationDto } from './migration.dto.js';
import { mappingRows, type MappingRow } from './mapping-rows.js';

export interface TicketMigration {
  ticketId: string;
  number: string;
  title: string;
  fromVersion: number;
  activeNodes: string[];
  /** ready (dry run), migrated, refused (the reason says why), failed (an error while writing). */
  result: 'ready' | 'migrated' | 'refused' | 'failed';
  reason?: string;
  code?: string;
  targetNodes?: string[];
}

export interface MigrationReport {
  key: string;
  toVersion: number;
  dryRun: boolean;
  mapping: MappingRow[];
  targetNodes: { id: string; name: string; type: string }[];
  tickets: TicketMigration[];
  summary: { total: number; ready: number; migrated: number; refused: number; failed: number };
}

interface CandidateRow {
  instance_id: string;
  ticket_id: string;
  number: string;
  title: string;
  version_id: string;
  version: number;
  definition: WorkflowDefinition;
  snapshot: InstanceSnapshot;
  active_nodes: string[];
}

interface TargetVersion {
  id: string;
  version: number;
  definition: WorkflowDefinition;
}

/**
 * Moves running tickets of a workflow to another version: a dry run says per
 * ticket whether it can move and why not; execution moves each ticket in its
 * own transaction, locked like any event, recorded as a `migrate` transition
 * and audited. A refused ticket stays where it is, untouched.
 */
@Injectable()
export class MigrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly compiled: CompiledWorkflows,
    private readonly engine: EngineService,
  ) {}

  async migrate(key: string, dto: MigrationDto, user: AuthUser): Promise<MigrationReport> {
    checkWorkflowKey(key);
    const dryRun = dto.dryRun ?? true;
    const mapping = dto.mapping ?? {};
    const bad = Object.entries(mapping).find(
      ([from, to]) => typeof to !== 'string' || from.length > 200 || to.length > 200,
    );
    if (bad)
      throw invalid(
        'invalid-mapping',
        `mapping["${bad[0].slice(0, 80)}"] must name a node id of the target version.`,
      );
    const target = await this.targetVersion(this.dataSource.manager, key, dto.toVersion);
    const toCompiled = this.compiled.get(target.id, target.definition);
    const candidates = await this.candidates(this.dataSource.manager, key, target.id, dto.ticketIds);
    const tickets: TicketMigration[] = [];
    for (const row of candidates) {
      const planned = this.plan(row, target, mapping);
      if (dryRun || isMigrationRefusal(planned)) {
        tickets.push(this.report(row, planned, 'ready'));
        continue;
      }
      tickets.push(await this.execute(row, target, mapping, user));
    }
    const count = (result: TicketMigration['result']) =>
      tickets.filter((ticket) => ticket.result === result).length;
    return {
      key,
      toVersion: target.version,
      dryRun,
      mapping: mappingRows(candidates, this.compiled, toCompiled, mapping),
      targetNodes: target.definition.nodes.map((node) => ({
        id: node.id,
        name: node.name ?? node.id,
        type: node.type,
      })),
      tickets,
      summary: {
        total: tickets.length,
        ready: count('ready'),
        migrated: count('migrated'),
        refused: count('refused'),
        failed: count('failed'),
      },
    };
  }

  private plan(
    row: Pick<CandidateRow, 'version_id' | 'definition' | 'snapshot'>,
    target: TargetVersion,
    mapping: Record<string, string>,
  ): MigratedSnapshot | MigrationRefusal {
    const from = this.compiled.get(row.version_id, row.definition);
    return migrateSnapshot(from, this.compiled.get(target.id, target.definition), row.snapshot, mapping);
  }

  /** One ticket, one transaction: lock, plan again on the locked row, write, audit. */
  private async execute(
    row: CandidateRow,
    target: TargetVersion,
    mapping: Record<string, string>,
    user: AuthUser,
  ): Promise<TicketMigration> {
    const hooks: (() => void)[] = [];
    try {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const uow: UnitOfWork = { manager, afterCommit: (hook) => hooks.push(hook) };
        const instance = await this.engine.lock(uow, { instanceId: row.instance_id });
        const current = {
          ...row,
          version_id: instance.versionId,
          version: instance.version,
          definition: instance.definition,
          snapshot: instance.snapshot,
        };
        if (instance.versionId === target.id)
          return this.report(
            current,
            { refused: `It is already on v${target.version}.`, code: 'already-on-version' },
            'migrated',
          );
        const planned = this.plan(current, target, mapping);
        if (isMigrationRefusal(planned)) return this.report(current, planned, 'migrated');
        const note = migrationNote(instance.version, target.version, planned);
        await this.engine.migrate(uow, instance, { versionId: target.id }, planned, note, user.id, [
          {
            actorId: user.id,
            action: 'ticket.migrate',
            objectType: 'ticket',
            objectId: instance.ticketId,
            details: {
              workflow: instance.workflowKey,
              fromVersion: instance.version,
              toVersion: target.version,
              moves: planned.moves,
              mapping,
            },
          },
        ]);
        return this.report(current, planned, 'migrated');
      });
      for (const hook of hooks) hook();
      return outcome;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return {
        ...this.report(row, { refused: error.message, code: error.code }, 'migrated'),
        result: 'failed',
      };
    }
  }

  private report(
    row: Pick<CandidateRow, 'ticket_id' | 'number' | 'title' | 'version' | 'snapshot'>,
    planned: MigratedSnapshot | MigrationRefusal,
    success: 'ready' | 'migrated',
  ): TicketMigration {
    const base = {
      ticketId: row.ticket_id,
      number: row.number,
      title: row.title,
      fromVersion: row.version,
      activeNodes: row.snapshot.activeNodes ?? [],
    };
    if (isMigrationRefusal(planned))
      return { ...base, result: 'refused', reason: planned.refused, code: planned.code };
    return { ...base, result: success, targetNodes: planned.snapshot.activeNodes };
  }

  private async targetVersion(manager: EntityManager, key: string, version: number): Promise<TargetVersion> {
    const [row] = (await manager.query(
      'SELECT id, version, definition FROM workflow_versions WHERE key = $1 AND version = $2',
      [key, version],
    )) as TargetVersion[];
    if (!row) throw notFound('Version', `${key} v${version}`);
    return row;
  }

  private candidates(
    manager: EntityManager,
    key: string,
    targetId: string,
    ticketIds: string[] | undefined,
  ): Promise<CandidateRow[]> {
    return manager.query(
      `SELECT i.id AS instance_id, t.id AS ticket_id, t.number::text AS number, t.title, i.version_id, v.version, v.definition, i.snapshot, i.active_nodes
         FROM instances i JOIN tickets t ON t.id = i.ticket_id JOIN workflow_versions v ON v.id = i.version_id
        WHERE v.key = $1 AND i.version_id <> $2 AND i.status IN ('active', 'incident') AND ($3::uuid[] IS NULL OR t.id = ANY($3::uuid[]))
        ORDER BY t.created_at, t.number LIMIT 1000`,
      [key, targetId, ticketIds ?? null],
    ) as Promise<CandidateRow[]>;
  }
}
