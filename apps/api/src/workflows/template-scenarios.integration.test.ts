import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkScenario,
  pendingWork,
  simulate,
  type Scenario,
  type ScenarioFile,
  type ScenarioObservation,
} from '@ticketflow/runtime';
import { attachmentRuleOf, type WorkflowDefinition } from '@ticketflow/definition';
import { LocalReceiver } from '../../test/local-receiver.js';
import { eventually } from '../../test/shared-database.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { attachReceipt } from '../../test/attachment-helpers.js';
import { DEMO_USERS } from '../users/demo-users.js';
import { loadConfig } from '../config/app-config.js';
import type { HttpCall, HttpLimits } from '../actions/guarded-http-client.js';
import type { TargetRules } from '../actions/http-target-policy.js';

/**
 * The templates call https://wms.example.com and https://erp.example.com, which
 * neither resolve nor answer here, and a published version's URL cannot be
 * rewritten. So only the network hop is redirected: the real target policy
 * checks the template's URL (its host must be on the allow-list, as in
 * production), then the real guarded client sends the same call to a local
 * receiver on 127.0.0.1 (allowed to be private in this app only).
 */
const redirect = vi.hoisted(() => ({ origin: '' }));
vi.mock('../actions/guarded-http-client.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../actions/guarded-http-client.js')>();
  const policy = await import('../actions/http-target-policy.js');
  return {
    ...real,
    async sendGuarded(call: HttpCall, rules: TargetRules, limits: HttpLimits) {
      let url: URL;
      try {
        url = policy.checkTargetUrl(call.url, rules);
      } catch (error) {
        throw new real.HttpCallError((error as Error).message, false);
      }
      if (!redirect.origin) return real.sendGuarded(call, rules, limits);
      const local = `${redirect.origin}/${url.hostname}${url.pathname}${url.search}`;
      return real.sendGuarded(
        { ...call, url: local },
        { allowedHosts: [], allowPrivateHosts: ['127.0.0.1'] },
        limits,
      );
    },
  };
});

/**
 * Issue 9: every workflows/*.scenarios.json scenario, run through the real API
 * (demo mode publishes each template as version 1) instead of the pure runtime:
 * the ticket is created over HTTP, tasks and approvals are acted on by demo
 * users of the node's role, timeouts are made due in SQL and fired by the timer
 * worker, wait messages are delivered with POST /api/tickets/:id/events/:message,
 * notify and document actions (the repair's PDF report, rendered and stored) are
 * performed by the outbox dispatcher. Then the scenario's `expect`
 * is checked against GET /api/tickets/:id, /transitions and the database.
 *
 * HTTP actions (the WMS, the ERP) really go out through the outbox dispatcher
 * and the guarded client, redirected to a local receiver that answers as the
 * scenario's `ok` / `failed` event says (see the mock below). A step whose form
 * requires a file (`form.attachments.required`, the refund's review) gets the
 * sample receipt from the requester first, as in the real flow: scenarios say
 * nothing about files, and the pure runtime neither sees nor checks them. A scenario that
 * needs a notify or document action to fail cannot be driven on the server (an in-app
 * notification does not fail, a template's document renders): it stays offline only (libs/runtime
 * scenarios.test.ts) and is listed under "runs offline only" below.
 */

type Values = Record<string, unknown>;
interface NodeDef {
  id: string;
  type: string;
  message?: string;
  assignee?: { role?: string; user?: string; users?: string[]; skills?: string[]; region?: string };
  approvers?: { role?: string; users?: string[] };
  action?: { type: string; url?: string; responseMapping?: Record<string, string> };
  /** A sub-flow: the workflow it calls. */
  workflowKey?: string;
}
interface Definition {
  key: string;
  nodes: NodeDef[];
}

const workflowsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../workflows');
const scenarioFiles = readdirSync(workflowsDir)
  .filter((name) => name.endsWith('.scenarios.json'))
  .sort();
