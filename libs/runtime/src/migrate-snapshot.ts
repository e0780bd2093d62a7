import { createActor } from 'xstate';
import type { CompiledWorkflow, Placement, TaskInfo } from '@ticketflow/compiler';
import { isSplitType } from '@ticketflow/definition';
import type { Effect, InstanceSnapshot } from './runtime.types.js';
import { activeNodeIds, activePaths, leafPlacements } from './active-states.js';
import type { OpenWork, RuntimeBook, Vote } from './runtime-book.types.js';
import { MigrationRefused, PlacementMapper, stateValueOf } from './migrate-placements.js';

/** Old node id → new node id; nodes not listed keep their id. */
export type NodeMapping = Readonly<Record<string, string>>;

/** Where one resting place of the instance moves. */
export interface MigrationMove {
  fromNode: string;
  toNode: string;
  fromPath: string;
  toPath: string;
}

/** An open task that follows its step: rekeyed in place, or closed and created anew (`recreate`, via `effects`). */
export interface TaskMove {
  fromKey: string;
  toKey: string;
  fromNode: string;
  toNode: string;
  recreate: boolean;
  /** What the target step asks (name, assignee or approvers, policy, outcomes). */
  task: TaskInfo;
}

export interface TimerMove {
  fromKey: string;
  toKey: string;
  fromNode: string;
  toNode: string;
}

export interface MigratedSnapshot {
  snapshot: InstanceSnapshot;
  moves: MigrationMove[];
  tasks: TaskMove[];
  timers: TimerMove[];
  /** Work to do beside the rekeying: tasks closed and created anew, timeouts the target added or dropped. */
  effects: Effect[];
}

export interface MigrationRefusal {
  refused: string;
  code: string;
  nodeId?: string;
}

/**
 * Moves an instance's snapshot from one compiled version to another: every
 * place the instance rests (a waiting step, a branch arrived at its join) is
 * mapped by node id (`mapping` overrides), keeping parallel branches and their
 * joins intact, so a ticket waiting at a join moves with its arrived branches.
 * Open tasks, timers, awaited messages and votes follow; task and timer keys
 * change only when the step's id changes or its task must be recreated
 * (another assignee or approvers). Refuses — with a reason — an instance that
 * has ended, is in incident, waits for an action's result, waits for a child
 * ticket at a step mapped to one that does not call the same workflow, rests at a step
 * that no longer exists or has another type, or waits inside a split whose
 * branches or join changed. The result restores in the target machine. Pure.
 */
export function migrateSnapshot(
  from: CompiledWorkflow,
  to: CompiledWorkflow,
  snapshot: InstanceSnapshot,
  mapping: NodeMapping = {},
): MigratedSnapshot | MigrationRefusal {
  try {
    return migrate(from, to, snapshot, mapping);
  } catch (error) {
    if (error instanceof MigrationRefused)
      return error.nodeId === undefined
        ? { refused: error.message, code: error.code }
        : { refused: error.message, code: error.code, nodeId: error.nodeId };
    throw error;
  }
}

/** True when `migrateSnapshot` refused. Pure. */
export function isMigrationRefusal(result: MigratedSnapshot | MigrationRefusal): result is MigrationRefusal {
  return 'refused' in result;
}

interface XstateSnapshot {
  value: unknown;
  context: { visits: Record<string, number>; entered: Record<string, number> };
  [key: string]: unknown;
}

interface LeafMove {
  source: Placement;
  target: Placement;
  visit: number;
  fresh: boolean;
}

