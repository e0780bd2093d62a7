import type { CompiledWorkflow } from '@ticketflow/compiler';
import type { FieldValues } from '@ticketflow/definition';
import {
  pendingWork,
  RuntimeError,
  startDetailed,
  stepDetailed,
  type DetailedStepResult,
  type RuntimeEvent,
} from '@ticketflow/runtime';

/** Recorded human decisions of a ticket, in order, by the node they were made at. */
export type RecordedDecisions = ReadonlyMap<string, readonly string[]>;

export interface ReplayResult {
  /** Node ids entered, in order (start excluded). */
  path: string[];
  status: string;
  outcome?: string;
  activeNodes: string[];
}

const MAX_EVENTS = 60;
const REPLAY_ACTOR = { id: 'impact-replay' };

/**
 * Runs a ticket's fields through a compiled workflow: at each waiting step the
 * ticket's own recorded decision there is replayed (in order), otherwise the
 * default — approve, a task's first outcome, a message received, an action
 * ok, a timer node fired; timeouts only where one was recorded. Stops when the
 * instance ends, an event does not fit, or after a bound. Pure.
 */
export async function replayTicket(
  compiled: CompiledWorkflow,
  fields: FieldValues,
  decisions: RecordedDecisions,
): Promise<ReplayResult> {
  const queues = new Map([...decisions].map(([node, list]) => [node, [...list]]));
  let current: DetailedStepResult = await startDetailed(compiled, fields, { requester: 'impact-requester' });
  const path = current.entered.filter((id) => compiled.nodes[id]?.type !== 'start');
  for (let i = 0; i < MAX_EVENTS && current.snapshot.status === 'active'; i += 1) {
    const event = nextEvent(compiled, current, queues);
    if (!event) break;
    try {
      current = await stepDetailed(compiled, current.snapshot, event, current.fields);
    } catch (error) {
      if (error instanceof RuntimeError) break;
      throw error;
    }
    path.push(...current.entered);
  }
  const result: ReplayResult = {
    path,
    status: current.snapshot.status,
    activeNodes: current.snapshot.activeNodes,
  };
  if (current.snapshot.outcome !== undefined) result.outcome = current.snapshot.outcome;
  return result;
}

function nextEvent(
  compiled: CompiledWorkflow,
  current: DetailedStepResult,
  queues: Map<string, string[]>,
): RuntimeEvent | null {
  const work = pendingWork(current.snapshot);
  const recorded = (nodeId: string) => queues.get(nodeId)?.shift();
  for (const task of work.tasks) {
    const decision = recorded(task.nodeId);
    const timer = work.timers.find((t) => t.nodeId === task.nodeId && t.purpose === 'timeout');
    if (decision === 'timeout' && timer) return { type: 'timer.fire', timerKey: timer.timerKey };
    if (task.kind === 'approval') {
      const verdict = decision === 'rejected' ? 'rejected' : 'approved';
      return {
        type: 'approval.decide',
        taskKey: task.taskKey,
        decision: verdict,
        actor: REPLAY_ACTOR,
        eligibleCount: 1,
      };
    }
    const info = compiled.nodes[task.nodeId]?.task;
    const outcomes = info?.kind === 'task' ? info.outcomes : ['completed'];
    const outcome = decision !== undefined && outcomes.includes(decision) ? decision : outcomes[0];
    return {
      type: 'task.complete',
      taskKey: task.taskKey,
      ...(outcome === undefined ? {} : { outcome }),
      actor: REPLAY_ACTOR,
    };
  }
  const message = work.messages[0];
  if (message) {
    const timer = work.timers.find((t) => t.nodeId === message.nodeId && t.purpose === 'timeout');
    if (recorded(message.nodeId) === 'timeout' && timer)
      return { type: 'timer.fire', timerKey: timer.timerKey };
    return { type: 'message.receive', message: message.message };
  }
  const action = work.actions[0];
  if (action)
    return {
      type: 'action.result',
      actionKey: action.actionKey,
      outcome: recorded(action.nodeId) === 'failed' ? 'failed' : 'ok',
    };
  const timer = work.timers.find((t) => t.purpose === 'timer');
  if (timer) return { type: 'timer.fire', timerKey: timer.timerKey };
  return null;
}