const load = <T>(name: string): T => JSON.parse(readFileSync(join(workflowsDir, name), 'utf8')) as T;

/** Why a scenario cannot run against the server, or undefined when it can. */
/**
 * The node ids the server's transitions entered, in order. Each branch arriving at a join is a
 * move into it; the path enters the join once, as the simulation's does.
 */
function pathOf(transitions: { from: string | null; to: string | null }[], definition: Definition): string[] {
  const joins = new Set(definition.nodes.filter((n) => n.type === 'join').map((n) => n.id));
  const moves = transitions.flatMap((tr, index) => [
    ...(index === 0 && tr.from ? [tr.from] : []),
    ...(tr.to && tr.to !== tr.from ? [tr.to] : []),
  ]);
  return moves.filter((id, index) => !(joins.has(id) && moves[index - 1] === id));
}

function offlineReason(definition: Definition, scenario: Scenario): string | undefined {
  for (const event of scenario.events) {
    if ('cancel' in event) continue;
    const node = definition.nodes.find((n) => n.id === event.nodeId);
    if (node?.type !== 'action') continue;
    if (node.action?.type !== 'http' && event.outcome !== 'ok')
      return `needs the ${node.action?.type ?? 'notify'} action "${node.id}" to fail`;
  }
  return undefined;
}

/** Demo users who may act on a node: its listed users, else its role's members (skills and region first). */
function candidates(node: NodeDef | undefined): string[] {
  const spec: { role?: string; user?: string; users?: string[] } = node?.approvers ?? node?.assignee ?? {};
  const listed: string[] = [...(spec.users ?? []), ...(spec.user ? [spec.user] : [])];
  if (listed.length > 0) return listed;
  const skills = node?.assignee?.skills ?? [];
  const region = node?.assignee?.region;
  const ofRole = DEMO_USERS.filter((u) => spec.role === undefined || u.roles.includes(spec.role));
  const fits = (u: (typeof DEMO_USERS)[number]) =>
    skills.every((s) => (u.skills as readonly string[]).includes(s)) &&
    (region === undefined || u.regions.includes(region));
  const ranked = [...ofRole.filter(fits), ...ofRole.filter((u) => !fits(u))].map((u) => u.username);
  return ranked.length > 0 ? ranked : DEMO_USERS.map((u) => u.username);
}

const summary = { server: 0, offline: [] as string[] };

/** Each HTTP action of the templates, by the path its call arrives at on the local receiver (`/<host><path>`). */
const httpActions = new Map<string, NodeDef>();
for (const name of readdirSync(workflowsDir).filter(
  (n) => n.endsWith('.json') && !n.endsWith('.scenarios.json'),
)) {
  for (const node of load<Definition>(name).nodes ?? []) {
    if (node.type !== 'action' || node.action?.type !== 'http' || !node.action.url) continue;
    const url = new URL(node.action.url);
    httpActions.set(`/${url.hostname}${url.pathname}`, node);
  }
}

/** The JSON reply that `responseMapping` turns into `fields` (the mapping run backwards). */
function replyFor(node: NodeDef, fields: Values): Values {
  const body: Values = {};
  for (const [field, path] of Object.entries(node.action?.responseMapping ?? {})) {
    if (!(field in fields)) continue;
    const keys = path.split('.');
    let at = body;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Values;
    at[keys[keys.length - 1] as string] = fields[field];
  }
  return body;
}