function migrate(
  from: CompiledWorkflow,
  to: CompiledWorkflow,
  snapshot: InstanceSnapshot,
  mapping: NodeMapping,
): MigratedSnapshot {
  if (snapshot.status === 'completed' || snapshot.status === 'cancelled')
    throw new MigrationRefused(
      'instance-ended',
      `The ticket is ${snapshot.status}; only running tickets move.`,
    );
  if (snapshot.status === 'incident')
    throw new MigrationRefused(
      'instance-in-incident',
      'The ticket is in incident; resolve the incident first.',
    );
  const book = readBook(snapshot);
  const xstate = book.xstate as XstateSnapshot;
  const known = new Set(
    Object.keys(from.placements).flatMap((path) =>
      path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  if (activePaths(xstate.value).some((path) => !known.has(path)))
    throw new MigrationRefused(
      'invalid-snapshot',
      'The snapshot does not belong to the version it is pinned to.',
    );
  const pending = book.open.actions[0];
  if (pending)
    throw new MigrationRefused(
      'action-pending',
      `It waits for the result of the action “${from.nodes[pending.nodeId]?.name || pending.nodeId}”; migrate it once the action has finished.`,
      pending.nodeId,
    );

  const mapper = new PlacementMapper(from, to, mapping);
  const visits = { ...xstate.context.visits };
  const leaves: LeafMove[] = leafPlacements(from, xstate.value).map((source) => {
    if (source.kind === 'node' && from.nodes[source.nodeId]?.type === 'end') {
      throw new MigrationRefused(
        'branch-ended',
        'A branch of its split has already ended; finish the split first.',
        source.nodeId,
      );
    }
    const target = mapper.resolve(source);
    const visit = xstate.context.entered[source.path] ?? visits[source.nodeId] ?? 1;
    return { source, target, visit, fresh: false };
  });

  const effects: Effect[] = [];
  const tasks: TaskMove[] = [];
  const timers: TimerMove[] = [];
  const open: OpenWork = { tasks: [], timers: [], messages: [], actions: [], subflows: [] };
  const votes: Record<string, Vote[]> = {};
  for (const leaf of leaves) {
    if (leaf.target.kind !== 'node') continue;
    const sourceInfo = from.nodes[leaf.source.nodeId];
    const targetInfo = to.nodes[leaf.target.nodeId];
    if (!sourceInfo || !targetInfo) continue;
    const recreate =
      sourceInfo.task !== undefined &&
      targetInfo.task !== undefined &&
      !sameAssignment(sourceInfo.task, targetInfo.task);
    if (leaf.source.nodeId !== leaf.target.nodeId || recreate) {
      leaf.visit = (visits[leaf.target.nodeId] ?? 0) + 1;
      leaf.fresh = true;
    }
    visits[leaf.target.nodeId] = Math.max(visits[leaf.target.nodeId] ?? 0, leaf.visit);
    const key = `${leaf.target.nodeId}#${leaf.visit}`;
    const here = (item: { path: string }) => item.path === leaf.source.path;
    const move = { fromNode: leaf.source.nodeId, toNode: leaf.target.nodeId };
    const path = leaf.target.path;

    const itemTasks = book.open.tasks.filter(here).filter((task) => task.item !== undefined);
    if (itemTasks.length > 0 && (leaf.fresh || sourceInfo.task?.forEach !== targetInfo.task?.forEach)) {
      throw new MigrationRefused(
        'multi-instance-running',
        `Its step ${`“${sourceInfo.name}”`} runs once per item and items are still open; it moves only to the same step with the same list — finish the items first.`,
        sourceInfo.id,
      );
    }
    for (const task of itemTasks) {
      open.tasks.push({ ...task, path });
      tasks.push({
        fromKey: task.taskKey,
        toKey: task.taskKey,
        ...move,
        recreate: false,
        task: targetInfo.task as TaskInfo,
      });
      if (task.kind === 'approval') votes[task.taskKey] = book.votes[task.taskKey] ?? [];
    }
    for (const task of book.open.tasks.filter(here).filter((open) => open.item === undefined)) {
      const info = targetInfo.task as TaskInfo;
      open.tasks.push({ taskKey: key, nodeId: targetInfo.id, kind: info.kind, path });
      tasks.push({ fromKey: task.taskKey, toKey: key, ...move, recreate, task: info });
      if (info.kind === 'approval') votes[key] = recreate ? [] : (book.votes[task.taskKey] ?? []);
      if (recreate) {
        effects.push({ type: 'task.close', taskKey: task.taskKey, nodeId: task.nodeId, status: 'cancelled' });
        effects.push(
          info.kind === 'task'
            ? { type: 'task.create', taskKey: key, nodeId: targetInfo.id, ...info }
            : { type: 'task.create', taskKey: key, nodeId: targetInfo.id, ...info },
        );
      }
    }
    const oldTimers = book.open.timers.filter(here);
    for (const timer of oldTimers) {
      if (timer.purpose === 'timeout' && !targetInfo.timeout) {
        effects.push({ type: 'timer.cancel', timerKey: timer.timerKey, nodeId: timer.nodeId });
        continue;
      }
      const timerKey = `${key}:${timer.purpose}`;
      open.timers.push({ timerKey, nodeId: targetInfo.id, purpose: timer.purpose, path });
      timers.push({ fromKey: timer.timerKey, toKey: timerKey, ...move });
    }
    if (targetInfo.timeout && !oldTimers.some((timer) => timer.purpose === 'timeout')) {
      const timerKey = `${key}:timeout`;
      open.timers.push({ timerKey, nodeId: targetInfo.id, purpose: 'timeout', path });
      effects.push({
        type: 'timer.schedule',
        timerKey,
        nodeId: targetInfo.id,
        purpose: 'timeout',
        after: targetInfo.timeout.after,
        businessHours: targetInfo.timeout.businessHours,
      });
    }
    for (const _message of book.open.messages.filter(here)) {
      open.messages.push({ nodeId: targetInfo.id, message: targetInfo.message ?? _message.message, path });
    }
    for (const subflow of (book.open.subflows ?? []).filter(here)) {
      // The running child reports back under its key; it can only wait at a step calling the same workflow.
      if (targetInfo.subflow?.workflowKey !== subflow.workflowKey) {
        throw new MigrationRefused(
          'subflow-running',
          `Its step “${sourceInfo.name}” waits for a child ticket of “${subflow.workflowKey}”; it moves only to a sub-flow step calling the same workflow — finish or cancel the child first.`,
          sourceInfo.id,
        );
      }
      open.subflows.push({ ...subflow, nodeId: targetInfo.id, path });
    }
  }

  const value = stateValueOf(leaves.map((leaf) => leaf.target.path));
  checkRegions(to, value);
  const entered = carriedEntries(from, to, xstate.context.entered);
  for (const path of activePaths(value)) {
    const placement = to.placements[path];
    if (placement?.kind === 'node' && isSplitType(to.nodes[placement.nodeId]?.type)) {
      visits[placement.nodeId] = Math.max(visits[placement.nodeId] ?? 0, 1);
      entered[path] ??= visits[placement.nodeId] as number;
    }
  }
  for (const leaf of leaves) if (leaf.target.kind === 'node') entered[leaf.target.path] = leaf.visit;

  const migratedBook: RuntimeBook = {
    ...book,
    xstate: { ...xstate, value, context: { visits, entered } },
    open,
    votes,
  };
  checkRestores(to, migratedBook.xstate, value);
  const result: InstanceSnapshot = {
    format: 1,
    status: 'active',
    activeNodes: activeNodeIds(to, value),
    machine: migratedBook,
  };
  const moves = leaves.map((leaf) => ({
    fromNode: leaf.source.nodeId,
    toNode: leaf.target.nodeId,
    fromPath: leaf.source.path,
    toPath: leaf.target.path,
  }));
  return { snapshot: result, moves, tasks, timers, effects };
}

function readBook(snapshot: InstanceSnapshot): RuntimeBook {
  const machine = snapshot.machine as Partial<RuntimeBook> | null;
  if (snapshot.format !== 1 || !machine || typeof machine !== 'object' || !machine.xstate || !machine.open) {
    throw new MigrationRefused('invalid-snapshot', 'This is not a snapshot the runtime wrote (format 1).');
  }
  return JSON.parse(JSON.stringify(machine)) as RuntimeBook;
}

function sameAssignment(a: TaskInfo, b: TaskInfo): boolean {
  // A composite policy's groups say who approves, so other groups mean other approvers (votes start again).
  const groupsOf = (info: TaskInfo) =>
    info.kind === 'approval' && info.policy.type === 'groups' ? info.policy.groups : null;
  const who = (info: TaskInfo) =>
    JSON.stringify(
      info.kind === 'task'
        ? ['task', info.assignee]
        : ['approval', info.approvers ?? null, groupsOf(info), info.allowRequester],
    );
  return who(a) === who(b);
}

/** Every parallel state in the value has all its regions: XState would otherwise start a missing one silently. */
function checkRegions(to: CompiledWorkflow, value: unknown): void {
  const active = new Set(activePaths(value));
  for (const path of active) {
    const block = to.blocks[path];
    if (!block) continue;
    for (let branch = 0; branch < block.branches; branch += 1) {
      if (!active.has(`${path}/b${branch}`)) {
        throw new MigrationRefused(
          'branches-changed',
          `A branch of the split “${to.nodes[block.parallelId]?.name || block.parallelId}” would be left without a place.`,
          block.parallelId,
        );
      }
    }
  }
}

/** Entries kept for state paths that mean the same node in both versions (visit numbers of earlier entries). */
function carriedEntries(
  from: CompiledWorkflow,
  to: CompiledWorkflow,
  entered: Record<string, number>,
): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const [path, visit] of Object.entries(entered)) {
    if (
      from.placements[path]?.nodeId !== undefined &&
      from.placements[path]?.nodeId === to.placements[path]?.nodeId
    )
      kept[path] = visit;
  }
  return kept;
}

function checkRestores(to: CompiledWorkflow, xstate: unknown, value: unknown): void {
  const actor = createActor(to.machine, { snapshot: xstate as never });
  actor.start();
  const restored = actor.getSnapshot().value;
  actor.stop();
  const same = (a: unknown) => activePaths(a).sort().join('|');
  if (same(restored) !== same(value)) {
    throw new MigrationRefused(
      'cannot-restore',
      'The target version cannot hold the ticket where it is now.',
    );
  }
}
