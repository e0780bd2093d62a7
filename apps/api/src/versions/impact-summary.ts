import type { CompiledWorkflow } from '@ticketflow/compiler';
import type { ReplayResult } from './replay-ticket.js';

export interface TicketImpact {
  ticketId: string;
  number: string;
  title: string;
  status: string;
  before: ReplayResult;
  after: ReplayResult;
}

/** Tickets that route the same way through the nodes added to and dropped from their path. */
export interface ImpactGroup {
  /** Steps the draft would now send these tickets through. */
  nowVisits: { id: string; name: string }[];
  /** Steps these tickets would no longer go through. */
  noLongerVisits: { id: string; name: string }[];
  /** Ends they would reach instead, when the outcome changes. */
  outcome?: { before: string | null; after: string | null };
  count: number;
  summary: string;
  tickets: { ticketId: string; number: string; title: string }[];
}

/** True when the draft would send the ticket another way (other steps, another order or another outcome). Pure. */
export function routesDifferently(impact: Pick<TicketImpact, 'before' | 'after'>): boolean {
  return (
    impact.before.path.join('>') !== impact.after.path.join('>') ||
    (impact.before.outcome ?? null) !== (impact.after.outcome ?? null)
  );
}

/**
 * Groups differing tickets by what changes for them and words each group:
 * "47 tickets would now go through “Finance approval”". Pure.
 */
export function groupImpacts(
  impacts: TicketImpact[],
  before: CompiledWorkflow,
  after: CompiledWorkflow,
): ImpactGroup[] {
  const groups = new Map<string, ImpactGroup>();
  for (const impact of impacts) {
    const oldSet = new Set(impact.before.path);
    const newSet = new Set(impact.after.path);
    const nowVisits = [...newSet]
      .filter((id) => !oldSet.has(id) && isStep(after, id))
      .map((id) => ({ id, name: nameOf(after, id) }));
    const noLongerVisits = [...oldSet]
      .filter((id) => !newSet.has(id) && isStep(before, id))
      .map((id) => ({ id, name: nameOf(before, id) }));
    const outcomeBefore = impact.before.outcome ?? null;
    const outcomeAfter = impact.after.outcome ?? null;
    const key = JSON.stringify([
      nowVisits.map((n) => n.id),
      noLongerVisits.map((n) => n.id),
      outcomeBefore,
      outcomeAfter,
    ]);
    let group = groups.get(key);
    if (!group) {
      group = { nowVisits, noLongerVisits, count: 0, summary: '', tickets: [] };
      if (outcomeBefore !== outcomeAfter) group.outcome = { before: outcomeBefore, after: outcomeAfter };
      groups.set(key, group);
    }
    group.count += 1;
    group.tickets.push({ ticketId: impact.ticketId, number: impact.number, title: impact.title });
  }
  for (const group of groups.values()) group.summary = summarize(group);
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

function summarize(group: ImpactGroup): string {
  const who = `${group.count} ticket${group.count === 1 ? '' : 's'} would`;
  const names = (nodes: { name: string }[]) => nodes.map((n) => `“${n.name}”`).join(', ');
  const parts: string[] = [];
  if (group.nowVisits.length > 0) parts.push(`now go through ${names(group.nowVisits)}`);
  if (group.noLongerVisits.length > 0) parts.push(`no longer go through ${names(group.noLongerVisits)}`);
  if (group.outcome)
    parts.push(`end ${group.outcome.after ?? 'open'} instead of ${group.outcome.before ?? 'open'}`);
  if (parts.length === 0) parts.push('take the same steps in another order');
  return `${who} ${parts.join(' and ')}`;
}

function isStep(compiled: CompiledWorkflow, id: string): boolean {
  const type = compiled.nodes[id]?.type;
  return type !== undefined && type !== 'start' && type !== 'decision' && type !== 'end';
}

function nameOf(compiled: CompiledWorkflow, id: string): string {
  return compiled.nodes[id]?.name || id;
}
