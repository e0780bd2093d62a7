import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '@ticketflow/api/testing';
import { run } from '../src/main.js';
import { fakeIo, REPO } from './fake-io.js';

describe('ticketflow push and publish against a running API', () => {
  let t: TestApp;
  let server: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    server = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => t?.close());

  const definition = (threshold: number) => ({
    $schema: '../libs/definition/definition.schema.json',
    schemaVersion: 1,
    key: 'cli-refund',
    name: 'CLI refund',
    fields: [{ name: 'amount', type: 'number', required: true }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'check', type: 'decision' },
      { id: 'big', type: 'end', outcome: 'escalated' },
      { id: 'small', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'check' },
      {
        id: 'e2',
        source: 'check',
        target: 'big',
        condition: { all: [{ fact: 'amount', operator: 'greaterThan', value: threshold }] },
      },
      { id: 'e3', source: 'check', target: 'small', default: true },
    ],
  });

  it('pushes a draft as a designer and publishes it as an admin', async () => {
    const push = fakeIo({ 'cli-refund.json': definition(5000) });
    expect(
      await run(['push', 'cli-refund.json', '--server', server, '--token', await t.login('owner')], push.io),
    ).toBe(0);
    expect(push.out).toEqual([`✓ saved the draft of cli-refund (revision 1) on ${server}`]);

    const publish = fakeIo();
    expect(
      await run(['publish', 'cli-refund', '--note', 'from the CLI'], {
        ...publish.io,
        env: { TICKETFLOW_SERVER: server, TICKETFLOW_TOKEN: await t.login('admin') },
      }),
    ).toBe(0);
    expect(publish.out).toEqual([`✓ published cli-refund version 1 on ${server}`]);
    const version = (
      await t.http
        .get('/api/workflows/cli-refund/versions/1')
        .set('Authorization', `Bearer ${await t.login('admin')}`)
        .expect(200)
    ).body;
    expect(version).toMatchObject({ version: 1, note: 'from the CLI', publishedBy: 'admin' });
    expect(version.definition.$schema).toBeUndefined();
  });

  it('reports what the server refuses: a designer may not publish, an invalid draft is not published', async () => {
    const refused = fakeIo();
    expect(
      await run(['publish', 'cli-refund', '--server', server, '--token', await t.login('owner')], refused.io),
    ).toBe(1);
    expect(refused.errors()).toContain('✗ publish cli-refund: the server answered 403 role-required');

    const invalid = definition(10);
    invalid.edges.pop();
    const push = fakeIo({ 'bad.json': invalid });
    expect(
      await run(['push', 'bad.json', '--server', server, '--token', await t.login('owner')], push.io),
    ).toBe(0);
    expect(push.text()).toMatch(/error\s+missing-default-edge\s+node check/);
    const publish = fakeIo();
    expect(
      await run(['publish', 'cli-refund', '--server', server, '--token', await t.login('admin')], publish.io),
    ).toBe(1);
    expect(publish.errors()).toContain('the server answered 422 definition-invalid');
    expect(publish.errors()).toMatch(/error\s+missing-default-edge/);
  });

  it('pushes a template from workflows/ unchanged in meaning', async () => {
    const push = fakeIo();
    expect(
      await run(
        ['push', `${REPO}workflows/it-change.json`, '--server', server, '--token', await t.login('admin')],
        push.io,
      ),
    ).toBe(0);
    expect(push.out[0]).toMatch(/^✓ saved the draft of it-change \(revision \d+\)/);
  });

  it('says when the server cannot be reached', async () => {
    const fake = fakeIo({ 'cli-refund.json': definition(1) });
    expect(
      await run(['push', 'cli-refund.json', '--server', 'http://127.0.0.1:9', '--token', 'x'], fake.io),
    ).toBe(1);
    expect(fake.errors()).toContain('cannot reach http://127.0.0.1:9');
  });
});
