import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalReceiver } from '../../test/local-receiver.js';
import { classifyAddress } from './address-classifier.js';
import { HttpCallError, sendGuarded } from './guarded-http-client.js';
import type { TargetRules } from './http-target-policy.js';

const limits = { timeoutMs: 2000, maxResponseBytes: 1024 };
const publicOnly: TargetRules = { allowedHosts: ['*'], allowPrivateHosts: [] };

async function refusal(url: string, rules = publicOnly): Promise<HttpCallError> {
  const error = await sendGuarded({ method: 'GET', url, headers: {} }, rules, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpCallError);
  return error as HttpCallError;
}

describe('sendGuarded: SSRF refusals', () => {
  const receiver = new LocalReceiver();
  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => receiver.stop());

  it.each([
    ['http://127.0.0.1:PORT/', /loopback/],
    ['http://[::1]:PORT/', /loopback/],
    ['http://169.254.169.254/latest/meta-data/', /metadata/],
    ['http://10.0.0.8/', /private/],
    ['http://2130706433:PORT/', /"127\.0\.0\.1" is a loopback/],
    ['http://0177.0.0.1:PORT/', /"127\.0\.0\.1" is a loopback/],
    ['http://0x7f.1:PORT/', /loopback/],
    ['http://[::ffff:127.0.0.1]:PORT/', /loopback/],
    ['http://100.64.1.1/', /carrier-grade NAT/],
    ['http://[fd00::1]/', /unique-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://metadata.google.internal/', /metadata/],
  ])('refuses %s before connecting', async (template, reason) => {
    const error = await refusal(template.replace('PORT', String(receiver.port)));
    expect(error.message).toMatch(reason);
    expect(error.retryable).toBe(false);
    expect(receiver.calls).toHaveLength(0);
  });

  it('refuses schemes other than http and https', async () => {
    expect((await refusal('file:///etc/passwd')).message).toMatch(/Only http and https/);
    expect((await refusal('ftp://example.com/x')).message).toMatch(/Only http and https/);
  });

  it('refuses a name that resolves to loopback after DNS, at connect time', async () => {
    const error = await refusal(`http://localhost:${receiver.port}/`, {
      allowedHosts: ['*'],
      allowPrivateHosts: [],
    });
    expect(error.message).toMatch(/localhost/);
    expect(receiver.calls).toHaveLength(0);
  });

  it('checks the addresses a host name resolves to (the machine name resolves to a local address)', async () => {
    const name = hostname().toLowerCase();
    const { address } = await lookup(name);
    if (classifyAddress(address) === null) return; // this machine's name is public here: nothing to show
    const error = await refusal(`http://${name}:${receiver.port}/`, {
      allowedHosts: ['*'],
      allowPrivateHosts: ['127.0.0.1'],
    });
    expect(error.message).toMatch(new RegExp(`Host "${name}" resolves to`));
    expect(receiver.calls).toHaveLength(0);
  });

  it('refuses hosts that are not on the allow-list', async () => {
    expect(
      (
        await refusal('https://evil.example/', {
          allowedHosts: ['api.partner.example'],
          allowPrivateHosts: [],
        })
      ).message,
    ).toMatch(/not on the HTTP action allow-list/);
  });

  it('follows no redirect, so a redirect to loopback goes nowhere', async () => {
    receiver.respond = () => ({
      status: 302,
      headers: { location: `http://localhost:${receiver.port}/inside` },
    });
    const error = await refusal(`${receiver.origin}/hop`, {
      allowedHosts: [],
      allowPrivateHosts: ['127.0.0.1'],
    });
    expect(error.message).toMatch(/redirects are not followed/);
    expect(receiver.calls.map((call) => call.path)).toEqual(['/hop']);
  });

  it('calls an allowed private host, and caps the response size', async () => {
    receiver.respond = () => ({ status: 200, body: { ok: true } });
    const reply = await sendGuarded(
      { method: 'GET', url: `${receiver.origin}/fine`, headers: {} },
      { allowedHosts: [], allowPrivateHosts: ['127.0.0.1'] },
      limits,
    );
    expect(reply).toEqual({ status: 200, body: '{"ok":true}' });
    receiver.respond = () => ({ status: 200, body: { blob: 'x'.repeat(5000) } });
    const error = await refusal(`${receiver.origin}/big`, {
      allowedHosts: [],
      allowPrivateHosts: ['127.0.0.1'],
    });
    expect(error.message).toMatch(/larger than 1024 bytes/);
  });

  it('marks 5xx and timeouts retryable, 4xx not', async () => {
    const rules = { allowedHosts: [], allowPrivateHosts: ['127.0.0.1'] };
    receiver.respond = () => ({ status: 503 });
    expect((await refusal(`${receiver.origin}/busy`, rules)).retryable).toBe(true);
    receiver.respond = () => ({ status: 404 });
    expect((await refusal(`${receiver.origin}/missing`, rules)).retryable).toBe(false);
  });
});
