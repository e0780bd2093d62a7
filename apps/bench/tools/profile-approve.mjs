// Profiles the HTTP approve path of a built API:
//   DATABASE_URL=postgres://… node apps/bench/tools/profile-approve.mjs apps/api/dist label [count]
// spawns dist/main.js on a fresh database, prepares `count` refunds waiting at finance approval,
// then approves them one at a time (no queueing) with the CPU profiler on for exactly that window
// (profile-window.mjs), and groups the API process's CPU time by where it is spent.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { attachReceipt } from '../src/api-app.mjs';

const [dist, label = 'api', n = '300'] = process.argv.slice(2);
const server = process.env.DATABASE_URL;
const dbName = `tf_prof_${Date.now()}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = new URL(server);
url.pathname = `/${dbName}`;
const port = 34000 + Math.floor(Math.random() * 1000);
const profDir = mkdtempSync(join(tmpdir(), `prof-${label}-`));
const profileOut = join(profDir, 'approve.cpuprofile');
const child = spawn(
  process.execPath,
  ['--import', join(dirname(fileURLToPath(import.meta.url)), 'profile-window.mjs'), resolve(dist, 'main.js')],
  {
    env: {
      ...process.env,
      PROFILE_OUT: profileOut,
      DATABASE_URL: url.href,
      DEMO_MODE: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'x'.repeat(40),
      LOG_LEVEL: 'error',
      WORKERS: 'off',
      DATA_DIR: profDir,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i += 1) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 250));
  if (i > 240) throw new Error('no start');
}
const login = async (u) =>
  (
    await (
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: u, password: 'demo' }),
      })
    ).json()
  ).accessToken;
const tok = {
  requester: await login('requester'),
  agent: await login('agent'),
  finance1: await login('finance1'),
};
const call = async (who, method, path, body) => {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${tok[who]}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!r.ok) throw new Error(`${method} ${path} ${r.status} ${await r.text()}`);
  return r.json();
};
const count = Number(n);
for (let i = 0; i < count; i += 1) {
  const ticket = await call('requester', 'POST', '/api/tickets', {
    workflowKey: 'refund-approval',
    title: `P${i}`,
    fields: { refundAmount: 6200 },
  }).catch(async (e) => {
    console.error(String(e).slice(0, 300));
    process.exit(1);
  });
  // The agent's review requires the receipt on the ticket.
  await attachReceipt(base, tok.requester, ticket.id);
}
const reviews = (await call('agent', 'GET', '/api/tasks')).filter((t) => t.nodeId === 'review');
for (const t of reviews) await call('agent', 'POST', `/api/tasks/${t.id}/complete`, { outcome: 'completed' });
const approvals = (await call('finance1', 'GET', '/api/tasks')).filter((t) => t.nodeId === 'finance');
const times = [];
child.kill('SIGUSR2');
await new Promise((r) => setTimeout(r, 300));
for (const t of approvals) {
  const s = performance.now();
  await call('finance1', 'POST', `/api/tasks/${t.id}/approve`, { comment: 'ok' });
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
child.kill('SIGUSR2');
for (let i = 0; !existsSync(profileOut) && i < 100; i += 1) await new Promise((r) => setTimeout(r, 100));
child.kill('SIGINT');
await new Promise((r) => child.on('exit', r));
const prof = JSON.parse(readFileSync(profileOut, 'utf8'));
const byId = new Map(prof.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of prof.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
/** Native frames (JSON, crypto, regex…) count for the nearest JavaScript caller, named after the native function. */
const attributed = (node) => {
  let current = node;
  while (current && !current.callFrame.url && parent.has(current.id))
    current = byId.get(parent.get(current.id));
  return current ?? node;
};
const dt = new Map();
prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const groups = new Map();
const bucket = (node) => {
  const u = node.callFrame.url;
  const fn = node.callFrame.functionName;
  if (fn === '(idle)') return 'idle';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(program)') return 'V8/native (program)';
  const m = u.match(/node_modules\/(@[^/]+\/[^/]+|[^/]+)/);
  if (m) return `npm: ${m[1]}`;
  const a = u.match(/apps\/api\/dist\/([^/]+)/);
  if (a) return `api: ${a[1]}`;
  const l = u.match(/libs\/([^/]+)\//);
  if (l) return `lib: ${l[1]}`;
  if (u.startsWith('node:')) return `node: ${u.slice(5).split('/')[0]}`;
  return u ? 'other' : 'native';
};
const natives = new Map();
for (const [id, t] of dt) {
  const node = byId.get(id);
  const special = ['(idle)', '(garbage collector)', '(program)'].includes(node.callFrame.functionName);
  if (
    node.callFrame.url === 'node:inspector' ||
    (!node.callFrame.url && bucket(attributed(node)) === 'node: inspector')
  )
    continue; // the profiler itself
  const k = bucket(special ? node : attributed(node));
  groups.set(k, (groups.get(k) ?? 0) + t);
  if (!special && !node.callFrame.url)
    natives.set(
      `${node.callFrame.functionName || '(anonymous)'} ← ${k}`,
      (natives.get(`${node.callFrame.functionName || '(anonymous)'} ← ${k}`) ?? 0) + t,
    );
}
const busy = [...groups].filter(([k]) => k !== 'idle').reduce((s, [, v]) => s + v, 0);
console.log(
  `${label}: ${approvals.length} sequential HTTP approvals: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms`,
);
const total = [...groups].reduce((s, [, v]) => s + v, 0);
console.log(
  `${label}: API process CPU during the approvals: busy ${(busy / 1000 / approvals.length).toFixed(2)} ms per approval (${((100 * busy) / total).toFixed(0)} % of the window); by where it is spent:`,
);
for (const [k, v] of [...groups]
  .filter(([k]) => k !== 'idle')
  .sort((a, b) => b[1] - a[1])
  .slice(0, 18))
  console.log(`  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`);
console.log(`${label}: native functions with the most time (counted in their caller's group above):`);
for (const [k, v] of [...natives].sort((a, b) => b[1] - a[1]).slice(0, 8))
  console.log(`  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`);
