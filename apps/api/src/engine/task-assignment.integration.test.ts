import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

type Who = Record<string, unknown>;
interface Note {
  kind: string;
  nodeId: string;
  rule: string;
  usernames?: string[];
  strategy?: string;
  unmatched?: { reason: string };
  fallback?: { to: string; name: string };
  text: string;
}

/** start → one task (or approval) → end, with a `region` field. */
function oneStep(key: string, step: { id: string; type: 'task' | 'approval'; who: Who }) {
  const node =
    step.type === 'task'
      ? { id: step.id, type: 'task', name: step.id, assignee: step.who }
      : { id: step.id, type: 'approval', name: step.id, approvers: step.who };
  const outs = step.type === 'task' ? ['completed'] : ['approved', 'rejected'];
  return {
    schemaVersion: 1,
    key,
    name: key,
    fields: [{ name: 'region', type: 'string' }],
    nodes: [{ id: 'start', type: 'start' }, node, { id: 'end', type: 'end', outcome: 'resolved' }],
    edges: [
      { id: 'e0', source: 'start', target: step.id },
      ...outs.map((on) => ({ id: `e-${on}`, source: step.id, target: 'end', on })),
    ],
  };
}

/** Three approvals in a row, each by the manager of whoever approved the one before. */
function escalationChain() {
  const approval = (id: string, approvers: Who) => ({ id, type: 'approval', name: id, approvers });
  return {
    schemaVersion: 1,
    key: 'escalation-chain',
    name: 'Escalation chain',
    fields: [],
    nodes: [
      { id: 'start', type: 'start' },
      approval('level1', { manager: 'requester' }),
      approval('level2', { manager: 'previous-approver' }),
      approval('level3', { manager: 'previous-approver' }),
      { id: 'done', type: 'end', outcome: 'approved' },
      { id: 'no', type: 'end', outcome: 'rejected' },
    ],
    edges: [
      { id: 's', source: 'start', target: 'level1' },
      { id: 'a1', source: 'level1', target: 'level2', on: 'approved' },
      { id: 'a2', source: 'level2', target: 'level3', on: 'approved' },
      { id: 'a3', source: 'level3', target: 'done', on: 'approved' },
      { id: 'r1', source: 'level1', target: 'no', on: 'rejected' },
      { id: 'r2', source: 'level2', target: 'no', on: 'rejected' },
      { id: 'r3', source: 'level3', target: 'no', on: 'rejected' },
    ],
  };
}

