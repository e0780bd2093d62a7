import type { RuntimeEvent } from '@ticketflow/runtime';
import type { AuditEntry } from '../audit/audit-chain.js';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import type { LoadedInstance } from './instance-loader.js';
import type { SubflowParent } from './step-plan.types.js';
import type { SubflowStart, SubflowWork } from './subflow-effects.js';

/** The longest title a ticket may have (the API's create rule). */
const TITLE_MAX = 200;

/** The engine operations the follow-up needs (the engine passes itself). */
export interface SubflowEngine {
  startChild(uow: UnitOfWork, child: ChildStart): Promise<unknown>;
  loadMany(uow: UnitOfWork, instanceIds: string[]): Promise<LoadedInstance[]>;
  cancelChild(uow: UnitOfWork, child: LoadedInstance, event: RuntimeEvent): Promise<unknown>;
}

/** A child ticket to start: its parent, version and fields. */
export interface ChildStart {
  parent: SubflowParent;
  versionId: string;
  version: number;
  workflowKey: string;
  title: string;
  fields: Record<string, unknown>;
  priority: string;
  requesterId: string;
  configVersion: string;
}

/** The parent as the follow-up sees it after its step was written. */
export interface ParentFacts {
  instanceId: string;
  ticketId: string;
  number: number;
  title: string;
  priority: string;
  requesterId: string;
  configVersion: string;
}

/** The engine operations `subflowEngineOf` builds the follow-up's view from. */
export interface EngineCalls {
  start(
    uow: UnitOfWork,
    input: {
      ticket: {
        workflowKey: string;
        title: string;
        fields: Record<string, unknown>;
        priority: string;
        channel: string;
        requesterId: string;
      };
      versionId: string;
      parent: SubflowParent;
      audit: (ticketId: string) => AuditEntry[];
    },
    configVersion: string,
  ): Promise<unknown>;
  loadMany(uow: UnitOfWork, instanceIds: string[]): Promise<LoadedInstance[]>;
  apply(
    uow: UnitOfWork,
    instance: LoadedInstance,
    event: RuntimeEvent,
    actorId: string | null,
    options: { noHandback: boolean; audit: AuditEntry[] },
  ): Promise<unknown>;
}

/**
 * Starting a child is starting a ticket (channel `subflow`, no acting user, an audit row naming
 * the parent); cancelling one is its own cancel step that hands nothing back. Pure: builds calls.
 */
export function subflowEngineOf(engine: EngineCalls): SubflowEngine {
  return {
    startChild: (uow, child) =>
      engine.start(
        uow,
        {
          ticket: {
            workflowKey: child.workflowKey,
            title: child.title,
            fields: child.fields,
            priority: child.priority,
            channel: 'subflow',
            requesterId: child.requesterId,
          },
          versionId: child.versionId,
          parent: child.parent,
          audit: (ticketId) => [
            {
              actorId: null,
              action: 'ticket.create',
              objectType: 'ticket',
              objectId: ticketId,
              details: {
                workflowKey: child.workflowKey,
                version: child.version,
                channel: 'subflow',
                parentInstanceId: child.parent.instanceId,
                subflowNode: child.parent.nodeId,
              },
            },
          ],
        },
        child.configVersion,
      ),
    loadMany: (uow, ids) => engine.loadMany(uow, ids),
    cancelChild: (uow, child, event) =>
      engine.apply(uow, child, event, null, {
        noHandback: true,
        audit: [
          {
            actorId: null,
            action: 'ticket.cancel',
            objectType: 'ticket',
            objectId: child.ticketId,
            details: { reason: 'parent left the sub-flow step' },
          },
        ],
      }),
  };
}

/** The child's title: the called workflow's name and the parent ticket, cut to the title limit. Pure. */
export function childTitle(start: Pick<SubflowStart, 'workflowName'>, parent: ParentFacts): string {
  const title = `${start.workflowName} · #${parent.number} ${parent.title}`;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/**
 * What a written step asked of sub-flows, done in the same transaction: each child started as a
 * ticket of its own (requester = the parent's, version chosen when the step started, fields from
 * the node's `input`), and the running children of the steps the parent left are cancelled —
 * their open tasks closed and timers cancelled by their own cancel step. Locks the parent first
 * and the child second, the only order in which both are held. Side effects: engine writes.
 */
export async function followSubflows(
  engine: SubflowEngine,
  uow: UnitOfWork,
  parent: ParentFacts,
  work: SubflowWork,
): Promise<void> {
  if (work.cancels.length > 0) {
    const rows = (await uow.manager.query(
      `SELECT id FROM instances WHERE parent_instance_id = $1 AND parent_subflow_key = ANY($2::text[])
          AND status IN ('active', 'incident') ORDER BY id`,
      [parent.instanceId, work.cancels],
    )) as { id: string }[];
    const children = await engine.loadMany(
      uow,
      rows.map((row) => row.id),
    );
    for (const child of children) {
      if (child.status !== 'active' && child.status !== 'incident') continue;
      await engine.cancelChild(uow, child, {
        type: 'cancel',
        reason: `the parent ticket #${parent.number} left the sub-flow step`,
      });
    }
  }
  for (const start of work.starts) {
    await engine.startChild(uow, {
      parent: { instanceId: parent.instanceId, nodeId: start.nodeId, subflowKey: start.subflowKey },
      versionId: start.versionId,
      version: start.version,
      workflowKey: start.workflowKey,
      title: childTitle(start, parent),
      fields: start.input,
      priority: parent.priority,
      requesterId: parent.requesterId,
      configVersion: parent.configVersion,
    });
  }
}