describe('workflow templates: scenarios against the real API', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  let receiver: LocalReceiver;
  /** The results the receiver gives, per HTTP action node, in the order the scenario's events list them. */
  const plans = new Map<string, { outcome: string; fields?: Values }[]>();

  beforeAll(async () => {
    receiver = await new LocalReceiver().start();
    redirect.origin = receiver.origin;
    receiver.respond = (call) => {
      const node = httpActions.get(call.path);
      const planned = node ? plans.get(node.id)?.shift() : undefined;
      if (!node || !planned) return { status: 503, body: { error: 'no result planned for this call' } };
      return planned.outcome === 'ok'
        ? { status: 200, body: replyFor(node, planned.fields ?? {}) }
        : { status: 422, body: { error: 'refused in the scenario' } };
    };
    const base = loadConfig({ DATA_DIR: workflowsDir, LOG_LEVEL: 'error' });
    const hosts = [...new Set([...httpActions.keys()].map((path) => path.split('/')[1] as string))];
    t = await startTestApp({
      workers: { ...base.workers, pollMs: 100, outboxBackoffMs: 0, httpAllowedHosts: hosts },
    });
    client = ticketClient(t);
  });
  afterAll(async () => {
    console.info(
      `template scenarios: ${summary.server} run against the server, ${summary.offline.length} offline only${summary.offline.length ? ` (${summary.offline.join('; ')})` : ''}`,
    );
    await t?.close();
    redirect.origin = '';
    await receiver?.stop();
  });

  const instanceId = async (ticketId: string): Promise<string> => {
    const [row] = (await t.db.dataSource.query(`SELECT id FROM instances WHERE ticket_id = $1`, [
      ticketId,
    ])) as { id: string }[];
    if (!row) throw new Error(`no instance for ticket ${ticketId}`);
    return row.id;
  };

  /** Tickets the requester has attached the sample receipt to. */
  const attached = new Set<string>();

  /** Acts on the open task at `nodeId` (its required file attached first) as the first candidate who can. */
  async function actOnTask(
    ticketId: string,
    node: NodeDef | undefined,
    event: { nodeId: string; outcome: string; actor?: string; fields?: Values; comment?: string },
    voted: Set<string>,
  ) {
    const users = event.actor ? [event.actor] : candidates(node);
    if (node && attachmentRuleOf({ ...node })?.required && !attached.has(ticketId)) {
      await attachReceipt(t, ticketId);
      attached.add(ticketId);
    }
    const failures: string[] = [];
    for (const user of users) {
      const task = (await client.inbox(user)).find(
        (entry) => entry.ticketId === ticketId && entry.nodeId === event.nodeId,
      );
      if (!task || voted.has(`${task.id}:${user}`)) continue;
      const approval = node?.type === 'approval';
      const response =
        approval && event.outcome === 'approved'
          ? await client.act(user, task.id, 'approve', {
              ...(event.comment ? { comment: event.comment } : {}),
              ...(event.fields ? { fields: event.fields } : {}),
            })
          : approval && event.outcome === 'rejected'
            ? await client.act(user, task.id, 'reject', {
                comment: event.comment ?? 'Refused in the scenario',
                ...(event.fields ? { fields: event.fields } : {}),
              })
            : await client.act(user, task.id, 'complete', {
                outcome: event.outcome,
                ...(event.fields ? { fields: event.fields } : {}),
                ...(event.comment ? { comment: event.comment } : {}),
              });
      if (response.status === 200 || response.status === 201) {
        voted.add(`${task.id}:${user}`);
        return;
      }
      failures.push(`${user}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    throw new Error(
      `nobody of [${users.join(', ')}] could ${event.outcome} ${event.nodeId}${failures.length ? `: ${failures.join('; ')}` : ''}`,
    );
  }

  async function fireTimeout(ticketId: string, nodeId: string) {
    const instance = await instanceId(ticketId);
    const updated = (await t.db.dataSource.query(
      `UPDATE timers SET due_at = now() - interval '1 second' WHERE instance_id = $1 AND node_id = $2 AND status = 'scheduled' RETURNING id`,
      [instance, nodeId],
    )) as unknown;
    const rows = (Array.isArray(updated) && Array.isArray(updated[0]) ? updated[0] : updated) as {
      id: string;
    }[];
    expect(rows.length, `a scheduled timer at ${nodeId}`).toBeGreaterThan(0);
    await eventually(
      async () => {
        const left = (await t.db.dataSource.query(
          `SELECT count(*)::int AS n FROM timers WHERE id = ANY($1) AND status = 'scheduled'`,
          [rows.map((r) => r.id)],
        )) as { n: number }[];
        return left[0]?.n === 0 ? true : undefined;
      },
      10_000,
      `the timer at ${nodeId}`,
    );
  }

  /**
   * A sub-flow's child ends with the scenario's outcome: its requester cancels it for `cancelled`;
   * otherwise the called workflow's first scenario that ends with that outcome (and the child
   * fields the event names) is played on the child ticket. Then the hand-back worker resumes the
   * parent, which is awaited.
   */
  async function finishSubflow(
    ticketId: string,
    node: NodeDef,
    event: { nodeId: string; outcome: string; fields?: Values },
  ) {
    const [child] = (await t.db.dataSource.query(
      `SELECT ci.ticket_id FROM instances ci JOIN instances pi ON pi.id = ci.parent_instance_id
        WHERE pi.ticket_id = $1 AND ci.parent_node_id = $2 AND ci.status = 'active'`,
      [ticketId, node.id],
    )) as { ticket_id: string }[];
    expect(child, `a running child of ${node.id}`).toBeDefined();
    const childId = (child as { ticket_id: string }).ticket_id;
    if (event.outcome === 'cancelled') {
      const response = await t.http
        .post(`/api/tickets/${childId}/cancel`)
        .set(await client.auth('requester'))
        .send({ reason: 'Withdrawn in the scenario' });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    } else {
      const childDefinition = load<Definition>(`${node.workflowKey}.json`);
      const played = load<ScenarioFile>(`${node.workflowKey}.scenarios.json`).scenarios.find(
        (s) =>
          s.expect.outcome === event.outcome &&
          Object.entries(event.fields ?? {}).every(([name, value]) => s.expect.fields?.[name] === value),
      );
      expect(played, `a ${node.workflowKey} scenario ending ${event.outcome}`).toBeDefined();
      const voted = new Set<string>();
      for (const step of (played as Scenario).events) {
        if ('cancel' in step) continue;
        if (step.outcome === 'timeout') await fireTimeout(childId, step.nodeId);
        else
          await actOnTask(
            childId,
            childDefinition.nodes.find((n) => n.id === step.nodeId),
            step,
            voted,
          );
      }
    }
    await eventually(
      async () =>
        (await client.transitions('admin', ticketId)).some((tr) => tr.event === 'subflow.end')
          ? true
          : undefined,
      10_000,
      `the hand-back of ${node.id}`,
    );
  }

  /** Waits until the outbox dispatcher has sent the notify at `nodeId` and the flow has left it. */
  async function actionDone(ticketId: string, nodeId: string) {
    await eventually(
      async () => {
        const transitions = await client.transitions('admin', ticketId);
        return transitions.some((tr) => tr.from === nodeId && tr.to !== nodeId) ? true : undefined;
      },
      10_000,
      `the action ${nodeId}`,
    );
  }

  for (const fileName of scenarioFiles) {
    const file = load<ScenarioFile>(fileName);
    const definition = load<Definition>(`${file.workflow}.json`);
    const nodeOf = (id: string) => definition.nodes.find((n) => n.id === id);
    const runnable = file.scenarios.filter((s) => offlineReason(definition, s) === undefined);
    const offline = file.scenarios.filter((s) => offlineReason(definition, s) !== undefined);

    describe(`workflows/${fileName}`, () => {
      for (const scenario of runnable) {
        it(scenario.name, async () => {
          plans.clear();
          for (const event of scenario.events) {
            if ('cancel' in event || nodeOf(event.nodeId)?.action?.type !== 'http') continue;
            plans.set(event.nodeId, [
              ...(plans.get(event.nodeId) ?? []),
              { outcome: event.outcome, ...(event.fields ? { fields: event.fields } : {}) },
            ]);
          }
          const ticket = await client.createTicket('requester', {
            workflowKey: file.workflow,
            title: scenario.name.slice(0, 200),
            fields: scenario.fields,
          });
          const voted = new Set<string>();
          for (const event of scenario.events) {
            if ('cancel' in event) {
              const response = await t.http
                .post(`/api/tickets/${ticket.id}/cancel`)
                .set(await client.auth('admin'))
                .send({ reason: event.reason ?? 'Cancelled in the scenario' });
              expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
              continue;
            }
            const node = nodeOf(event.nodeId);
            if (event.outcome === 'timeout') await fireTimeout(ticket.id, event.nodeId);
            else if (node?.type === 'wait' && event.outcome === 'received') {
              const response = await t.http
                .post(`/api/tickets/${ticket.id}/events/${node.message}`)
                .set(await client.auth('admin'))
                .send({ fields: event.fields ?? {} });
              expect(response.status, JSON.stringify(response.body)).toBe(200);
            } else if (node?.type === 'action') await actionDone(ticket.id, event.nodeId);
            else if (node?.type === 'subflow') await finishSubflow(ticket.id, node, event);
            else await actOnTask(ticket.id, node, event, voted);
          }

          const view = await client.ticket('admin', ticket.id);
          const transitions = await client.transitions('admin', ticket.id);
          const instance = await instanceId(ticket.id);
          // Tasks one step opens share its instant: those go in the definition's node order, as the
          // simulation lists them (a random id would order an inclusive split's branches by chance).
          const tasks = (await t.db.dataSource.query(
            `SELECT node_id FROM tasks WHERE instance_id = $1
              ORDER BY created_at, array_position($2::text[], node_id), id`,
            [instance, definition.nodes.map((n) => n.id)],
          )) as { node_id: string }[];
          const timers = (await t.db.dataSource.query(
            `SELECT timer_key FROM timers WHERE instance_id = $1 AND status = 'scheduled'`,
            [instance],
          )) as { timer_key: string }[];
          const [row] = (await t.db.dataSource.query(`SELECT snapshot FROM instances WHERE id = $1`, [
            instance,
          ])) as { snapshot: Parameters<typeof pendingWork>[0] }[];
          // What the server ended with, checked by the same checker as the CLI and the runtime's tests.
          const observed: ScenarioObservation = {
            path: pathOf(transitions, definition),
            tasks: tasks.map((r) => r.node_id),
            status: view.status,
            ...(view.outcome ? { outcome: view.outcome } : {}),
            activeNodes: view.activeNodes,
            timers: timers.map((r) => r.timer_key),
            messages: row ? pendingWork(row.snapshot).messages.map((m) => m.message) : [],
            fields: view.fields,
            transitions,
          };
          expect(checkScenario(observed, scenario.expect)).toEqual([]);
          expect(
            [...plans.values()].flat(),
            'every planned HTTP result was asked for by a real call',
          ).toEqual([]);
          summary.server += 1;
        });
      }
      if (offline.length > 0) {
        describe('runs offline only, through the pure runtime', () => {
          for (const scenario of offline) {
            const reason = offlineReason(definition, scenario) as string;
            it(`${scenario.name} — ${reason}`, async () => {
              const result = await simulate(
                definition as unknown as WorkflowDefinition,
                scenario.fields,
                scenario.events,
              );
              expect(checkScenario(result, scenario.expect)).toEqual([]);
              summary.offline.push(`${file.workflow}: ${scenario.name} (${reason})`);
            });
          }
        });
      }
    });
  }

  it('covers every scenario file, each scenario either on the server or listed as offline only', () => {
    expect(scenarioFiles.length).toBeGreaterThan(1);
    const total = scenarioFiles.reduce((n, name) => n + load<ScenarioFile>(name).scenarios.length, 0);
    expect(summary.server + summary.offline.length).toBe(total);
  });
});
