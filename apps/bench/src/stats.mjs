// Small statistics helpers for the benchmarks: medians of repeated runs and latency percentiles.

/** Median of numbers (the middle run of several). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `measure` once to warm up, then `runs` times; returns the median of each numeric field. */
export async function repeat(runs, measure) {
  await measure();
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await measure());
  const keys = Object.keys(results[0]);
  return Object.fromEntries(keys.map((key) => [key, median(results.map((r) => r[key]))]));
}

/** Calls `work` in a loop for `ms` milliseconds; returns how many calls finished per second. */
export async function throughput(ms, work) {
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) {
    await work(count);
    count += 1;
  }
  return count / ((performance.now() - start) / 1000);
}
