import type { TFunction } from 'i18next';
import type { Problem, WorkflowDefinition } from '@ticketflow/definition';

/**
 * A validation problem in the reader's language: English keeps the
 * validator's own message (it names the node and value); other languages get
 * the translated meaning of the code — with the validator's values (counts,
 * field and outcome names) where it gave them (`problemDetails.*`) — never
 * the English message. Pure.
 */
export function problemText(t: TFunction, language: string, problem: Problem): string {
  if (language.startsWith('en')) return problem.message;
  const fallback = t(`problemCodes.${problem.code}`, {
    defaultValue: t('versions.review.unknownProblem', { code: problem.code }),
  });
  if (!problem.params) return fallback;
  return t(`problemDetails.${problem.code}`, { ...problem.params, defaultValue: fallback });
}

/** The name of the node (or of the source → target of the edge) a problem concerns, if any. Pure. */
export function problemPlace(definition: WorkflowDefinition, problem: Problem): string | undefined {
  const name = (id: string) => definition.nodes.find((node) => node.id === id)?.name?.trim() || id;
  if (problem.nodeId) return name(problem.nodeId);
  const edge = problem.edgeId ? definition.edges.find((e) => e.id === problem.edgeId) : undefined;
  return edge ? `${name(edge.source)} → ${name(edge.target)}` : undefined;
}
