#!/usr/bin/env node
/**
 * Designer benchmark (issue 6): how fast does a 1,000-node draft open, and how
 * smooth is panning it?
 *
 * Starts the BUILT app (apps/api/dist + apps/web/dist) on a fresh embedded database,
 * saves a generated definition as a draft through the API, then for each run opens
 * /designer/<key> in a fresh headless Chromium page and measures
 *   - time to interactive: navigation start -> the canvas shows its nodes, measured
 *     and fitted into view (React Flow hides a node until it has measured it);
 *   - frame times while panning: requestAnimationFrame deltas during a scripted
 *     mouse drag of the pane, once at the fitted zoom (every node on screen) and
 *     once at 100 % (what a person editing sees).
 * Prints medians over the runs as a table and writes every run to JSON.
 *
 *   node apps/e2e/bench/designer-load.mjs [--runs 5] [--nodes 1000] [--out path.json]
 *
 * Not a test: nothing under bench/ is picked up by `npm test`. Build first:
 *   npx nx run-many -t build -p @ticketflow/api @ticketflow/web
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const args = parseArgs(process.argv.slice(2));
const RUNS = Number(args.runs ?? 5);
const NODES = Number(args.nodes ?? 1000);
const OUT = resolve(args.out ?? join(here, 'results', 'designer.json'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KEY = 'bench-designer-load';
const PAN_MOVES = 90;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]} (use --runs N --nodes N --out file.json)`);
    out[m[1]] = m[2] ?? argv[++i];
  }
  return out;
}

/**
 * A definition with `count` nodes laid out on a grid, left to right in rows:
 * start, then tasks, approvals and every tenth a decision (condition to the next
 * node, default to the shared "rejected" end), finishing at "done". Valid, so the
 * problems list stays short and the canvas is what is measured.
 */
export function generateDefinition(count) {
  const columns = 40;
  const at = (i) => ({ x: (i % columns) * 260, y: Math.floor(i / columns) * 140 });
  const nodes = [{ id: 'start', type: 'start', name: 'Start', position: at(0) }];
  const edges = [];
  let edgeNo = 0;
  const link = (source, target, extra = {}) => edges.push({ id: `e${++edgeNo}`, source, target, ...extra });
  const middle = count - 3; // start, done, rejected
  let previous = { id: 'start', exit: {} };
  for (let i = 1; i <= middle; i += 1) {
    const id = `n${i}`;
    const kind = i % 10 === 0 ? 'decision' : i % 3 === 0 ? 'approval' : 'task';
    if (kind === 'task')
      nodes.push({ id, type: 'task', name: `Check ${i}`, assignee: { role: 'agent' }, position: at(i) });
    if (kind === 'approval')
      nodes.push({
        id,
        type: 'approval',
        name: `Approve ${i}`,
        approvers: { role: 'manager' },
        policy: { type: 'any' },
        position: at(i),
      });
    if (kind === 'decision')
      nodes.push({ id, type: 'decision', name: `Amount over ${i * 10}?`, position: at(i) });
    link(previous.id, id, previous.exit);
    if (kind === 'approval') link(id, 'rejected', { on: 'rejected' });
    if (kind === 'decision') link(id, 'rejected', { default: true });
    previous = {
      id,
      exit:
        kind === 'task'
          ? { on: 'completed' }
          : kind === 'approval'
            ? { on: 'approved' }
            : { condition: { all: [{ fact: 'amount', operator: 'greaterThan', value: i * 10 }] } },
    };
  }
  nodes.push({ id: 'done', type: 'end', name: 'Done', outcome: 'resolved', position: at(count - 2) });
  nodes.push({ id: 'rejected', type: 'end', name: 'Rejected', outcome: 'rejected', position: at(count - 1) });
  link(previous.id, 'done', previous.exit);
  return {
    schemaVersion: 1,
    key: KEY,
    name: `Benchmark: ${count} nodes`,
    fields: [{ name: 'amount', type: 'number', required: true }],
    nodes,
    edges,
  };
}

