import { definitionsSuite } from './definitions.mjs';
import { reportsSuite } from './reports.mjs';
import { xstateVsStepSuite } from './xstate-vs-step.mjs';

/** Every benchmark, in the order they run. */
export const SUITES = [
  { id: 'definitions', title: 'Validate and compile definitions', run: definitionsSuite },
  { id: 'xstate', title: 'Runtime step vs raw XState (in memory)', run: xstateVsStepSuite },
  { id: 'reports', title: 'Report queries over ~1,000,000 transitions (real PostgreSQL, DATABASE_URL)', run: reportsSuite },
];
