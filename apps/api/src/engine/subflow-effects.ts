import type { EntityManager } from 'typeorm';
import type { Effect, StepResult } from '@ticketflow/runtime';
import type { Param } from '../common/sql/sql-batch.js';
import type { StepPlan } from './step-plan.js';

/** How many sub-flows deep a chain of tickets may go (A calls B calls C ...): a guard against A → B → A. */
export const MAX_SUBFLOW_DEPTH = 5;

/** A child to start once the parent's step is written: the version is chosen now, when the step starts. */
export interface SubflowStart {
  subflowKey: string;
  nodeId: string;
  workflowKey: string;
  versionId: string;
  version: number;
  workflowName: string;
  input: Record<string, unknown>;
}

/** What a step's sub-flow effects ask for after its write: children to start, children to cancel. */
export interface SubflowWork {
  starts: SubflowStart[];
  /** `subflowKey`s of the parent whose running children are cancelled. */
  cancels: string[];
}

interface StartTarget {
  manager: EntityManager;
  plan: StepPlan;
  instanceId: string;
  /** Set while the instance itself is being started as a child: its parent. */
  parentInstanceId?: string | null;
}

/** How many instances the chain above `instanceId` holds, itself included (0 when it is not written yet). */
async function depthOf(manager: EntityManager, instanceId: string): Promise<number> {
  const [row] = (await manager.query(
    `WITH RECURSIVE chain(id, depth) AS (
        SELECT parent_instance_id, 1 FROM instances WHERE id = $1
        UNION ALL
        SELECT i.parent_instance_id, c.depth + 1 FROM instances i JOIN chain c ON i.id = c.id WHERE c.depth < $2)
      SELECT max(depth)::int AS depth FROM chain`,
    [instanceId, MAX_SUBFLOW_DEPTH + 1],
  )) as { depth: number | null }[];
  return row?.depth ?? 0;
}

/**
 * Chooses the child's version for a `subflow.start` effect: the latest published, not deprecated
 * version of its workflow at this moment (the child stays pinned to it). With none, or when the
 * chain of sub-flows is already `MAX_SUBFLOW_DEPTH` deep, the parent gets an incident instead and
 * null is returned. Reads the database; writes only into the plan.
 */
export async function planSubflowStart(
  target: StartTarget,
  effect: Extract<Effect, { type: 'subflow.start' }>,
): Promise<SubflowStart | { incident: { code: string; message: string } }> {
  const depth = target.parentInstanceId
    ? (await depthOf(target.manager, target.parentInstanceId)) + 1
    : Math.max(1, await depthOf(target.manager, target.instanceId));
  if (depth >= MAX_SUBFLOW_DEPTH)
    return {
      incident: {
        code: 'subflow-too-deep',
        message: `The sub-flow "${effect.nodeId}" would start a child ${depth} tickets deep (at most ${MAX_SUBFLOW_DEPTH - 1}); do the workflows call each other in a circle?`,
      },
    };
  const [version] = (await target.manager.query(
    `SELECT id, version, name FROM workflow_versions WHERE key = $1 AND deprecated_at IS NULL ORDER BY version DESC LIMIT 1`,
    [effect.workflowKey],
  )) as { id: string; version: number; name: string }[];
  if (!version)
    return {
      incident: {
        code: 'subflow-not-published',
        message: `The sub-flow "${effect.nodeId}" calls "${effect.workflowKey}", which has no published version to start a child ticket on.`,
      },
    };
  return {
    subflowKey: effect.subflowKey,
    nodeId: effect.nodeId,
    workflowKey: effect.workflowKey,
    versionId: version.id,
    version: version.version,
    workflowName: version.name,
    input: effect.input,
  };
}

/**
 * The hand-back of an ended child, written in the same statement as the child's last step: the
 * parent is told by the hand-back worker in a transaction of its own (no lock on the parent here,
 * so a child's step and the parent's cancel never wait on each other in opposite order).
 */
export function handbackSql(
  handback: {
    parentInstanceId: string;
    subflowKey: string;
    childInstanceId: string;
    outcome: string;
    fields: Record<string, unknown>;
  },
  p: Param,
): string {
  return `INSERT INTO subflow_handbacks (parent_instance_id, subflow_key, child_instance_id, outcome, fields)
    VALUES (${p(handback.parentInstanceId, 'uuid')}, ${p(handback.subflowKey)}, ${p(handback.childInstanceId, 'uuid')}, ${p(handback.outcome)}, ${p(JSON.stringify(handback.fields), 'jsonb')})
    ON CONFLICT (child_instance_id) DO NOTHING`;
}

/**
 * A child that ended in this step tells its parent through a hand-back row written with the
 * step (delivered by the hand-back worker): the outcome of its end, `cancelled` when it was
 * cancelled, and its fields for the parent's `output` mapping. True when a row was planned.
 * Writes only into the plan.
 */
export function planHandback(
  plan: StepPlan,
  parent: { instanceId: string; subflowKey: string },
  childInstanceId: string,
  result: StepResult,
  fields: Record<string, unknown>,
): boolean {
  const { status, outcome } = result.snapshot;
  if (status !== 'completed' && status !== 'cancelled') return false;
  const handback = {
    parentInstanceId: parent.instanceId,
    subflowKey: parent.subflowKey,
    childInstanceId,
    outcome: status === 'cancelled' ? 'cancelled' : (outcome ?? 'resolved'),
    fields,
  };
  plan.addExtra((p) => handbackSql(handback, p));
  return true;
}