async function startServer() {
  const main = join(repoRoot, 'apps/api/dist/main.js');
  if (!existsSync(main) || !existsSync(join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error(
      'The app is not built: run `npx nx run-many -t build -p @ticketflow/api @ticketflow/web` first.',
    );
  }
  const port = await new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => done(free));
    });
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketflow-bench-'));
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${errors}`);
    if (Date.now() > deadline) throw new Error(`server did not become healthy in 90 s:\n${errors}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    baseUrl,
    async stop() {
      await new Promise((done) => {
        if (child.exitCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function api(baseUrl, method, path, body, token) {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data).slice(0, 300)}`);
  return data;
}

/** Runs in the page before the app: records when the canvas is ready and, on demand, frame deltas. */
function pageProbe() {
  const probe = { readyAt: null, frames: null, rendered: 0 };
  window.__designerBench = probe;
  const check = () => {
    const viewport = document.querySelector('.react-flow__viewport');
    const nodes = document.querySelectorAll('.react-flow__node');
    // fitView has run once the transform is no longer the initial identity; a node is
    // drawn once React Flow has measured it (until then it is visibility: hidden).
    const fitted =
      viewport && !/scale\(1\)$/.test(viewport.style.transform) && viewport.style.transform !== '';
    const drawn = nodes.length > 0 && [...nodes].every((n) => n.style.visibility !== 'hidden');
    if (fitted && drawn) {
      probe.readyAt = performance.now();
      probe.rendered = nodes.length;
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  probe.startFrames = () => {
    probe.frames = [];
    let last = performance.now();
    const tick = (now) => {
      if (!probe.frames) return;
      probe.frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  probe.stopFrames = () => {
    const frames = probe.frames ?? [];
    probe.frames = null;
    return frames.slice(1); // the first delta straddles the start
  };
}

/** A point on the empty pane (not on a node or edge), to start a pan drag from. */
async function emptyPanePoint(page) {
  return page.evaluate(() => {
    const box = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let y = box.top + 30; y < box.bottom - 30; y += 7) {
      for (let x = box.left + 30; x < box.left + box.width / 2; x += 7) {
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
}

async function measurePan(page) {
  const start = await emptyPanePoint(page);
  if (!start) throw new Error('no empty spot on the pane to drag from');
  await page.evaluate(() => window.__designerBench.startFrames());
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Right, then back: 90 moves of 6 px, about one per frame.
  for (let i = 1; i <= PAN_MOVES; i += 1) {
    const dx = i <= PAN_MOVES / 2 ? i * 6 : (PAN_MOVES - i) * 6;
    await page.mouse.move(start.x + dx, start.y + dx / 3);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => window.__designerBench.stopFrames());
  return frameStats(frames);
}

function frameStats(frames) {
  const sorted = [...frames].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
  return {
    frames: frames.length,
    medianMs: round(pick(0.5)),
    p95Ms: round(pick(0.95)),
    maxMs: round(sorted.at(-1) ?? null),
    // Frames that took longer than 1.5 refreshes at 60 Hz.
    longFrames: frames.filter((f) => f > 25).length,
  };
}

async function oneRun(browser, baseUrl, auth) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  await context.addInitScript(
    (stored) => localStorage.setItem('ticketflow.auth', stored),
    JSON.stringify(auth),
  );
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  await page.goto(`/designer/${KEY}`);
  await page.waitForFunction(() => window.__designerBench.readyAt !== null, null, { timeout: 120_000 });
  const ready = await page.evaluate(() => ({
    readyAt: window.__designerBench.readyAt,
    rendered: window.__designerBench.rendered,
  }));
  const nav = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0];
    return { domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd };
  });
  // Interactive: a click on a node selects it and shows its properties.
  const clickStart = await page.evaluate(() => performance.now());
  const target = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const r = node.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (
        x > pane.left &&
        x < pane.right &&
        y > pane.top &&
        y < pane.bottom &&
        node.contains(document.elementFromPoint(x, y))
      )
        return { x, y };
    }
    return null;
  });
  if (!target) throw new Error('no node fully on screen to click');
  await page.mouse.click(target.x, target.y);
  await page.getByTestId('node-properties').waitFor();
  const clickEnd = await page.evaluate(() => performance.now());
  await page.keyboard.press('Escape');

  const panFitted = await measurePan(page);
  // Zoom to 100 % around the canvas centre, as when editing one part of a big flow.
  await page.evaluate(() => document.querySelector('[data-testid="designer-canvas"]').scrollIntoView());
  const zoomIn = page.locator('.react-flow__controls-zoomin');
  for (let i = 0; i < 30; i += 1) {
    if (await zoomIn.isDisabled()) break;
    const scale = await page.evaluate(() =>
      Number(
        /scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform)?.[1] ?? 1,
      ),
    );
    if (scale >= 1) break;
    await zoomIn.click();
  }
  await page.waitForTimeout(300);
  const renderedAt100 = await page.locator('.react-flow__node').count();
  const pan100 = await measurePan(page);
  await context.close();
  return {
    timeToInteractiveMs: round(ready.readyAt),
    domContentLoadedMs: round(nav.domContentLoaded),
    nodesRenderedFitted: ready.rendered,
    selectNodeMs: round(clickEnd - clickStart),
    panFitted,
    nodesRenderedAt100: renderedAt100,
    pan100,
  };
}

const round = (n) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);
const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};

async function main() {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const server = await startServer();
  let browser;
  try {
    const login = await api(server.baseUrl, 'POST', '/auth/login', { username: 'owner', password: 'demo' });
    const definition = generateDefinition(NODES);
    const saved = await api(
      server.baseUrl,
      'PUT',
      `/workflows/${KEY}/draft`,
      { definition },
      login.accessToken,
    );
    const errors = saved.problems.filter((p) => p.severity === 'error');
    console.log(
      `draft saved: ${definition.nodes.length} nodes, ${definition.edges.length} edges, ${JSON.stringify(definition).length} bytes, ${errors.length} errors, ${saved.problems.length - errors.length} warnings`,
    );

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const auth = { token: login.accessToken, user: login.user };
    await oneRun(browser, server.baseUrl, auth); // warm-up: server caches, Chromium's code cache
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      const run = await oneRun(browser, server.baseUrl, auth);
      runs.push(run);
      console.log(
        `run ${i + 1}/${RUNS}: ready ${run.timeToInteractiveMs} ms, pan fitted median ${run.panFitted.medianMs} ms, pan 100% median ${run.pan100.medianMs} ms`,
      );
    }
    const summary = {
      timeToInteractiveMs: median(runs.map((r) => r.timeToInteractiveMs)),
      domContentLoadedMs: median(runs.map((r) => r.domContentLoadedMs)),
      selectNodeMs: median(runs.map((r) => r.selectNodeMs)),
      nodesRenderedFitted: median(runs.map((r) => r.nodesRenderedFitted)),
      panFittedMedianFrameMs: median(runs.map((r) => r.panFitted.medianMs)),
      panFittedP95FrameMs: median(runs.map((r) => r.panFitted.p95Ms)),
      panFittedLongFrames: median(runs.map((r) => r.panFitted.longFrames)),
      nodesRenderedAt100: median(runs.map((r) => r.nodesRenderedAt100)),
      pan100MedianFrameMs: median(runs.map((r) => r.pan100.medianMs)),
      pan100P95FrameMs: median(runs.map((r) => r.pan100.p95Ms)),
      pan100LongFrames: median(runs.map((r) => r.pan100.longFrames)),
    };
    console.log(
      `\nDesigner with ${definition.nodes.length} nodes / ${definition.edges.length} edges — median of ${RUNS} runs (headless Chromium, --disable-gpu, ${cpus().length} cores)\n`,
    );
    console.table(
      Object.fromEntries([
        ['time to interactive (nodes drawn + fitted)', { value: summary.timeToInteractiveMs, unit: 'ms' }],
        ['DOMContentLoaded', { value: summary.domContentLoadedMs, unit: 'ms' }],
        ['click a node -> properties shown', { value: summary.selectNodeMs, unit: 'ms' }],
        ['nodes drawn when fitted', { value: summary.nodesRenderedFitted, unit: 'nodes' }],
        ['pan, fitted: median frame', { value: summary.panFittedMedianFrameMs, unit: 'ms' }],
        ['pan, fitted: p95 frame', { value: summary.panFittedP95FrameMs, unit: 'ms' }],
        ['pan, fitted: frames > 25 ms', { value: summary.panFittedLongFrames, unit: 'frames' }],
        ['nodes drawn at 100 %', { value: summary.nodesRenderedAt100, unit: 'nodes' }],
        ['pan, 100 %: median frame', { value: summary.pan100MedianFrameMs, unit: 'ms' }],
        ['pan, 100 %: p95 frame', { value: summary.pan100P95FrameMs, unit: 'ms' }],
        ['pan, 100 %: frames > 25 ms', { value: summary.pan100LongFrames, unit: 'frames' }],
      ]),
    );
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(
      OUT,
      `${JSON.stringify({ benchmark: 'designer-load', at: new Date().toISOString(), nodes: definition.nodes.length, edges: definition.edges.length, runs: RUNS, cpus: cpus().length, summary, perRun: runs }, null, 2)}\n`,
    );
    console.log(`written to ${OUT}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

// Run only as a script, so generateDefinition can be imported elsewhere.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
