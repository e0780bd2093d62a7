export * from './runtime.types.js';
export {
  start,
  step,
  startDetailed,
  stepDetailed,
  MAX_AUTO_STEPS,
  type StartOptions,
  type StepOptions,
  type DetailedStepResult,
} from './run-instance.js';
export { pendingWork } from './pending-work.js';
export {
  checkScenario,
  formatMismatches,
  observeSimulation,
  type Mismatch,
  type Scenario,
  type ScenarioExpectation,
  type ScenarioFile,
  type ScenarioObservation,
} from './scenario-check.js';
export {
  simulate,
  toRuntimeEvent,
  type SimulationEvent,
  type SimulationResult,
} from './simulate-workflow.js';
export { RUNTIME_ERRORS, RuntimeError, type RuntimeErrorCode } from './runtime-error.js';
export { tallyVotes, type Tally } from './approval-policy.js';
export { tallyGroups, type GroupsTally } from './group-tally.js';
export type { PendingWork, RuntimeBook, Vote } from './runtime-book.types.js';
export {
  migrateSnapshot,
  isMigrationRefusal,
  type NodeMapping,
  type MigratedSnapshot,
  type MigrationRefusal,
  type MigrationMove,
  type TaskMove,
  type TimerMove,
} from './migrate-snapshot.js';
