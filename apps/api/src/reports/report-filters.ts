import { DateTime } from 'luxon';
import { invalid } from '../common/errors/domain-error.js';
import type { ReportQuery } from './report-query.dto.js';

/** Validated, resolved filters: dates as instants, `to` exclusive. */
export interface ReportFilters {
  workflowKey?: string;
  version?: number;
  from?: Date;
  to?: Date;
  channel?: string;
  priority?: string;
  group?: string;
  /** IANA zone the organisation counts days in: date-only bounds and the trend's days. */
  timeZone: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns the query into filters: a date alone is a day in the organisation's
 * time zone (`to` then includes that day), `version` needs `workflowKey`,
 * `from` must come before `to`. Throws an `invalid` domain error naming the field. Pure.
 */
export function resolveFilters(query: ReportQuery, timeZone = 'UTC'): ReportFilters {
  const filters: ReportFilters = { timeZone };
  if (query.workflowKey) filters.workflowKey = query.workflowKey;
  if (query.version !== undefined) {
    if (!query.workflowKey)
      throw invalid('invalid-input', 'version needs workflowKey: a version number belongs to one workflow.', [
        { field: 'version', problems: ['version needs workflowKey'] },
      ]);
    filters.version = query.version;
  }
  if (query.from) filters.from = parseBound(query.from, 'from', timeZone);
  if (query.to) filters.to = parseBound(query.to, 'to', timeZone);
  if (filters.from && filters.to && filters.from.getTime() >= filters.to.getTime()) {
    throw invalid('invalid-range', `from (${query.from}) must be before to (${query.to}).`, [
      { field: 'from', problems: ['from must be before to'] },
    ]);
  }
  if (query.channel) filters.channel = query.channel;
  if (query.priority) filters.priority = query.priority;
  if (query.group) filters.group = query.group;
  return filters;
}

function parseBound(text: string, field: 'from' | 'to', timeZone: string): Date {
  const notADate = () =>
    invalid('invalid-input', `${field} is not a real date: ${text}`, [
      { field, problems: [`${field} is not a real date`] },
    ]);
  if (DATE_ONLY.test(text)) {
    // A calendar day in the organisation's zone; `to` includes it (its end is the next local midnight, DST-aware).
    const day = DateTime.fromISO(text, { zone: timeZone });
    if (!day.isValid) throw notADate();
    return (field === 'to' ? day.plus({ days: 1 }) : day).toJSDate();
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw notADate();
  return date;
}

/** Positional parameters for one SQL statement. */
export class SqlParams {
  readonly values: unknown[] = [];
  /** Adds a value and returns its placeholder (`$3`). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface CohortOptions {
  /** Which ticket time the date range applies to; `none` for "now" reports. */
  dates: 'created' | 'closed' | 'none';
  /** Extra joins (e.g. `JOIN node_visits nv ON nv.instance_id = i.id`) placed before the WHERE. */
  join?: string;
}

/**
 * The tickets a report looks at, as `FROM … WHERE …` over `tickets t`,
 * `instances i` and `workflow_versions v` (always with a WHERE, so callers may
 * append `AND …`). Adds its values to `params`. Pure.
 */
export function cohortSql(
  filters: ReportFilters,
  params: SqlParams,
  options: CohortOptions = { dates: 'created' },
): string {
  const where: string[] = [];
  if (filters.workflowKey) where.push(`t.workflow_key = ${params.add(filters.workflowKey)}`);
  if (filters.version !== undefined) where.push(`v.version = ${params.add(filters.version)}`);
  if (options.dates !== 'none') {
    const column = options.dates === 'created' ? 't.created_at' : 't.closed_at';
    if (filters.from) where.push(`${column} >= ${params.add(filters.from)}`);
    if (filters.to) where.push(`${column} < ${params.add(filters.to)}`);
  }
  if (filters.channel) where.push(`t.channel = ${params.add(filters.channel)}`);
  if (filters.priority) where.push(`t.priority = ${params.add(filters.priority)}`);
  if (filters.group)
    where.push(
      `EXISTS (SELECT 1 FROM tasks g WHERE g.ticket_id = t.id AND g.candidate_role = ${params.add(filters.group)})`,
    );
  return `FROM tickets t JOIN instances i ON i.ticket_id = t.id JOIN workflow_versions v ON v.id = i.version_id${options.join ? ` ${options.join}` : ''} WHERE ${where.length ? where.join(' AND ') : 'true'}`;
}

/** `AND tk.candidate_role = $n` when a group is chosen (task-level reports keep only its steps). */
export function taskGroupSql(filters: ReportFilters, params: SqlParams, alias = 'tk'): string {
  return filters.group ? ` AND ${alias}.candidate_role = ${params.add(filters.group)}` : '';
}
