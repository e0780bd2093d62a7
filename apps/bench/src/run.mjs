// npm run bench: runs each suite several times after a warm-up and prints medians and ratios.
// Results: bench/results/latest.json and bench/results/latest.md (not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './fixtures.mjs';
import { startPostgres } from './postgres.mjs';
import { summaryRows, toMarkdown } from './report.mjs';
import { benchSizes } from './sizes.mjs';
import { SUITES } from './suites/index.mjs';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: process.env.BENCH_QUICK === '1' },
  },
});
const quick = values.quick;
const runs = Number(values.runs ?? (quick ? 2 : 5));
const selected = values.only ? SUITES.filter((suite) => values.only.split(',').includes(suite.id)) : SUITES;
if (selected.length === 0) {
  console.error(`unknown suite; choose from: ${SUITES.map((suite) => suite.id).join(', ')}`);
  process.exit(2);
}

const ctx = { runs, quick, sizes: benchSizes(quick), results: {}, postgres: null };
const report = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  runs,
  quick,
  sizes: ctx.sizes,
  suites: [],
};
const begun = performance.now();
try {
  if (selected.some((suite) => suite.postgres)) {
    ctx.postgres = await startPostgres();
    report.postgres = ctx.postgres.external
      ? 'DATABASE_URL'
      : 'started for this run (initdb, default settings, fsync on)';
  }
  for (const suite of selected) {
    process.stdout.write(`\n== ${suite.title}\n`);
    const started = performance.now();
    try {
      const rows = await suite.run(ctx);
      report.suites.push({
        id: suite.id,
        title: suite.title,
        rows,
        seconds: (performance.now() - started) / 1000,
      });
      console.table(rows.map(rounded));
    } catch (error) {
      report.suites.push({ id: suite.id, title: suite.title, error: String(error?.stack ?? error) });
      console.error(`suite ${suite.id} failed:`, error);
    }
    process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
} finally {
  await ctx.postgres?.stop();
}
report.seconds = (performance.now() - begun) / 1000;
report.summary = summaryRows(report);
if (report.summary.length > 0) {
  process.stdout.write('\n== Targets\n');
  console.table(report.summary.map(rounded));
}

const dir = join(repoRoot, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(dir, 'latest.md'), toMarkdown(report));
console.log(`\nwrote ${join(dir, 'latest.json')} and latest.md (${report.seconds.toFixed(0)} s in all)`);

function rounded(row) {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === 'number' ? Number(value.toPrecision(4)) : value,
    ]),
  );
}
