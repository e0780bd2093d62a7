import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid, notFound, unprocessable } from '../common/errors/domain-error.js';
import {
  managerLoops,
  normaliseNames,
  type DirectoryPerson,
  type OrganisationPatch,
} from './organisation-changes.js';
import { readOrganisationCsv, type ImportRow, type ImportRowError } from './organisation-csv.js';

/** A user's place in the organisation, as the admin page shows it. */
export interface OrganisationView {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  manager: string | null;
  groups: string[];
  regions: string[];
  skills: string[];
}

export interface ImportResult {
  dryRun: boolean;
  /** Users the file changes (all of them were written unless `dryRun`). */
  changed: string[];
  unchanged: string[];
}

const VIEW = `u.id, u.username, u.display_name AS "displayName", u.active, m.username AS manager, u.groups, u.regions, u.skills`;
/** Directory writes take this transaction lock, so two admins cannot close a reporting loop between them. */
const DIRECTORY_LOCK = `SELECT pg_advisory_xact_lock(hashtext('ticketflow:organisation-directory'))`;

/**
 * The organisation directory: who reports to whom, groups, regions and
 * skills (the engine reads them to assign steps). Changes are checked as a
 * whole — managers must exist and the reporting line may not loop — under a
 * lock, and written in one transaction with an audit row; nothing is written
 * when anything is wrong.
 */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every user with manager, groups, regions and skills. Reads only. */
  list(): Promise<OrganisationView[]> {
    return this.dataSource.query(
      `SELECT ${VIEW} FROM users u LEFT JOIN users m ON m.id = u.manager_id ORDER BY u.username`,
    );
  }

  /** Changes one user. 404 for an unknown id; 400 `unknown-user` or 422 `manager-loop` naming `manager`. */
  update(admin: AuthUser, id: string, patch: OrganisationPatch): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(DIRECTORY_LOCK);
      const people = await this.people(manager);
      const person = people.find((row) => row.id === id);
      if (!person) throw notFound('User', id);
      const problems = this.check(people, [{ line: 0, username: person.username, patch }]);
      const first = problems[0];
      if (first) {
        const details = [{ field: first.field, message: first.message }];
        if (first.field === 'manager' && first.message.startsWith('would'))
          throw unprocessable('manager-loop', `manager: ${first.message}.`, details);
        throw invalid('unknown-user', `${first.field}: ${first.message}.`, details);
      }
      await this.write(manager, people, [{ line: 0, username: person.username, patch }]);
      await this.audit.append(manager, {
        actorId: admin.id,
        action: 'user.organisation-change',
        objectType: 'user',
        objectId: id,
        details: { ...patch },
      });
      return this.view(manager, id);
    });
  }

  /**
   * Imports a CSV (see `readOrganisationCsv`): every row is checked first —
   * the file, the users, the managers, loops across the whole file — and a
   * single problem writes nothing (422 `import-rejected` with every problem by
   * line). `dryRun` checks and reports without writing.
   */
  importCsv(admin: AuthUser, csv: string, dryRun: boolean): Promise<ImportResult> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(DIRECTORY_LOCK);
      const { rows, errors } = readOrganisationCsv(csv);
      const people = await this.people(manager);
      const problems = [...errors, ...(errors.some((e) => e.line === 1) ? [] : this.check(people, rows))];
      if (problems.length > 0) {
        problems.sort((a, b) => a.line - b.line);
        throw unprocessable(
          'import-rejected',
          `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file, the first on line ${problems[0]?.line}.`,
          problems,
        );
      }
      const changed = await this.changedRows(manager, rows);
      if (!dryRun && changed.length > 0) {
        await this.write(manager, people, changed);
        await this.audit.append(manager, {
          actorId: admin.id,
          action: 'user.organisation-import',
          objectType: 'user',
          objectId: 'import',
          details: { users: changed.map((row) => row.username) },
        });
      }
      const names = new Set(changed.map((row) => row.username));
      return {
        dryRun,
        changed: [...names],
        unchanged: rows.map((row) => row.username).filter((name) => !names.has(name)),
      };
    });
  }

  /** Unknown users and managers, and reporting loops, as row problems. Pure over `people`. */
  private check(people: DirectoryPerson[], rows: ImportRow[]): ImportRowError[] {
    const known = new Set(people.map((person) => person.username));
    const problems: ImportRowError[] = [];
    const changes = new Map<string, string | null>();
    for (const { line, username, patch } of rows) {
      if (!known.has(username)) {
        problems.push({ line, username, field: 'username', message: `"${username}" is not a user` });
        continue;
      }
      if (patch.manager === undefined) continue;
      if (patch.manager !== null && !known.has(patch.manager)) {
        problems.push({ line, username, field: 'manager', message: `"${patch.manager}" is not a user` });
        continue;
      }
      changes.set(username, patch.manager);
    }
    // Loops among the rows that are otherwise fine, so one import reports every kind of problem at once.
    for (const loop of managerLoops(people, changes)) {
      const row = rows.find((candidate) => candidate.username === loop[0]) as ImportRow;
      problems.push({
        line: row.line,
        username: row.username,
        field: 'manager',
        message: `would make a reporting loop: ${loop.join(' → ')}`,
      });
    }
    return problems;
  }

  /** The rows that change something, compared with the users as they are. */
  private async changedRows(manager: EntityManager, rows: ImportRow[]): Promise<ImportRow[]> {
    const current = new Map(
      (
        (await manager.query(
          `SELECT u.username, m.username AS manager, u.groups, u.regions, u.skills FROM users u LEFT JOIN users m ON m.id = u.manager_id WHERE u.username = ANY($1)`,
          [rows.map((row) => row.username)],
        )) as (Required<OrganisationPatch> & { username: string })[]
      ).map((row) => [row.username, row]),
    );
    return rows.filter(({ username, patch }) => {
      const now = current.get(username);
      return (
        now !== undefined &&
        Object.entries(patch).some(
          ([key, value]) => JSON.stringify(value) !== JSON.stringify(now[key as keyof OrganisationPatch]),
        )
      );
    });
  }

  /** One UPDATE for all rows; a column a row leaves out keeps its value. */
  private async write(manager: EntityManager, people: DirectoryPerson[], rows: ImportRow[]): Promise<void> {
    const idOf = new Map(people.map((person) => [person.username, person.id]));
    const payload = rows.map(({ username, patch }) => ({
      username,
      has_manager: patch.manager !== undefined,
      manager_id: patch.manager ? idOf.get(patch.manager) : null,
      groups: patch.groups ? normaliseNames(patch.groups) : null,
      regions: patch.regions ? normaliseNames(patch.regions) : null,
      skills: patch.skills ? normaliseNames(patch.skills) : null,
    }));
    await manager.query(
      `UPDATE users u SET
          manager_id = CASE WHEN p.has_manager THEN p.manager_id ELSE u.manager_id END,
          groups = coalesce(p.groups, u.groups), regions = coalesce(p.regions, u.regions), skills = coalesce(p.skills, u.skills)
         FROM jsonb_to_recordset($1::jsonb) AS p(username text, has_manager boolean, manager_id uuid, groups text[], regions text[], skills text[])
        WHERE u.username = p.username`,
      [JSON.stringify(payload)],
    );
  }

  private async people(manager: EntityManager): Promise<DirectoryPerson[]> {
    return manager.query(`SELECT id, username, manager_id AS "managerId" FROM users`);
  }

  private async view(manager: EntityManager, id: string): Promise<OrganisationView> {
    const [row] = (await manager.query(
      `SELECT ${VIEW} FROM users u LEFT JOIN users m ON m.id = u.manager_id WHERE u.id = $1`,
      [id],
    )) as OrganisationView[];
    return row as OrganisationView;
  }
}
