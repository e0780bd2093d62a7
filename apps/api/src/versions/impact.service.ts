import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compileDefinition } from '@ticketflow/compiler';
import { validateDefinition } from '@ticketflow/definition';
import { unprocessable } from '../common/errors/domain-error.js';
import { CompiledWorkflows } from '../engine/compiled-workflows.js';
import { checkWorkflowKey } from '../workflows/workflow-key.js';
import { latestVersionNumber, loadDefinitionSide } from './definition-ref.js';
import { groupImpacts, routesDifferently, type ImpactGroup, type TicketImpact } from './impact-summary.js';
import { replayTicket } from './replay-ticket.js';

export const DEFAULT_IMPACT_LIMIT = 500;

export interface ImpactReport {
  key: string;
  version: number;
  sampled: number;
  differing: number;
  groups: ImpactGroup[];
  tickets: (Omit<TicketImpact, 'before' | 'after'> & {
    before: string[];
    after: string[];
    outcomeBefore?: string;
    outcomeAfter?: string;
  })[];
}

interface TicketRow {
  id: string;
  number: string;
  title: string;
  status: string;
  fields: Record<string, unknown>;
  decisions: { node: string; outcome: string }[] | null;
}

/**
 * Impact preview: replays the most recent tickets of the latest version through
 * the draft and through their own version, with each ticket's recorded
 * decisions, and reports those that would route differently. Reads only.
 */
@Injectable()
export class ImpactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly compiled: CompiledWorkflows,
  ) {}

  async preview(key: string, limit = DEFAULT_IMPACT_LIMIT): Promise<ImpactReport> {
    checkWorkflowKey(key);
    const manager = this.dataSource.manager;
    const draft = await loadDefinitionSide(manager, key, 'draft');
    const validation = validateDefinition(draft.definition);
    if (!validation.valid) {
      throw unprocessable(
        'definition-invalid',
        `The draft of "${key}" has errors; fix them before previewing its impact.`,
        { problems: validation.problems },
      );
    }
    const latest = await latestVersionNumber(manager, key);
    if (latest === null)
      throw unprocessable(
        'workflow-not-published',
        `Workflow "${key}" has no published version whose tickets could be replayed.`,
      );
    const version = await loadDefinitionSide(manager, key, latest);
    const before = this.compiled.get(version.versionId as string, version.definition);
    const after = compileDefinition(draft.definition);
    const rows = (await manager.query(
      `SELECT t.id, t.number::text AS number, t.title, t.status, t.fields,
              (SELECT json_agg(json_build_object('node', tr.from_node, 'outcome', tr.payload->>'outcome') ORDER BY tr.seq)
                 FROM transitions tr WHERE tr.instance_id = i.id AND tr.payload->>'kind' = 'outcome' AND tr.from_node IS NOT NULL) AS decisions
         FROM instances i JOIN tickets t ON t.id = i.ticket_id
        WHERE i.version_id = $1 ORDER BY t.created_at DESC, t.number DESC LIMIT $2`,
      [version.versionId, limit],
    )) as TicketRow[];

    const impacts: TicketImpact[] = [];
    for (const row of rows) {
      const decisions = new Map<string, string[]>();
      for (const decision of row.decisions ?? [])
        decisions.set(decision.node, [...(decisions.get(decision.node) ?? []), decision.outcome]);
      const impact: TicketImpact = {
        ticketId: row.id,
        number: row.number,
        title: row.title,
        status: row.status,
        before: await replayTicket(before, row.fields, decisions),
        after: await replayTicket(after, row.fields, decisions),
      };
      if (routesDifferently(impact)) impacts.push(impact);
    }
    return {
      key,
      version: latest,
      sampled: rows.length,
      differing: impacts.length,
      groups: groupImpacts(impacts, before, after),
      tickets: impacts.map(({ before: b, after: a, ...ticket }) => ({
        ...ticket,
        before: b.path,
        after: a.path,
        ...(b.outcome === undefined ? {} : { outcomeBefore: b.outcome }),
        ...(a.outcome === undefined ? {} : { outcomeAfter: a.outcome }),
      })),
    };
  }
}
