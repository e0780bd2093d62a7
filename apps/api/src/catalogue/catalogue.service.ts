import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid } from '../common/errors/domain-error.js';
import type { CatalogueLayoutDto } from './catalogue.dto.js';
import {
  matchesSearch,
  type AdminCatalogue,
  type Bilingual,
  type CatalogueCategory,
  type RequesterCatalogue,
} from './catalogue.types.js';

interface EntryRow {
  workflow_key: string;
  requestable: boolean;
  category_id: string | null;
  icon: string;
  title_en: string | null;
  title_zh: string | null;
  description_en: string;
  description_zh: string;
  name: string | null;
  name_zh: string | null;
  published?: boolean;
}

/** The latest startable version's name and Chinese name (from its `x-i18n`), for entries without a title of their own. */
const LATEST_VERSION = `LEFT JOIN LATERAL (
    SELECT name, definition->'x-i18n'->'zh-CN'->>'name' AS name_zh FROM workflow_versions
     WHERE key = e.workflow_key AND deprecated_at IS NULL ORDER BY version DESC LIMIT 1) v ON true`;

/**
 * The request catalogue: what requesters may start, grouped and ordered by
 * admins. The one writer of `catalogue_categories` and `catalogue_entries`.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * What anyone signed in may request: requestable entries whose workflow has
   * a published, non-deprecated version, in the admins' order, narrowed by
   * `q` (every word must appear in a title, description or category name, in
   * either language). Categories without a matching entry are left out.
   */
  async forRequester(q: string | undefined): Promise<RequesterCatalogue> {
    const categories = await this.categories(this.dataSource.manager);
    const rows = (await this.dataSource.query(
      `SELECT e.*, v.name, v.name_zh FROM catalogue_entries e ${LATEST_VERSION}
         LEFT JOIN catalogue_categories c ON c.id = e.category_id
        WHERE e.requestable AND v.name IS NOT NULL
        ORDER BY c.position NULLS LAST, e.position`,
    )) as EntryRow[];
    const byId = new Map(categories.map((category) => [category.id, category]));
    const entries = rows
      .map((row) => ({
        workflowKey: row.workflow_key,
        categoryId: row.category_id,
        icon: row.icon,
        title: titleOf(row),
        description: { en: row.description_en, zh: row.description_zh },
      }))
      .filter((entry) =>
        matchesSearch(q, [
          entry.title,
          entry.description,
          byId.get(entry.categoryId ?? '')?.name ?? { en: '', zh: '' },
        ]),
      );
    const used = new Set(entries.map((entry) => entry.categoryId));
    return { categories: categories.filter((category) => used.has(category.id)), entries };
  }

  /** Every workflow (published or only drafted) with its catalogue entry or the defaults, for admins. */
  async forAdmin(): Promise<AdminCatalogue> {
    const categories = await this.categories(this.dataSource.manager);
    const rows = (await this.dataSource.query(
      `SELECT k.key AS workflow_key, coalesce(e.requestable, false) AS requestable, e.category_id,
              coalesce(e.icon, 'general') AS icon, e.title_en, e.title_zh,
              coalesce(e.description_en, '') AS description_en, coalesce(e.description_zh, '') AS description_zh,
              coalesce(v.name, d.name) AS name, v.name_zh, v.name IS NOT NULL AS published
         FROM (SELECT key FROM workflow_definitions UNION SELECT key FROM workflow_versions) k
         LEFT JOIN catalogue_entries e ON e.workflow_key = k.key
         LEFT JOIN workflow_definitions d ON d.key = k.key
         LEFT JOIN LATERAL (
           SELECT name, definition->'x-i18n'->'zh-CN'->>'name' AS name_zh FROM workflow_versions
            WHERE key = k.key AND deprecated_at IS NULL ORDER BY version DESC LIMIT 1) v ON true
         LEFT JOIN catalogue_categories c ON c.id = e.category_id
        ORDER BY e.workflow_key IS NULL, c.position NULLS LAST, e.position, k.key`,
    )) as EntryRow[];
    return {
      categories,
      entries: rows.map((row) => ({
        workflowKey: row.workflow_key,
        workflowName: { en: row.name ?? row.workflow_key, zh: row.name_zh ?? row.name ?? row.workflow_key },
        published: row.published === true,
        requestable: row.requestable,
        categoryId: row.category_id,
        icon: row.icon,
        ...(row.title_en !== null && row.title_zh !== null
          ? { title: { en: row.title_en, zh: row.title_zh } }
          : {}),
        description: { en: row.description_en, zh: row.description_zh },
      })),
    };
  }

  /**
   * Replaces the catalogue with the admin's arrangement (each list's order is
   * the order shown), after checking it refers only to its own categories and
   * to existing workflows. Side effects: the two tables and an audit row, in
   * one transaction; a concurrent save waits for this one.
   */
  async replace(layout: CatalogueLayoutDto, admin: AuthUser): Promise<AdminCatalogue> {
    const problems = layoutProblems(layout);
    if (problems.length > 0)
      throw invalid(
        'invalid-catalogue',
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        problems.map(({ field, code, params }) => ({ field, code, params })),
      );
    await this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE catalogue_categories, catalogue_entries IN SHARE ROW EXCLUSIVE MODE');
      const keys = layout.entries.map((entry) => entry.workflowKey);
      const known = (await manager.query(
        `SELECT key FROM workflow_definitions WHERE key = ANY($1) UNION SELECT key FROM workflow_versions WHERE key = ANY($1)`,
        [keys],
      )) as { key: string }[];
      const unknown = keys.filter((key) => !known.some((row) => row.key === key));
      if (unknown.length > 0)
        throw invalid(
          'unknown-workflow',
          `entries: no workflow ${unknown.map((key) => `"${key}"`).join(', ')}.`,
          unknown.map((key) => ({
            field: `entries[${keys.indexOf(key)}].workflowKey`,
            code: 'unknown-workflow',
            params: { key },
          })),
        );
      await manager.query('DELETE FROM catalogue_entries');
      await manager.query('DELETE FROM catalogue_categories');
      for (const [position, category] of layout.categories.entries())
        await manager.query(
          'INSERT INTO catalogue_categories (id, name_en, name_zh, position) VALUES ($1, $2, $3, $4)',
          [category.id, category.name.en.trim(), category.name.zh.trim(), position],
        );
      for (const [position, entry] of layout.entries.entries()) {
        const title = entry.title && entry.title.en.trim() && entry.title.zh.trim() ? entry.title : undefined;
        await manager.query(
          `INSERT INTO catalogue_entries (workflow_key, requestable, category_id, position, icon, title_en, title_zh,
             description_en, description_zh, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            entry.workflowKey,
            entry.requestable,
            entry.categoryId ?? null,
            position,
            entry.icon,
            title?.en.trim() ?? null,
            title?.zh.trim() ?? null,
            entry.description.en.trim(),
            entry.description.zh.trim(),
            admin.id,
          ],
        );
      }
      await this.audit.append(manager, {
        actorId: admin.id,
        action: 'catalogue.update',
        objectType: 'catalogue',
        objectId: 'catalogue',
        details: {
          categories: layout.categories.map((category) => category.id),
          requestable: layout.entries.filter((entry) => entry.requestable).map((entry) => entry.workflowKey),
        },
      });
    });
    return this.forAdmin();
  }

  private async categories(manager: EntityManager): Promise<CatalogueCategory[]> {
    const rows = (await manager.query(
      'SELECT id, name_en, name_zh FROM catalogue_categories ORDER BY position',
    )) as { id: string; name_en: string; name_zh: string }[];
    return rows.map((row) => ({ id: row.id, name: { en: row.name_en, zh: row.name_zh } }));
  }
}

function titleOf(row: EntryRow): Bilingual {
  const en = row.title_en ?? row.name ?? row.workflow_key;
  return { en, zh: row.title_zh ?? row.name_zh ?? en };
}

interface LayoutProblem {
  field: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** What is wrong with an arrangement beyond its shape (the DTO checked that). Pure. */
export function layoutProblems(layout: CatalogueLayoutDto): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const ids = new Set<string>();
  layout.categories.forEach((category, index) => {
    if (ids.has(category.id))
      problems.push({
        field: `categories[${index}].id`,
        code: 'duplicate',
        message: `"${category.id}" is listed twice`,
        params: { value: category.id },
      });
    ids.add(category.id);
    for (const language of ['en', 'zh'] as const)
      if (category.name[language].trim() === '')
        problems.push({
          field: `categories[${index}].name.${language}`,
          code: 'required',
          message: 'a category needs a name in both languages',
        });
  });
  const keys = new Set<string>();
  layout.entries.forEach((entry, index) => {
    if (keys.has(entry.workflowKey))
      problems.push({
        field: `entries[${index}].workflowKey`,
        code: 'duplicate',
        message: `"${entry.workflowKey}" is listed twice`,
        params: { value: entry.workflowKey },
      });
    keys.add(entry.workflowKey);
    if (entry.categoryId && !ids.has(entry.categoryId))
      problems.push({
        field: `entries[${index}].categoryId`,
        code: 'unknown-category',
        message: `"${entry.categoryId}" is not one of the categories`,
        params: { value: entry.categoryId },
      });
  });
  return problems;
}
