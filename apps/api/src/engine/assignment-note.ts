import type { Approvers, Assignee } from '@ticketflow/definition';

/** Why an assignee rule found nobody. */
export type Unmatched =
  | { reason: 'no-match'; role: string | null; group: string | null; skills: string[]; region: string | null }
  | { reason: 'no-region'; field: string }
  | { reason: 'no-manager'; of: string; levels: number }
  | { reason: 'is-requester'; of: string; levels: number }
  | { reason: 'no-previous-approver' };

/**
 * The timeline entry of an assignment (`event: 'assignment'`): which rule,
 * whom it found (usernames) or why it found nobody and where the step went
 * instead. `text` says the same in English for API readers; the web app
 * words it from the other properties.
 */
export interface AssignmentNote {
  kind: 'assignment';
  nodeId: string;
  rule: 'role' | 'group' | 'manager-of-requester' | 'manager-of-previous-approver';
  /** The group or role the rule names. */
  name?: string;
  levels?: number;
  usernames?: string[];
  strategy?: string;
  unmatched?: Unmatched;
  fallback?: { to: 'role' | 'user' | 'incident' | 'whole-role'; name: string };
  text: string;
}

function ruleOf(rule: Assignee | Approvers): Pick<AssignmentNote, 'rule' | 'name' | 'levels'> {
  if ('manager' in rule)
    return {
      rule: rule.manager === 'requester' ? 'manager-of-requester' : 'manager-of-previous-approver',
      levels: rule.levels ?? 1,
    };
  if ('group' in rule) return { rule: 'group', name: rule.group };
  return { rule: 'role', name: 'role' in rule ? rule.role : '' };
}

function ruleText(note: Pick<AssignmentNote, 'rule' | 'name' | 'levels'>): string {
  const up = note.levels && note.levels > 1 ? ` (${note.levels} levels up)` : '';
  if (note.rule === 'manager-of-requester') return `the requester's manager${up}`;
  if (note.rule === 'manager-of-previous-approver') return `the previous approver's manager${up}`;
  return `${note.rule} "${note.name}"`;
}

function unmatchedText(unmatched: Unmatched): string {
  switch (unmatched.reason) {
    case 'no-match': {
      const filters = [
        unmatched.region !== null ? `in region ${unmatched.region}` : '',
        unmatched.skills.length > 0 ? `with skills ${unmatched.skills.join(' and ')}` : '',
      ].filter(Boolean);
      return `nobody active ${filters.join(' ') || 'matches'}`;
    }
    case 'no-region':
      return `the ticket has no region in "${unmatched.field}"`;
    case 'no-manager':
      return `${unmatched.of} has no active manager${unmatched.levels > 1 ? ` ${unmatched.levels} levels up` : ''}`;
    case 'is-requester':
      return `that would be the requester, who may not decide their own ticket`;
    case 'no-previous-approver':
      return 'no earlier step was handled by anyone';
  }
}

const FALLBACK_TEXT: Record<NonNullable<AssignmentNote['fallback']>['to'], (name: string) => string> = {
  role: (name) => `the fallback role "${name}"`,
  user: (name) => `the fallback user ${name}`,
  'whole-role': (name) => `everyone in the role "${name}" (no fallback named)`,
  incident: () => 'an incident for an admin',
};

/** The note of one assignment. Pure. */
export function describeAssignment(
  nodeId: string,
  rule: Assignee | Approvers,
  outcome: {
    usernames?: string[];
    strategy?: string;
    unmatched?: Unmatched;
    fallback?: AssignmentNote['fallback'];
  },
): AssignmentNote {
  const head = ruleOf(rule);
  const subject = `Step "${nodeId}" goes to ${ruleText(head)}`;
  const text =
    outcome.unmatched && outcome.fallback
      ? `${subject}, but ${unmatchedText(outcome.unmatched)}; it went to ${FALLBACK_TEXT[outcome.fallback.to](outcome.fallback.name)}.`
      : `${subject}: ${outcome.usernames?.join(', ')}${outcome.strategy ? ` (${outcome.strategy})` : ''}.`;
  return {
    kind: 'assignment',
    nodeId,
    ...head,
    ...(outcome.usernames ? { usernames: outcome.usernames } : {}),
    ...(outcome.strategy ? { strategy: outcome.strategy } : {}),
    ...(outcome.unmatched ? { unmatched: outcome.unmatched } : {}),
    ...(outcome.fallback ? { fallback: outcome.fallback } : {}),
    text,
  };
}
