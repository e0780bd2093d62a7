import { CHANNELS, PRIORITIES } from '../tickets/ticket.dto.js';
import type { Queryable } from './report-values.js';

export interface ReportOptions {
  workflows: { key: string; name: string; versions: number[] }[];
  channels: string[];
  priorities: string[];
  groups: { name: string; label: string }[];
}

/** What the report filters can be set to: published workflows with their versions, channels, priorities, roles. Side effects: none. */
export async function reportOptions(db: Queryable): Promise<ReportOptions> {
  const workflows = (await db.query(
    `SELECT key, (array_agg(name ORDER BY version DESC))[1] AS name, array_agg(version ORDER BY version) AS versions
       FROM workflow_versions GROUP BY key ORDER BY key`,
  )) as { key: string; name: string; versions: number[] }[];
  const groups = (await db.query(`SELECT name, label FROM roles ORDER BY name`)) as {
    name: string;
    label: string;
  }[];
  return { workflows, channels: [...CHANNELS], priorities: [...PRIORITIES], groups };
}
