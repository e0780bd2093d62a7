// How big each benchmark is: full by default, `--quick` (BENCH_QUICK=1) for a run of about two minutes.
// Each size can be overridden by its own variable, e.g. BENCH_SCALE_INSTANCES=20000.

const QUICK = {
  windowMs: 1000,
  engineWindowMs: 2000,
  httpRequests: 400,
  httpRateSeconds: 3,
  timerBurst: 2000,
  timerPacedPerSecond: 300,
  timerPacedSeconds: 3,
  scaleInstances: 10_000,
  scaleApprovals: 5,
  countedInstances: 50,
  httpUserSeconds: 3,
  takeoverTimers: 200,
};
const FULL = {
  windowMs: 2000,
  engineWindowMs: 4000,
  httpRequests: 2000,
  httpRateSeconds: 10,
  timerBurst: 10_000,
  timerPacedPerSecond: 1000,
  timerPacedSeconds: 10,
  scaleInstances: 100_000,
  scaleApprovals: 9,
  countedInstances: 200,
  httpUserSeconds: 10,
  takeoverTimers: 500,
};

const ENV = {
  windowMs: 'BENCH_WINDOW_MS',
  engineWindowMs: 'BENCH_ENGINE_WINDOW_MS',
  httpRequests: 'BENCH_HTTP_REQUESTS',
  httpRateSeconds: 'BENCH_HTTP_RATE_SECONDS',
  timerBurst: 'BENCH_TIMERS',
  timerPacedPerSecond: 'BENCH_TIMERS_PER_SECOND',
  timerPacedSeconds: 'BENCH_TIMERS_SECONDS',
  scaleInstances: 'BENCH_SCALE_INSTANCES',
  scaleApprovals: 'BENCH_SCALE_APPROVALS',
  countedInstances: 'BENCH_COUNTED_INSTANCES',
  httpUserSeconds: 'BENCH_HTTP_USER_SECONDS',
  takeoverTimers: 'BENCH_TAKEOVER_TIMERS',
};

/** The sizes for this run: quick or full, each overridable by its environment variable. */
export function benchSizes(quick) {
  const base = quick ? QUICK : FULL;
  return Object.fromEntries(
    Object.entries(base).map(([key, value]) => [
      key,
      process.env[ENV[key]] ? Number(process.env[ENV[key]]) : value,
    ]),
  );
}

/** Concurrency levels of the database ceiling and the service-layer engine benchmark. */
export const CONCURRENCY = [1, 8, 16];
