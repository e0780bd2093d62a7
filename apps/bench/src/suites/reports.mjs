import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadApi } from '../api-app.mjs';
import { refundDefinition } from '../fixtures.mjs';
import { median } from '../stats.mjs';

/** Tickets generated; about 6.3 transitions each, so just over 1,000,000 transitions. */
const TICKETS = Number(process.env.BENCH_REPORT_TICKETS ?? 160_000);

/**
 * Report queries over a generated history on real PostgreSQL: a fresh
 * database on DATABASE_URL's server, migrated by the built API, filled with
 * generate_series SQL (refund tickets over a year: review, decision, finance
 * or manager approval with a vote, one in seven rejected once and reworked,
 * one in ten still open), every transition going through the node_visits
 * trigger. Then each report's query runs `runs` times per filter set; the
 * rows give the median latency. Skipped when DATABASE_URL is unset.
 */
export async function reportsSuite({ runs }) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const message =
      'skipped: set DATABASE_URL=postgres://… to a PostgreSQL server (a throwaway database is created and dropped there)';
    console.warn(`reports: ${message}`);
    return [{ name: 'reports', counted: message, medianMs: NaN }];
  }
  const name = `tf_bench_reports_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'tf-bench-reports-'));
  const { openDatabase, REPORT_SESSION_SQL } = await loadApi();
  const connection = await openDatabase({ databaseUrl: url.toString(), dataDir });
  await connection.close();
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    const load = await generateHistory(pool, TICKETS);
    const reports = await loadReports();
    // As ReportsService runs them: one read-only transaction per report, with its work_mem.
    const inTransaction = async (run, filters) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        for (const setting of REPORT_SESSION_SQL) await client.query(setting);
        const result = await run(
          { query: async (sql, params) => (await client.query(sql, params)).rows },
          filters,
        );
        await client.query('COMMIT');
        return result;
      } finally {
        client.release();
      }
    };
    const now = Date.now();
    const day = 86_400_000;
    const filterSets = [
      {
        label: 'all workflows, last 90 days',
        filters: { from: new Date(now - 90 * day), to: new Date(now) },
      },
      {
        label: 'refund-approval, priority high, last 30 days',
        filters: {
          workflowKey: 'refund-approval',
          priority: 'high',
          from: new Date(now - 30 * day),
          to: new Date(now),
        },
      },
      { label: 'everything (a year, no filter)', filters: {} },
    ];
    const rows = [
      {
        name: 'history',
        counted: `${load.transitions.toLocaleString('en-US')} transitions, ${load.tickets.toLocaleString('en-US')} tickets, ${load.visits.toLocaleString('en-US')} node visits, ${load.tasks.toLocaleString('en-US')} tasks`,
        medianMs: load.transitionMs,
      },
      {
        name: 'node_visits trigger',
        counted: 'µs per transition inserted (rollup kept by the trigger, in the medianMs column)',
        medianMs: (load.transitionMs * 1000) / load.transitions,
      },
    ];
    for (const { label, filters } of filterSets) {
      for (const [report, run] of Object.entries(reports)) {
        await inTransaction(run, filters); // warm-up
        const times = [];
        let resultRows = 0;
        for (let i = 0; i < runs; i += 1) {
          const started = performance.now();
          const result = await inTransaction(run, filters);
          times.push(performance.now() - started);
          resultRows = Array.isArray(result) ? result.length : 1;
        }
        rows.push({
          name: report,
          counted: `ms per report (${label}; ${resultRows} rows)`,
          medianMs: median(times),
        });
      }
    }
    return rows;
  } finally {
    await pool.end();
    rmSync(dataDir, { recursive: true, force: true });
    // BENCH_REPORT_KEEP=1 keeps the generated database for EXPLAIN ANALYZE.
    if (process.env.BENCH_REPORT_KEEP) console.warn(`reports: kept database ${name}`);
    else await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function loadReports() {
  const api = await loadApi();
  return {
    summary: api.summaryReport,
    trend: (db, filters) =>
      api.trendReport(
        db,
        filters.from ? filters : { ...filters, from: new Date(Date.now() - 365 * 86_400_000) },
      ),
    'cycle-time': api.cycleTimeReport,
    'node-times': api.nodeTimesReport,
    sla: api.slaReport,
    approvals: api.approvalsReport,
    waiting: api.waitingReport,
    workload: api.workloadReport,
  };
}

async function admin(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Fills the database with `tickets` refund tickets and their transitions, tasks and votes. Returns counts and the transition load time. */
async function generateHistory(pool, tickets) {
  const q = (sql, params) => pool.query(sql, params);
  await q(`INSERT INTO users (username, display_name, password_hash, roles)
           SELECT 'bench-requester', 'Bench requester', 'x', '{requester}'::text[]
           UNION ALL SELECT 'bench-agent-' || g, 'Agent ' || g, 'x', '{agent}'::text[] FROM generate_series(0, 19) g
           UNION ALL SELECT 'bench-finance-' || g, 'Finance ' || g, 'x', '{finance}'::text[] FROM generate_series(0, 5) g
           UNION ALL SELECT 'bench-manager-' || g, 'Manager ' || g, 'x', '{manager}'::text[] FROM generate_series(0, 2) g`);
  const definition = refundDefinition();
  await q(
    `INSERT INTO workflow_versions (key, version, name, definition, checksum) VALUES ('refund-approval', 1, $1, $2, 'bench')`,
    [definition.name, JSON.stringify(definition)],
  );
  // One row per ticket: ids, when it started, how long review and approval took, its route.
  await q(
    `CREATE UNLOGGED TABLE bench_plan AS
    SELECT i, gen_random_uuid() AS ticket_id, gen_random_uuid() AS instance_id,
           now() - interval '6 days' - (i % 365) * interval '1 day' - (i * 37 % 1440) * interval '1 minute' AS created,
           ((i::bigint * 7919) % 480 + 5) * interval '1 minute' AS review,
           ((i::bigint * 104729) % 2880 + 10) * interval '1 minute' AS approval,
           CASE WHEN i % 3 = 0 THEN 'manager' ELSE 'finance' END AS approver,
           i % 10 = 0 AS open,
           i % 7 = 0 AND i % 10 <> 0 AS rework
      FROM generate_series(1, $1::int) i`,
    [tickets],
  );
  await q(`INSERT INTO tickets (id, workflow_key, title, priority, channel, requester_id, status, outcome, created_at, updated_at, closed_at)
    SELECT ticket_id, 'refund-approval', 'Refund ' || i, (ARRAY['low','normal','high','urgent'])[i % 4 + 1], (ARRAY['web','email','phone','wechat','app'])[i % 5 + 1],
           (SELECT id FROM users WHERE username = 'bench-requester'),
           CASE WHEN open THEN 'active' ELSE 'completed' END, CASE WHEN open THEN NULL ELSE 'resolved' END, created, created,
           CASE WHEN open THEN NULL WHEN rework THEN created + 2 * (review + approval) ELSE created + review + approval END
      FROM bench_plan`);
  const [{ id: versionId }] = (await q(`SELECT id FROM workflow_versions LIMIT 1`)).rows;
  await q(
    `INSERT INTO instances (id, ticket_id, version_id, snapshot, status, active_nodes, seq, created_at)
    SELECT instance_id, ticket_id, $1, '{}', CASE WHEN open THEN 'active' ELSE 'completed' END,
           CASE WHEN open THEN ARRAY[approver] ELSE '{}' END, CASE WHEN open THEN 5 WHEN rework THEN 9 ELSE 6 END, created
      FROM bench_plan`,
    [versionId],
  );
  // Transitions, one statement per step so each instance's rows arrive in seq order (as the engine writes them).
  const steps = [
    [1, `'start', NULL, 'start', NULL, created`, 'true'],
    [2, `'auto', 'start', 'review', NULL, created`, 'true'],
    [3, `'task.complete', 'review', 'amount', NULL, created + review`, 'true'],
    [4, `'auto', 'amount', approver, NULL, created + review`, 'true'],
    [
      5,
      `'approval.decide', approver, approver, '{"kind":"vote"}'::jsonb, created + review + approval / 2`,
      'true',
    ],
    [
      6,
      `'approval.decide', approver, CASE WHEN rework THEN 'review' ELSE 'done' END, NULL, created + review + approval`,
      'NOT open',
    ],
    [7, `'task.complete', 'review', 'amount', NULL, created + 2 * review + approval`, 'rework'],
    [8, `'auto', 'amount', approver, NULL, created + 2 * review + approval`, 'rework'],
    [9, `'approval.decide', approver, 'done', NULL, created + 2 * (review + approval)`, 'rework'],
  ];
  const started = performance.now();
  for (const [seq, columns, where] of steps) {
    await q(`INSERT INTO transitions (instance_id, seq, event, from_node, to_node, payload, at)
             SELECT instance_id, ${seq}, ${columns} FROM bench_plan WHERE ${where} ORDER BY i`);
  }
  const transitionMs = performance.now() - started;
  // Tasks: the review (due in 4 h) and the approval (finance due in 24 h) of each pass, with a vote per decided approval.
  const task = (key, node, kind, role, createdAt, doneAt, due, where, assignee) =>
    q(`INSERT INTO tasks (instance_id, ticket_id, task_key, node_id, kind, name, status, candidate_role, assignee_id, due_at, created_at, completed_at, outcome)
       SELECT instance_id, ticket_id, ${key}, ${node}, '${kind}', ${node}, CASE WHEN ${doneAt} IS NULL THEN 'open' ELSE 'completed' END, ${role},
              ${assignee}, ${due}, ${createdAt}, ${doneAt}, CASE WHEN ${doneAt} IS NULL THEN NULL ELSE 'completed' END
         FROM bench_plan WHERE ${where}`);
  const agent = `(SELECT id FROM users WHERE username = 'bench-agent-' || (i % 20))`;
  await task(
    `'review#1'`,
    `'review'`,
    'task',
    `'agent'`,
    'created',
    'created + review',
    `created + interval '4 hours'`,
    'true',
    agent,
  );
  await task(
    `approver || '#1'`,
    'approver',
    'approval',
    'approver',
    'created + review',
    'CASE WHEN open THEN NULL ELSE created + review + approval END',
    `CASE WHEN approver = 'finance' THEN created + review + interval '24 hours' END`,
    'true',
    'NULL',
  );
  await task(
    `'review#2'`,
    `'review'`,
    'task',
    `'agent'`,
    'created + review + approval',
    'created + 2 * review + approval',
    `created + review + approval + interval '4 hours'`,
    'rework',
    agent,
  );
  await task(
    `approver || '#2'`,
    'approver',
    'approval',
    'approver',
    'created + 2 * review + approval',
    'created + 2 * (review + approval)',
    `CASE WHEN approver = 'finance' THEN created + 2 * review + approval + interval '24 hours' END`,
    'rework',
    'NULL',
  );
  await q(`INSERT INTO approval_votes (task_id, user_id, decision, at)
    SELECT tk.id, (SELECT id FROM users WHERE username = 'bench-' || p.approver || '-' || (p.i % CASE WHEN p.approver = 'finance' THEN 6 ELSE 3 END)),
           CASE WHEN p.rework AND tk.task_key LIKE '%#1' THEN 'rejected' ELSE 'approved' END, tk.created_at + p.approval / 2
      FROM bench_plan p JOIN tasks tk ON tk.instance_id = p.instance_id AND tk.kind = 'approval'`);
  await q(`DROP TABLE bench_plan`);
  await q(`VACUUM ANALYZE`);
  const [counts] = (
    await q(`SELECT (SELECT count(*) FROM transitions) AS transitions, (SELECT count(*) FROM tickets) AS tickets,
                                    (SELECT count(*) FROM node_visits) AS visits, (SELECT count(*) FROM tasks) AS tasks`)
  ).rows;
  return {
    transitions: Number(counts.transitions),
    tickets: Number(counts.tickets),
    visits: Number(counts.visits),
    tasks: Number(counts.tasks),
    transitionMs,
  };
}
