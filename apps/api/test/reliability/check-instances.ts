import type { WorkflowDefinition } from '@ticketflow/definition';
import { pendingWork, type InstanceSnapshot } from '@ticketflow/runtime';
import pg from 'pg';
import { replayInstance, sortDeep, type TransitionRow } from './replay-instance.js';

export interface InstanceCheckSummary {
  instances: number;
  transitions: number;
  replayedEvents: number;
  problems: string[];
}

interface InstanceRow {
  id: string;
  ticket_id: string;
  seq: number;
  status: string;
  active_nodes: string[];
  snapshot: InstanceSnapshot;
  requester_id: string;
  definition: WorkflowDefinition;
  initial_fields: Record<string, unknown>;
}

/**
 * Checks every instance of `workflowKey` in the database against its own
 * history: seq numbers 1..n without gaps and equal to the instance's seq; the
 * stored snapshot, status and active nodes equal a replay of the transitions
 * through libs/runtime; no open task without its node active; every active
 * task/approval node has exactly one open task, matching the snapshot's open
 * work. Returns the problems found (empty when all hold). `initialFields`
 * gives each ticket's starting fields (the flows used here never change
 * them). Side effects: reads.
 */
export async function checkInstances(
  databaseUrl: string,
  workflowKey: string,
  initialFields: (ticketId: string) => Record<string, unknown>,
): Promise<InstanceCheckSummary> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const summary: InstanceCheckSummary = { instances: 0, transitions: 0, replayedEvents: 0, problems: [] };
  try {
    const instances = (
      await client.query(
        `SELECT i.id, i.ticket_id, i.seq, i.status, i.active_nodes, i.snapshot, t.requester_id, v.definition
           FROM instances i JOIN tickets t ON t.id = i.ticket_id JOIN workflow_versions v ON v.id = i.version_id
          WHERE v.key = $1 ORDER BY t.number`,
        [workflowKey],
      )
    ).rows as InstanceRow[];
    const transitions = (
      await client.query(
        `SELECT tr.instance_id, tr.seq, tr.event, tr.from_node, tr.to_node, tr.actor_id, tr.payload
           FROM transitions tr JOIN instances i ON i.id = tr.instance_id JOIN workflow_versions v ON v.id = i.version_id
          WHERE v.key = $1 ORDER BY tr.instance_id, tr.seq`,
        [workflowKey],
      )
    ).rows as (TransitionRow & { instance_id: string })[];
    const tasks = (
      await client.query(
        `SELECT k.instance_id, k.task_key, k.node_id, k.status FROM tasks k JOIN instances i ON i.id = k.instance_id
           JOIN workflow_versions v ON v.id = i.version_id WHERE v.key = $1`,
        [workflowKey],
      )
    ).rows as { instance_id: string; task_key: string; node_id: string; status: string }[];
    const byInstance = groupBy(transitions, (row) => row.instance_id);
    const tasksByInstance = groupBy(tasks, (row) => row.instance_id);
    for (const instance of instances) {
      summary.instances += 1;
      const rows = byInstance.get(instance.id) ?? [];
      summary.transitions += rows.length;
      const problem = (text: string) => summary.problems.push(`ticket ${instance.ticket_id}: ${text}`);
      if (instance.seq !== rows.length)
        problem(`instance seq ${instance.seq} but ${rows.length} transitions`);
      try {
        const replay = await replayInstance(
          instance.definition,
          initialFields(instance.ticket_id),
          instance.requester_id,
          rows,
        );
        summary.replayedEvents += replay.events;
        if (JSON.stringify(sortDeep(replay.snapshot)) !== JSON.stringify(sortDeep(instance.snapshot)))
          problem('stored snapshot differs from the replay');
        if (replay.snapshot.status !== instance.status)
          problem(`status ${instance.status}, replay ${replay.snapshot.status}`);
        if (
          JSON.stringify([...replay.snapshot.activeNodes].sort()) !==
          JSON.stringify([...instance.active_nodes].sort())
        ) {
          problem(
            `active nodes ${instance.active_nodes.join(',')}, replay ${replay.snapshot.activeNodes.join(',')}`,
          );
        }
      } catch (error) {
        problem(`replay failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const open = (tasksByInstance.get(instance.id) ?? []).filter((task) => task.status === 'open');
      for (const task of open)
        if (!instance.active_nodes.includes(task.node_id))
          problem(`open task ${task.task_key} at inactive node ${task.node_id}`);
      const waitingFor = pendingWork(instance.snapshot).tasks;
      const openKeys = open.map((task) => task.task_key).sort();
      const wantKeys = waitingFor.map((task) => task.taskKey).sort();
      if (JSON.stringify(openKeys) !== JSON.stringify(wantKeys))
        problem(`open tasks ${openKeys.join(',')} but the snapshot waits for ${wantKeys.join(',')}`);
      const humanNodes = new Set(
        instance.definition.nodes
          .filter((node) => node.type === 'task' || node.type === 'approval')
          .map((node) => node.id),
      );
      for (const node of instance.active_nodes) {
        if (humanNodes.has(node) && open.filter((task) => task.node_id === node).length !== 1)
          problem(
            `active node ${node} has ${open.filter((task) => task.node_id === node).length} open tasks`,
          );
      }
    }
  } finally {
    await client.end();
  }
  return summary;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
