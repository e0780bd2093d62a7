import { assign, setup } from 'xstate';

/** The machine's context: how often each node has been entered (visit numbers). */
export interface WorkflowContext {
  visits: Record<string, number>;
}

/**
 * Events the machine understands. Outcome events use the outcome as `type`
 * (`approved`, `completed`, `timeout`, ...) and name the node; `route` carries
 * the edge the runtime chose; `join` completes an N-of-M join; `cancel` ends it.
 */
export interface WorkflowEvent {
  type: string;
  nodeId?: string;
  edgeId?: string;
}

/**
 * The named guards and actions every compiled workflow uses; the compiled
 * config refers to them by name, so it stays plain JSON.
 */
export const workflowSetup = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent },
  guards: {
    atNode: ({ event }, params: { nodeId: string }) => event.nodeId === params.nodeId,
    edgeIs: ({ event }, params: { nodeId: string; edgeId: string }) =>
      event.nodeId === params.nodeId && event.edgeId === params.edgeId,
  },
  actions: {
    countVisit: assign({
      visits: ({ context }, params: { nodeId: string }) => ({
        ...context.visits,
        [params.nodeId]: (context.visits[params.nodeId] ?? 0) + 1,
      }),
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
    context: { visits: {} },
  } as Parameters<typeof workflowSetup.createMachine>[0]);
}
