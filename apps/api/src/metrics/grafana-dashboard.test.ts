import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './metrics-registry.js';

const dashboardPath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../deploy/grafana/ticketflow.json',
);

describe('the Grafana dashboard in deploy/grafana', () => {
  it('only queries series the API exposes', async () => {
    const dashboard = JSON.parse(readFileSync(dashboardPath, 'utf8')) as {
      panels: { targets?: { expr: string }[] }[];
    };
    const exposed = new Set(
      (await new MetricsRegistry().registry.getMetricsAsJSON()).map((metric) => metric.name),
    );
    const queried = new Set(
      dashboard.panels
        .flatMap((panel) => panel.targets ?? [])
        .flatMap((target) => target.expr.match(/ticketflow_[a-z0-9_]+/g) ?? [])
        .map((name) => name.replace(/_(bucket|count|sum)$/, '')),
    );
    expect(queried.size).toBeGreaterThan(10);
    expect([...queried].filter((name) => !exposed.has(name))).toEqual([]);
  });
});
