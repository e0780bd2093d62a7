export { compileDefinition } from './compile-definition.js';
export { CompileError } from './compile-error.js';
export { stateKeyOf } from './state-keys.js';
export {
  ARRIVAL_KEY,
  CANCELLED_KEY,
  SPLIT_DONE_SUFFIX,
  REDIRECT_KEY,
  GATE_KEY,
  SKIPPED_KEY,
} from './build-state-config.js';
export {
  workflowSetup,
  createWorkflowMachine,
  type WorkflowMachine,
  type WorkflowContext,
  type WorkflowEvent,
} from './workflow-machine.js';
export type {
  CompiledWorkflow,
  NodeInfo,
  Placement,
  ParallelBlock,
  TaskInfo,
} from './compiled-workflow.types.js';
