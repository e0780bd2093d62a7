type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The timeline entry an assignment rule leaves (`event: 'assignment'`, see the API's assignment-note). */
export interface AssignmentDetail {
  kind: 'assignment';
  nodeId: string;
  rule: string;
  name?: string;
  levels?: number;
  usernames?: string[];
  strategy?: string;
  unmatched?: { reason: string; region?: string | null; skills?: string[]; field?: string; of?: string };
  fallback?: { to: string; name: string };
  text: string;
}

/** True when a transition's detail is an assignment note. Pure. */
export function isAssignmentDetail(detail: unknown): detail is AssignmentDetail {
  return (
    typeof detail === 'object' && detail !== null && (detail as { kind?: unknown }).kind === 'assignment'
  );
}

const STRATEGY_KEYS: Record<string, string> = {
  'round-robin': 'designer.props.strategyRoundRobin',
  'least-loaded': 'designer.props.strategyLeastLoaded',
};

/**
 * "Manager approval went to the requester's manager: manager", or — when
 * nobody matched — why, and where the step went instead. Pure apart from `t`.
 */
export function describeAssignmentDetail(detail: AssignmentDetail, step: string, t: Translate): string {
  const levels =
    detail.levels && detail.levels > 1 ? t('tickets.explain.levels', { count: detail.levels }) : '';
  const rule = `${t(`tickets.explain.rule_${detail.rule}`, { name: detail.name ?? '' })}${levels}`;
  if (detail.unmatched && detail.fallback) {
    const u = detail.unmatched;
    let why = t(`tickets.explain.why_${u.reason}`, { field: u.field ?? '', of: u.of ?? '' });
    if (u.reason === 'no-match') {
      if (u.region) why += t('tickets.explain.whyRegion', { region: u.region });
      if (u.skills && u.skills.length > 0)
        why += t('tickets.explain.whySkills', { skills: u.skills.join(', ') });
    }
    const fallback = t(`tickets.explain.fallback_${detail.fallback.to}`, { name: detail.fallback.name });
    return t('tickets.explain.assignedFallback', { step, rule, why, fallback });
  }
  const strategy =
    detail.strategy && STRATEGY_KEYS[detail.strategy]
      ? ` (${t(STRATEGY_KEYS[detail.strategy] as string)})`
      : '';
  return t('tickets.explain.assigned', {
    step,
    rule,
    people: `${(detail.usernames ?? []).join(', ')}${strategy}`,
  });
}
