import type { DefinitionGraph } from './definition-graph.js';
import { describeNodeId } from './definition-graph.js';
import { isWaitingNode, nodeTypeInfo } from './node-types.js';
import type { ProblemSink } from './problem-sink.js';

/** Strongly connected components of the graph restricted to `keep` (iterative Tarjan). */
function components(ids: string[], next: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; children: string[] }[] = [];
    const enter = (id: string): void => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, children: next(id) });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; children: string[] };
      const child = frame.children.pop();
      if (child !== undefined) {
        if (!index.has(child)) enter(child);
        else if (onStack.has(child))
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(child) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined)
        low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        result.push(component.reverse());
      }
    }
  }
  return result;
}

/**
 * Reports every loop that passes through no waiting node (task, approval, timer, wait):
 * such a loop would spin without stopping. One problem per loop (strongly connected
 * component of the non-waiting nodes), on its first node. Pure apart from `sink`.
 */
export function checkLoops(sink: ProblemSink, graph: DefinitionGraph): void {
  const spinning = (id: string): boolean => {
    const node = graph.nodeById.get(id);
    return node !== undefined && nodeTypeInfo(node.type) !== undefined && !isWaitingNode(node);
  };
  const ids = graph.nodes.map((node) => node.id).filter(spinning);
  const next = (id: string): string[] =>
    (graph.outgoing.get(id) ?? []).map((edge) => edge.target).filter(spinning);
  for (const component of components(ids, next)) {
    const [first] = component;
    if (first === undefined) continue;
    const selfLoop = component.length === 1 && next(first).includes(first);
    if (component.length < 2 && !selfLoop) continue;
    const names = component
      .slice(0, 6)
      .map((id) => describeNodeId(graph, id))
      .join(' → ');
    sink.add(
      'straight-through-loop',
      `The loop through ${names} has no task, approval, timer or wait on it, so a ticket would go round it forever; add a waiting step to the loop.`,
      { nodeId: first },
    );
  }
}
