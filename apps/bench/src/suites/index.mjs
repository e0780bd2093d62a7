import { dbCeilingSuite } from './db-ceiling.mjs';
import { dbosPeerSuite } from './dbos-peer.mjs';
import { definitionLimitsSuite } from './definition-limits.mjs';
import { definitionsSuite } from './definitions.mjs';
import { designerLoadSuite } from './designer-load.mjs';
import { engineHttpSuite } from './engine-http.mjs';
import { engineServicesSuite } from './engine-services.mjs';
import { peerEngineSuite } from './peer-engine.mjs';
import { reportsSuite } from './reports.mjs';
import { scaleSuite } from './scale.mjs';
import { timersSuite } from './timers.mjs';
import { xstateVsStepSuite } from './xstate-vs-step.mjs';

/**
 * Every benchmark, in the order they run. `postgres: true` suites get the
 * bench PostgreSQL (DATABASE_URL or one started for the run); the engine
 * suite's ratios use the ceiling and peer suites when they ran before it, the
 * dbos suite's use the engine suite, the http suite's the ceiling.
 */
export const SUITES = [
  { id: 'definitions', title: 'Validate and compile definitions', run: definitionsSuite },
  {
    id: 'limits',
    title: 'Validate the worst definitions the size limits allow (budget 1.5 s each)',
    run: definitionLimitsSuite,
  },
  { id: 'xstate', title: 'Runtime step vs raw XState (in memory)', run: xstateVsStepSuite },
  {
    id: 'ceiling',
    title: 'Database ceiling: the per-transition transaction issued directly with pg',
    run: dbCeilingSuite,
    postgres: true,
  },
  { id: 'peer', title: 'Peer engine: the refund flow in bpmn-engine (in memory)', run: peerEngineSuite },
  {
    id: 'engine',
    title: 'Engine through its services (in-process NestJS, real PostgreSQL)',
    run: engineServicesSuite,
    postgres: true,
  },
  {
    id: 'dbos',
    title: 'Durable peer: the refund flow in DBOS Transact (same PostgreSQL)',
    run: dbosPeerSuite,
    postgres: true,
  },
  {
    id: 'http',
    title: 'Engine through the REST API (16 clients as users, then autocannon on approvals)',
    run: engineHttpSuite,
    postgres: true,
  },
  { id: 'timers', title: 'Timers due at once and paced', run: timersSuite, postgres: true },
  { id: 'scale', title: 'Scale: open instances waiting at an approval', run: scaleSuite, postgres: true },
  { id: 'designer', title: 'Designer: 1,000-node load (apps/e2e/bench)', run: designerLoadSuite },
  {
    id: 'reports',
    title: 'Report queries over ~1,000,000 transitions (real PostgreSQL, DATABASE_URL)',
    run: reportsSuite,
  },
];
