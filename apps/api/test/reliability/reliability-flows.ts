/** Workflows the reliability suites drive; plain definitions, published through the API. */

/** Ten human steps in a row — four tasks, an "any" approval by finance, five tasks — then the end. */
export function chainDefinition(key = 'reliability-chain') {
  const steps = ['s1', 's2', 's3', 's4', 'a5', 's6', 's7', 's8', 's9', 's10'];
  const nodes: Record<string, unknown>[] = [{ id: 'start', type: 'start' }];
  for (const id of steps) {
    nodes.push(
      id.startsWith('a')
        ? {
            id,
            type: 'approval',
            name: `Approve ${id}`,
            approvers: { role: 'finance' },
            policy: { type: 'any' },
          }
        : { id, type: 'task', name: `Step ${id}`, assignee: { role: 'agent' } },
    );
  }
  nodes.push(
    { id: 'done', type: 'end', outcome: 'resolved' },
    { id: 'rejected', type: 'end', outcome: 'rejected' },
  );
  const order = ['start', ...steps, 'done'];
  const edges: Record<string, unknown>[] = order.slice(1).map((target, index) => {
    const source = order[index] as string;
    return {
      id: `e${index}`,
      source,
      target,
      ...(source === 'start' ? {} : { on: source.startsWith('a') ? 'approved' : 'completed' }),
    };
  });
  edges.push({ id: 'e-rejected', source: 'a5', target: 'rejected', on: 'rejected' });
  return {
    schemaVersion: 1,
    key,
    name: 'Reliability chain',
    fields: [{ name: 'amount', type: 'number', required: true }],
    nodes,
    edges,
  };
}

/** Human steps per ticket in {@link chainDefinition}. */
export const CHAIN_STEPS = 10;
