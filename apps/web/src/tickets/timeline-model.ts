import type { Condition, FieldDefinition, FieldValues, WorkflowDefinition } from '@ticketflow/definition';
import { formatValue } from '@ticketflow/rules';
import { describeCondition } from '../designer/model/pure-libs';
import { edgeOfTransition } from '../designer/simulation/simulation-view';
import type { Transition } from '@ticketflow/contract';
import { describeAssignmentDetail, isAssignmentDetail } from './assignment-text';
import { groupTallyText } from '../inbox/group-tally-text';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A transition explained for the timeline. */
export interface TimelineLine {
  text: string;
  comment?: string;
  /** Automatic routing (a decision's branch) rather than a person's act. */
  automatic: boolean;
  /** The text already says "from → to", so the timeline does not print the path a second time. */
  saysPath?: boolean;
}

/** A node's display name (its name, else its id). Pure. */
export function nodeName(definition: WorkflowDefinition | undefined, id: string | null): string {
  if (!id) return '';
  return definition?.nodes.find((n) => n.id === id)?.name ?? id;
}

/** "Refund amount is 6,200, Channel is web": the values a condition looked at. Pure. */
export function describeValues(
  values: FieldValues,
  fields: readonly FieldDefinition[],
  language: string,
  t: Translate,
): string {
  const locale = language.startsWith('zh') ? 'zh' : 'en';
  return Object.entries(values)
    .map(([name, value]) => {
      const label = fields.find((f) => f.name === name)?.label ?? name;
      return t('tickets.explain.value', { field: label, value: formatValue(value, locale) });
    })
    .join(t('tickets.explain.valueSeparator'));
}

/**
 * Says what a transition did and why, in the UI language: which condition (with
 * the values it saw) chose a branch, that no condition held, who decided what,
 * which message arrived. Pure apart from calling `t`.
 */
export function explainTransition(
  transition: Transition,
  definition: WorkflowDefinition | undefined,
  language: string,
  t: Translate,
): TimelineLine {
  const detail = transition.detail;
  const note: unknown = detail;
  if (isAssignmentDetail(note))
    return { text: describeAssignmentDetail(note, nodeName(definition, note.nodeId), t), automatic: true };
  const from = nodeName(definition, transition.from);
  const to = nodeName(definition, transition.to);
  const fields = definition?.fields ?? [];
  const decision = (word: string) => t(`outcomes.${word}`, { defaultValue: word });
  if (transition.event === 'attachment') return { text: attachmentLine(transition, t), automatic: false };
  switch (detail?.kind) {
    case 'condition': {
      const condition = definition
        ? describeCondition(detail.condition as Condition, definition.fields, language)
        : detail.text;
      const values = describeValues(detail.values ?? {}, fields, language, t);
      return { text: t('tickets.explain.condition', { target: to, condition, values }), automatic: true };
    }
    case 'default':
      return { text: t('tickets.explain.default', { target: to, text: detail.text }), automatic: true };
    case 'vote':
      return {
        text:
          t('tickets.explain.vote', {
            step: from,
            decision: decision(detail.decision),
            approved: detail.approved,
            rejected: detail.rejected,
          }) + (detail.groups ? ` ${groupTallyText(t, detail.groups)}` : ''),
        comment: detail.comment,
        automatic: false,
      };
    case 'outcome':
      return {
        text: to
          ? t('tickets.explain.outcome', { step: from, outcome: decision(detail.outcome), target: to })
          : t('tickets.explain.outcomeEnd', { step: from, outcome: decision(detail.outcome) }),
        comment: detail.comment,
        automatic: false,
      };
    case 'message':
      return {
        text: t('tickets.explain.message', { message: detail.message, target: to }),
        automatic: false,
      };
    case 'note':
      return { text: detail.text, automatic: transition.event === 'auto' };
    default:
      if (!transition.from && transition.to) {
        const isStart = definition?.nodes.find((n) => n.id === transition.to)?.type === 'start';
        return {
          text: isStart ? t('tickets.explain.created') : t('tickets.explain.start', { target: to }),
          automatic: !isStart,
        };
      }
      if (transition.from && transition.to)
        return {
          text: t('tickets.explain.moved', { from, to }),
          automatic: transition.event === 'auto',
          saysPath: true,
        };
      return { text: transition.event, automatic: false };
  }
}

/** "Attached receipt.png" / "Generated repair-report-12.pdf" (issue 21). Pure apart from calling `t`. */
function attachmentLine(transition: Transition, t: Translate): string {
  const detail = transition.detail as { attachment?: { name?: string }; source?: string } | undefined;
  const name = detail?.attachment?.name ?? transition.attachment?.name ?? '';
  return t(detail?.source === 'document' ? 'attachments.timelineGenerated' : 'attachments.timeline', {
    name,
  });
}

/** Nodes the ticket has been at and edges it followed, derived from its transitions. Pure. */
export function pathOf(
  definition: WorkflowDefinition,
  transitions: readonly Transition[],
): { visitedNodes: Set<string>; takenEdges: Set<string> } {
  const known = new Set(definition.nodes.map((n) => n.id));
  const visitedNodes = new Set<string>();
  const takenEdges = new Set<string>();
  for (const transition of transitions) {
    for (const id of [transition.from, transition.to]) if (id && known.has(id)) visitedNodes.add(id);
    if (!transition.from && transition.to) {
      // The first step: the instance left the start node, which transitions may not name.
      const start = definition.nodes.find((n) => n.type === 'start');
      const edge = start && definition.edges.find((e) => e.source === start.id && e.target === transition.to);
      if (start && edge) {
        visitedNodes.add(start.id);
        takenEdges.add(edge.id);
      }
    } else if (transition.from && transition.to && transition.from !== transition.to) {
      const edge = edgeOfTransition(definition, transition);
      if (edge) takenEdges.add(edge.id);
    }
  }
  return { visitedNodes, takenEdges };
}
