import { assign, setup } from 'xstate';

/** The machine's context: how often each node has been entered (visit numbers). */
export interface WorkflowContext {
  /** Entries per node id: the visit number used in task / timer keys. */
  visits: Record<string, number>;
  /** Per state path: the node's visit number at its latest entry there. */
  entered: Record<string, number>;
}

/**
 * Events the machine understands. Outcome events use the outcome as `type`
 * (`approved`, `completed`, `timeout`, ...) and name the node; `route` carries
 * the edge the runtime chose; `join` completes an N-of-M join; `cancel` ends it.
 */
export interface WorkflowEvent {
  type: string;
  nodeId?: string;
  /** The state path of the node's placement (needed when a node has copies in several branches). */
  path?: string;
  edgeId?: string;
}

const atPlacement = (event: WorkflowEvent, params: { nodeId: string; path: string }): boolean =>
  event.nodeId === params.nodeId && (event.path === undefined || event.path === params.path);

/**
 * The named guards and actions every compiled workflow uses; the compiled
 * config refers to them by name, so it stays plain JSON.
 */
export const workflowSetup = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent },
  guards: {
    atNode: ({ event }, params: { nodeId: string; path: string }) => atPlacement(event, params),
    edgeIs: ({ event }, params: { nodeId: string; path: string; edgeId: string }) =>
      atPlacement(event, params) && event.edgeId === params.edgeId,
  },
  actions: {
    countVisit: assign(({ context }, params: { nodeId: string; path: string }) => {
      const visit = (context.visits[params.nodeId] ?? 0) + 1;
      return {
        visits: { ...context.visits, [params.nodeId]: visit },
        entered: { ...context.entered, [params.path]: visit },
      };
    }),
  },
});

export type WorkflowMachine = ReturnType<typeof workflowSetup.createMachine>;

/**
 * Builds the XState machine from a plain-JSON config made by the compiler. Pure.
 */
export function createWorkflowMachine(config: Record<string, unknown>): WorkflowMachine {
  return workflowSetup.createMachine({
    ...(config as object),
    context: { visits: {}, entered: {} },
  } as Parameters<typeof workflowSetup.createMachine>[0]);
}