describe('assignment from the organisation directory (over the API)', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  const sql = (text: string, params: unknown[] = []) => t.db.dataSource.query(text, params);

  /** Adds active users (password "demo", like the demo users) with roles, skills, regions and groups. */
  async function addUser(
    username: string,
    extra: { roles?: string[]; skills?: string[]; regions?: string[]; groups?: string[] },
  ) {
    await sql(
      `INSERT INTO users (username, display_name, password_hash, roles, skills, regions, groups)
       SELECT $1, $1, password_hash, $2, $3, $4, $5 FROM users WHERE username = 'agent'`,
      [username, extra.roles ?? [], extra.skills ?? [], extra.regions ?? [], extra.groups ?? []],
    );
  }

  async function open(workflowKey: string, fields: Record<string, unknown> = {}, by = 'requester') {
    return client.createTicket(by, { workflowKey, title: workflowKey, fields });
  }

  /** The task rows of a ticket: node, assignee, candidate role and users (usernames). */
  async function tasksOf(ticketId: string) {
    return (await sql(
      `SELECT k.node_id AS "nodeId", a.username AS assignee, k.candidate_role AS "candidateRole",
              ARRAY(SELECT u.username FROM users u WHERE u.id = ANY(k.candidate_users) ORDER BY u.username) AS "candidateUsers"
         FROM tasks k LEFT JOIN users a ON a.id = k.assignee_id WHERE k.ticket_id = $1 ORDER BY k.created_at, k.node_id`,
      [ticketId],
    )) as {
      nodeId: string;
      assignee: string | null;
      candidateRole: string | null;
      candidateUsers: string[];
    }[];
  }

  async function notes(ticketId: string): Promise<Note[]> {
    const entries = await client.transitions('admin', ticketId);
    return entries
      .filter((entry) => entry.event === 'assignment')
      .map((entry) => entry.detail as unknown as Note);
  }

  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
    await addUser('rr1', { roles: ['rr-agent'], skills: ['billing'], regions: ['north'] });
    await addUser('rr2', { roles: ['rr-agent'], skills: ['billing', 'german'], regions: ['north'] });
    await addUser('rr3', { roles: ['rr-agent'], skills: ['german'], regions: ['south'] });
  });
  afterAll(async () => t?.close());

  it('keeps the round-robin rotation per workflow and node: two workflows with a node "work" each rotate on their own', async () => {
    const who = { role: 'rr-agent', strategy: 'round-robin', region: 'north' };
    await client.publish(oneStep('rotation-a', { id: 'work', type: 'task', who }));
    await client.publish(oneStep('rotation-b', { id: 'work', type: 'task', who }));
    const picked: Record<string, string[]> = { 'rotation-a': [], 'rotation-b': [] };
    for (const key of ['rotation-a', 'rotation-b', 'rotation-a', 'rotation-b', 'rotation-a', 'rotation-b']) {
      const ticket = await open(key);
      picked[key]?.push((await tasksOf(ticket.id))[0]?.assignee as string);
    }
    // With one rotation per node id the workflows would take turns from each other: a got rr1, rr1, rr1.
    expect(picked).toEqual({ 'rotation-a': ['rr1', 'rr2', 'rr1'], 'rotation-b': ['rr1', 'rr2', 'rr1'] });
  });

  it('takes turns when several tickets of one workflow start at the same moment', async () => {
    await client.publish(
      oneStep('rotation-burst', {
        id: 'work',
        type: 'task',
        who: { role: 'rr-agent', strategy: 'round-robin', region: 'north' },
      }),
    );
    const tickets = await Promise.all([1, 2, 3, 4].map(() => open('rotation-burst')));
    const picked = await Promise.all(tickets.map(async (ticket) => (await tasksOf(ticket.id))[0]?.assignee));
    expect(picked.filter((name) => name === 'rr1')).toHaveLength(2);
    expect(picked.filter((name) => name === 'rr2')).toHaveLength(2);
  });

  it('gives a least-loaded step to the member with the fewest open tasks and says so on the timeline', async () => {
    await client.publish(
      oneStep('least-loaded', {
        id: 'work',
        type: 'task',
        who: { role: 'rr-agent', strategy: 'least-loaded', region: 'north' },
      }),
    );
    const open1 = Number(
      (
        await sql(
          `SELECT count(*) FROM tasks k JOIN users u ON u.id = k.assignee_id WHERE u.username = 'rr1' AND k.status = 'open'`,
        )
      )[0].count,
    );
    const open2 = Number(
      (
        await sql(
          `SELECT count(*) FROM tasks k JOIN users u ON u.id = k.assignee_id WHERE u.username = 'rr2' AND k.status = 'open'`,
        )
      )[0].count,
    );
    const ticket = await open('least-loaded');
    const expected = open2 < open1 ? 'rr2' : 'rr1';
    expect((await tasksOf(ticket.id))[0]?.assignee).toBe(expected);
    expect(await notes(ticket.id)).toEqual([
      expect.objectContaining({ rule: 'role', usernames: [expected], strategy: 'least-loaded' }),
    ]);
  });

  it('narrows by every skill asked for, and follows the named fallback user when nobody has them all', async () => {
    await client.publish(
      oneStep('skills-both', {
        id: 'work',
        type: 'task',
        who: { role: 'rr-agent', skills: ['billing', 'german'], strategy: 'least-loaded' },
      }),
    );
    const both = await open('skills-both');
    expect((await tasksOf(both.id))[0]?.assignee).toBe('rr2');
    await client.publish(
      oneStep('skills-none', {
        id: 'work',
        type: 'task',
        who: { role: 'rr-agent', skills: ['billing', 'french'], fallback: { user: 'manager' } },
      }),
    );
    const none = await open('skills-none');
    expect((await tasksOf(none.id))[0]).toMatchObject({ assignee: 'manager', candidateRole: null });
    const [note] = await notes(none.id);
    expect(note).toMatchObject({
      unmatched: { reason: 'no-match' },
      fallback: { to: 'user', name: 'manager' },
    });
    expect(note?.text).toContain('nobody active with skills billing and french');
    expect(await client.taskFor('manager', none.id, 'work')).toBeTruthy();
  });

  it("routes to a group's member in the ticket's region, and to the fallback role when the region has nobody", async () => {
    const who = { group: 'store-owners', regionField: 'region', fallback: { role: 'manager' } };
    await client.publish(oneStep('store-owner', { id: 'review', type: 'approval', who }));
    const west = await open('store-owner', { region: 'west' });
    expect((await tasksOf(west.id))[0]).toMatchObject({
      candidateUsers: ['areamgr-west'],
      candidateRole: null,
    });
    await expect(client.taskFor('areamgr-east', west.id, 'review')).rejects.toThrow();
    expect(
      (
        await client.act(
          'areamgr-west',
          (await client.taskFor('areamgr-west', west.id, 'review')).id,
          'approve',
        )
      ).status,
    ).toBe(200);
    const north = await open('store-owner', { region: 'north' });
    expect((await tasksOf(north.id))[0]).toMatchObject({ candidateRole: 'manager', candidateUsers: [] });
    const [note] = await notes(north.id);
    expect(note).toMatchObject({ rule: 'group', fallback: { to: 'role', name: 'manager' } });
    expect(note?.text).toContain('nobody active in region north');
  });

  it('opens a filtered role step to the whole role when no fallback is named, and the timeline says so', async () => {
    await client.publish(
      oneStep('west-agents', {
        id: 'work',
        type: 'task',
        who: { role: 'agent', region: 'west', strategy: 'least-loaded' },
      }),
    );
    const ticket = await open('west-agents');
    expect((await tasksOf(ticket.id))[0]).toMatchObject({ candidateRole: 'agent', assignee: null });
    expect((await notes(ticket.id))[0]).toMatchObject({ fallback: { to: 'whole-role', name: 'agent' } });
  });

  it("sends an approval to the requester's manager, and two levels up to their manager's manager", async () => {
    await client.publish(
      oneStep('line-manager', { id: 'approve', type: 'approval', who: { manager: 'requester' } }),
    );
    const ticket = await open('line-manager');
    expect((await tasksOf(ticket.id))[0]?.candidateUsers).toEqual(['manager']);
    await expect(client.taskFor('finance1', ticket.id, 'approve')).rejects.toThrow();
    const task = await client.taskFor('manager', ticket.id, 'approve');
    expect((await client.act('manager', task.id, 'approve')).status).toBe(200);
    expect((await client.ticket('requester', ticket.id)).status).toBe('completed');

    await client.publish(
      oneStep('skip-level', { id: 'work', type: 'task', who: { manager: 'requester', levels: 2 } }),
    );
    const skip = await open('skip-level');
    expect((await tasksOf(skip.id))[0]?.assignee).toBe('areamgr-east');
    expect((await notes(skip.id))[0]).toMatchObject({
      rule: 'manager-of-requester',
      usernames: ['areamgr-east'],
    });
  });

  it('escalates up the reporting line: each level goes to the manager of whoever approved the one before', async () => {
    await client.publish(escalationChain());
    const ticket = await open('escalation-chain');
    const approvers: string[] = [];
    for (const level of ['level1', 'level2', 'level3']) {
      const row = (await tasksOf(ticket.id)).find((task) => task.nodeId === level);
      const approver = row?.candidateUsers[0] as string;
      approvers.push(approver);
      expect(
        (await client.act(approver, (await client.taskFor(approver, ticket.id, level)).id, 'approve')).status,
      ).toBe(200);
    }
    expect(approvers).toEqual(['manager', 'areamgr-east', 'admin']);
    expect((await client.ticket('requester', ticket.id)).outcome).toBe('approved');
    expect((await notes(ticket.id)).map((note) => note.rule)).toEqual([
      'manager-of-requester',
      'manager-of-previous-approver',
      'manager-of-previous-approver',
    ]);
  });

  it('raises an incident, recorded on the timeline, when the requester has no manager and the fallback says so', async () => {
    await client.publish(
      oneStep('no-manager', {
        id: 'approve',
        type: 'approval',
        who: { manager: 'requester', fallback: { incident: true } },
      }),
    );
    const ticket = await open('no-manager', {}, 'admin');
    expect((await client.ticket('admin', ticket.id)).status).toBe('incident');
    const [incident] = (await sql(
      `SELECT n.code, n.node_id AS "nodeId", n.message FROM incidents n JOIN instances i ON i.id = n.instance_id WHERE i.ticket_id = $1`,
      [ticket.id],
    )) as { code: string; nodeId: string; message: string }[];
    expect(incident).toMatchObject({ code: 'assignee-not-found', nodeId: 'approve' });
    expect(incident?.message).toContain('admin has no active manager');
    expect((await notes(ticket.id))[0]).toMatchObject({ fallback: { to: 'incident' } });
    // The step waits for an admin, who can still decide it.
    expect((await tasksOf(ticket.id))[0]?.candidateRole).toBe('admin');
  });

  it("keeps the requester's own view free of assignment entries", async () => {
    const ticket = await open('skip-level');
    const mine = await client.transitions('requester', ticket.id);
    expect(mine.some((entry) => entry.event === 'assignment')).toBe(false);
  });
});
