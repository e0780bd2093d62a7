import { DEFINITION_LIMITS, validateDefinition } from '@ticketflow/definition';
import { repeat } from '../stats.mjs';

/** What one validation at the size limits may cost; slower is a regression to look at. */
export const VALIDATION_BUDGET_MS = 1500;

const base = {
  schemaVersion: 1,
  key: 'limits',
  name: 'Limits',
  fields: [{ name: 'amount', type: 'number' }],
};
let edgeId = 0;
const edge = (source, target, extra = {}) => ({ id: `e${(edgeId += 1)}`, source, target, ...extra });

/** One decision with as many overlapping condition edges as a definition may have. */
function overlappingDecision() {
  const nodes = [
    { id: 'start', type: 'start' },
    { id: 'd', type: 'decision' },
    { id: 'end', type: 'end' },
  ];
  const edges = [edge('start', 'd'), edge('d', 'end', { default: true })];
  while (edges.length < DEFINITION_LIMITS.maxEdges)
    edges.push(
      edge('d', 'end', { condition: { fact: 'amount', operator: 'greaterThan', value: edges.length } }),
    );
  return { ...base, nodes, edges };
}

/** Parallel blocks nested as deep as the node limit allows (valid). */
function nestedParallels() {
  const depth = Math.floor((DEFINITION_LIMITS.maxNodes - 2) / 3);
  const nodes = [
    { id: 'start', type: 'start' },
    { id: 'end', type: 'end' },
  ];
  const edges = [edge('start', 'p0')];
  for (let level = 0; level < depth; level += 1) {
    nodes.push(
      { id: `p${level}`, type: 'parallel' },
      { id: `t${level}`, type: 'task', assignee: { role: 'agent' } },
      { id: `j${level}`, type: 'join' },
    );
    edges.push(edge(`p${level}`, `t${level}`), edge(`t${level}`, `j${level}`, { on: 'completed' }));
    edges.push(level + 1 < depth ? edge(`p${level}`, `p${level + 1}`) : edge(`p${level}`, `j${level}`));
    edges.push(level > 0 ? edge(`j${level}`, `j${level - 1}`) : edge('j0', 'end'));
  }
  return { ...base, nodes, edges };
}

/** The largest graph of decisions wired every which way: everything wrong at once. */
function everythingWrong() {
  const nodes = [];
  const edges = [];
  for (let index = 0; index < DEFINITION_LIMITS.maxNodes; index += 1)
    nodes.push({ id: `d${index}`, type: 'decision' });
  for (let index = 0; edges.length < DEFINITION_LIMITS.maxEdges; index += 1)
    edges.push(edge(`d${index % 2000}`, `d${(index * 7 + 1) % 2000}`));
  return { ...base, nodes, edges };
}

/**
 * validateDefinition on the worst inputs the size limits allow (the budgets that used to be
 * timed unit tests in libs/definition): milliseconds per call against VALIDATION_BUDGET_MS.
 */
export async function definitionLimitsSuite({ runs }) {
  const rows = [];
  for (const [name, build] of [
    ['a decision with the most condition edges', overlappingDecision],
    ['nested parallel blocks', nestedParallels],
    ['everything wrong at the limits', everythingWrong],
  ]) {
    const definition = build();
    let problems = 0;
    const { medianMs } = await repeat(runs, async () => {
      const started = performance.now();
      problems = validateDefinition(definition).problems.length;
      return { medianMs: performance.now() - started };
    });
    rows.push({
      name,
      counted: `ms per validateDefinition (budget ${VALIDATION_BUDGET_MS} ms${medianMs > VALIDATION_BUDGET_MS ? ', OVER BUDGET' : ''}; ${problems} problems)`,
      medianMs,
    });
  }
  return rows;
}
