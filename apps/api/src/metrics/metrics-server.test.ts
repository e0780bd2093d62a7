import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricsCollector } from './metrics-collector.js';
import { startMetricsServer } from './metrics-server.js';
import { loadConfig } from '../config/app-config.js';

const collector = {
  render: async () => 'ticketflow_up 1\n',
  contentType: 'text/plain; version=0.0.4; charset=utf-8',
} as unknown as MetricsCollector;

describe('the internal metrics port', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  async function start(token?: string) {
    const server = await startMetricsServer(collector, { port: 0, host: '127.0.0.1', token });
    close = () => server.close();
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('serves only GET /metrics, with the token when one is set', async () => {
    const base = await start('internal-token-0123456789');
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, {
      headers: { Authorization: 'Bearer internal-token-0123456789' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('ticketflow_up 1\n');
    expect((await fetch(`${base}/api/health`)).status).toBe(404);
  });

  it('answers anyone who reaches it without a token', async () => {
    expect((await fetch(`${await start()}/metrics`)).status).toBe(200);
  });

  it('must not be the main port', () => {
    expect(() => loadConfig({ PORT: '4000', METRICS_PORT: '4000' })).toThrow(
      /^METRICS_PORT: 4000 is PORT already/,
    );
    expect(loadConfig({ METRICS_PORT: '9464' }).operations.metricsPort).toBe(9464);
  });
});
