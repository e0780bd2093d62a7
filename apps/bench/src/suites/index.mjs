import { definitionsSuite } from './definitions.mjs';
import { xstateVsStepSuite } from './xstate-vs-step.mjs';

/** Every benchmark, in the order they run. */
export const SUITES = [
  { id: 'definitions', title: 'Validate and compile definitions', run: definitionsSuite },
  { id: 'xstate', title: 'Runtime step vs raw XState (in memory)', run: xstateVsStepSuite },
];
