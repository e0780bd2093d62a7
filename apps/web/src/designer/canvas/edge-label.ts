import type { TFunction } from 'i18next';
import type { FieldDefinition, WorkflowEdge } from '@ticketflow/definition';
import { describeCondition } from '../model/pure-libs';

/**
 * The words drawn on an edge: its own label, else for a decision branch its
 * condition in words or "otherwise". Edges that follow an outcome carry no
 * label: the outcome is written next to its handle on the node. Pure.
 */
export function edgeLabelText(
  edge: WorkflowEdge,
  fields: FieldDefinition[],
  t: TFunction,
  language: string,
  fromDecision: boolean,
): string | undefined {
  if (edge.label) return edge.label;
  if (edge.on) return undefined;
  if (edge.default) return t('designer.edge.default');
  if (edge.condition) return describeCondition(edge.condition, fields, language);
  return fromDecision ? t('designer.edge.noCondition') : undefined;
}
