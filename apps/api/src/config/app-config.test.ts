import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in demo mode on port 3000', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoMode).toBe(true);
    expect(config.port).toBe(3000);
  });

  it('names PORT when it is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT: "eighty" is not a whole number/);
  });

  it('names PORT when it is out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
  });

  it('names DATABASE_URL when it is not a postgres URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x/y', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /^DATABASE_URL: must start with postgres:\/\//,
    );
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(
      /^DATABASE_URL: "not a url" is not a URL/,
    );
  });

  it('requires a JWT secret outside demo mode', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/db' })).toThrow(
      /^JWT_SECRET: is required/,
    );
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/db', JWT_SECRET: 's'.repeat(40) });
    expect(config.demoMode).toBe(false);
  });

  it('rejects a malformed DEMO_MODE', () => {
    expect(() => loadConfig({ DEMO_MODE: 'maybe' })).toThrow(/^DEMO_MODE:/);
  });
});

describe('loadConfig: workers', () => {
  it('runs workers by default and WORKERS=off serves HTTP only', () => {
    expect(loadConfig({}).workers).toMatchObject({
      enabled: true,
      pollMs: 1000,
      outboxMaxAttempts: 5,
      httpAllowedHosts: [],
      httpAllowPrivateHosts: [],
    });
    expect(loadConfig({ WORKERS: 'off' }).workers.enabled).toBe(false);
  });

  it('reads host lists, lower-cased, and names a malformed entry', () => {
    const config = loadConfig({
      HTTP_ACTION_ALLOWED_HOSTS: 'API.example.com, *.partner.cn',
      HTTP_ACTION_ALLOW_PRIVATE_HOSTS: '127.0.0.1,localhost,::1',
    });
    expect(config.workers.httpAllowedHosts).toEqual(['api.example.com', '*.partner.cn']);
    expect(config.workers.httpAllowPrivateHosts).toEqual(['127.0.0.1', 'localhost', '::1']);
    expect(() => loadConfig({ HTTP_ACTION_ALLOWED_HOSTS: 'https://x.com/' })).toThrow(
      /^HTTP_ACTION_ALLOWED_HOSTS: "https:\/\/x.com\/" is not a host name/,
    );
  });

  it('validates the backoff and the webhook secret', () => {
    expect(loadConfig({ OUTBOX_BACKOFF_MS: '5' }).workers.outboxBackoffMs).toBe(5);
    expect(() => loadConfig({ OUTBOX_BACKOFF_MS: '-1' })).toThrow(/^OUTBOX_BACKOFF_MS:/);
    expect(() => loadConfig({ WEBHOOK_SECRET: 'short' })).toThrow(/^WEBHOOK_SECRET: must be at least 16/);
    expect(loadConfig({ WEBHOOK_SECRET: 'a'.repeat(16) }).workers.webhookSecrets).toEqual(['a'.repeat(16)]);
    expect(
      loadConfig({ WEBHOOK_SECRET: `${'n'.repeat(16)}, ${'o'.repeat(16)}` }).workers.webhookSecrets,
    ).toEqual(['n'.repeat(16), 'o'.repeat(16)]);
    expect(() => loadConfig({ TRUST_PROXY: 'bogus host' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(() => loadConfig({ SECRETS_KEY: 'short' })).toThrow(/SECRETS_KEY/);
  });
});
