import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../fixtures.mjs';

const SCRIPT = resolve(repoRoot, 'apps/e2e/bench/designer-load.mjs');

/**
 * The Designer's 1,000-node load figures, collected from apps/e2e/bench: runs
 * its script as a child process (headless Chromium, the built web app) and
 * includes its JSON summary. Skipped under --quick, and with the reason when the script,
 * Chromium or the built web app is missing, or when it fails.
 */
export async function designerLoadSuite(ctx) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = !existsSync(SCRIPT)
    ? `skipped: ${SCRIPT} does not exist`
    : !existsSync(chromium)
      ? `skipped: no Chromium at ${chromium} (apt-get install -y chromium)`
      : !existsSync(resolve(repoRoot, 'apps/web/dist/index.html'))
        ? 'skipped: apps/web/dist is not built (npx nx run @ticketflow/web:build)'
        : null;
  if (ctx.quick && !process.env.BENCH_DESIGNER)
    return [
      {
        name: 'designer, 1,000 nodes',
        counted: 'skipped: --quick (it takes about two minutes; BENCH_DESIGNER=1 includes it)',
      },
    ];
  if (missing) return [{ name: 'designer, 1,000 nodes', counted: missing }];
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-designer-'));
  const out = join(dir, 'designer.json');
  try {
    await new Promise((done, fail) => {
      execFile(
        process.execPath,
        [SCRIPT, '--runs', String(ctx.quick ? 2 : 3), '--nodes', '1000', '--out', out],
        { cwd: repoRoot, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          if (error) fail(new Error(`${error.message}\n${stderr.slice(-2000)}`));
          else done();
        },
      );
    });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    ctx.results.designer = report;
    return Object.entries(report.summary).map(([key, value]) => ({
      name: `designer, ${report.nodes} nodes`,
      counted: `${key} (median of ${report.runs} runs, headless Chromium)`,
      median: value,
    }));
  } catch (error) {
    return [
      {
        name: 'designer, 1,000 nodes',
        counted: `skipped: the script failed — ${String(error.message).split('\n')[0]}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
