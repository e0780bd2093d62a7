import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Problem, SubflowNode, WorkflowDefinition } from '@ticketflow/definition';

/** Codes of the publish-time sub-flow problems (texts in the web's `problemCodes` / `problemDetails`). */
export const SUBFLOW_PUBLISH_CODES = [
  'subflow-workflow-not-published',
  'subflow-outcome-not-in-child',
  'subflow-outcome-uncovered',
  'subflow-unknown-child-field',
] as const;

/** The end outcomes of a definition (an end without `outcome` ends `resolved`). Pure. */
export function endOutcomesOf(definition: WorkflowDefinition): string[] {
  return [
    ...new Set(
      definition.nodes.filter((node) => node.type === 'end').map((node) => node.outcome ?? 'resolved'),
    ),
  ];
}

/**
 * What only the server can check about a definition's sub-flows, against each called workflow's
 * latest published version (`children`, by key): that it exists, that every edge's outcome is
 * one of its end outcomes (besides `cancelled` and a timeout's `timeout`), that every end
 * outcome has an edge, and that the mapped child fields exist. Pure.
 */
export function subflowProblems(
  definition: WorkflowDefinition,
  children: ReadonlyMap<string, WorkflowDefinition>,
): Problem[] {
  const problems: Problem[] = [];
  const add = (code: (typeof SUBFLOW_PUBLISH_CODES)[number], message: string, place: Partial<Problem>) =>
    problems.push({ code, severity: 'error', message, ...place });
  for (const node of definition.nodes) {
    if (node.type !== 'subflow') continue;
    const subflow = node as SubflowNode;
    const label = `Sub-flow "${node.name ?? node.id}"`;
    const child = children.get(subflow.workflowKey);
    if (!child) {
      add(
        'subflow-workflow-not-published',
        `${label} calls "${subflow.workflowKey}", which has no published version; publish it first or pick another workflow.`,
        { nodeId: node.id, field: 'workflowKey', params: { workflowKey: subflow.workflowKey } },
      );
      continue;
    }
    const outcomes = endOutcomesOf(child);
    const edges = definition.edges.filter((edge) => edge.source === node.id);
    const own = new Set(['cancelled', ...(subflow.timeout ? ['timeout'] : [])]);
    for (const edge of edges) {
      if (edge.on === undefined || own.has(edge.on) || outcomes.includes(edge.on)) continue;
      add(
        'subflow-outcome-not-in-child',
        `${label} has an edge for "${edge.on}", but "${subflow.workflowKey}" ends only with ${outcomes.join(', ')}.`,
        {
          nodeId: node.id,
          edgeId: edge.id,
          field: 'on',
          params: { outcome: edge.on, outcomes: outcomes.join(', '), workflowKey: subflow.workflowKey },
        },
      );
    }
    for (const outcome of outcomes) {
      if (edges.some((edge) => edge.on === outcome)) continue;
      add(
        'subflow-outcome-uncovered',
        `"${subflow.workflowKey}" can end with "${outcome}", but no edge leaves ${label} for it; add one.`,
        { nodeId: node.id, params: { outcome, workflowKey: subflow.workflowKey } },
      );
    }
    const childFields = new Set(child.fields.map((field) => field.name));
    const mapped = [
      ...Object.keys(subflow.input ?? {}).map((name) => ({ name, place: `input.${name}` })),
      ...Object.entries(subflow.output ?? {}).map(([parent, name]) => ({ name, place: `output.${parent}` })),
    ];
    for (const { name, place } of mapped) {
      if (childFields.has(name)) continue;
      add(
        'subflow-unknown-child-field',
        `${label} maps the field "${name}", which "${subflow.workflowKey}" does not declare.`,
        { nodeId: node.id, field: place, params: { field: name, workflowKey: subflow.workflowKey } },
      );
    }
  }
  return problems;
}

/** Reads the latest published definitions of the workflows a definition calls, then checks them. */
@Injectable()
export class SubflowPublishCheck {
  /** Problems of `definition`'s sub-flows against the published children; reads workflow_versions. */
  async problems(manager: EntityManager, definition: WorkflowDefinition): Promise<Problem[]> {
    const keys = [
      ...new Set(
        definition.nodes
          .filter((node) => node.type === 'subflow')
          .map((node) => (node as SubflowNode).workflowKey),
      ),
    ];
    if (keys.length === 0) return [];
    const rows = (await manager.query(
      `SELECT DISTINCT ON (key) key, definition FROM workflow_versions
        WHERE key = ANY($1::text[]) AND deprecated_at IS NULL ORDER BY key, version DESC`,
      [keys],
    )) as { key: string; definition: WorkflowDefinition }[];
    return subflowProblems(definition, new Map(rows.map((row) => [row.key, row.definition])));
  }
}
