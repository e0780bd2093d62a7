// npm run bench: runs each suite several times after a warm-up and prints medians and ratios.
// Results: bench/results/latest.json and bench/results/latest.md (not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './fixtures.mjs';
import { SUITES } from './suites/index.mjs';
import { toMarkdown } from './report.mjs';

const { values } = parseArgs({ options: { only: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const selected = values.only ? SUITES.filter((suite) => values.only.split(',').includes(suite.id)) : SUITES;
if (selected.length === 0) {
  console.error(`unknown suite; choose from: ${SUITES.map((suite) => suite.id).join(', ')}`);
  process.exit(2);
}

const report = { at: new Date().toISOString(), node: process.version, runs, suites: [] };
for (const suite of selected) {
  process.stdout.write(`\n== ${suite.title}\n`);
  const started = performance.now();
  try {
    const rows = await suite.run({ runs });
    report.suites.push({ id: suite.id, title: suite.title, rows });
    console.table(rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'number' ? Number(value.toPrecision(4)) : value]))));
  } catch (error) {
    report.suites.push({ id: suite.id, title: suite.title, error: String(error?.stack ?? error) });
    console.error(`suite ${suite.id} failed:`, error);
  }
  process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

const dir = join(repoRoot, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(dir, 'latest.md'), toMarkdown(report));
console.log(`\nwrote ${join(dir, 'latest.json')} and latest.md`);
