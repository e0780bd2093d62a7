import { describe, expect, it } from 'vitest';
import { fakeIo } from '../../test/fake-io.js';
import { run } from '../main.js';

const broken = {
  schemaVersion: 1,
  key: 'broken',
  name: 'Broken',
  fields: [{ name: 'amount', type: 'number' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'pick', type: 'decision' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'pick' },
    {
      id: 'e2',
      source: 'pick',
      target: 'done',
      condition: { fact: 'amout', operator: 'greaterThan', value: 5 },
    },
  ],
};

describe('ticketflow validate', () => {
  it('passes every template in workflows/', async () => {
    const files = [
      'refund-approval',
      'ecommerce-return',
      'equipment-repair',
      'retail-complaint',
      'it-incident',
      'it-change',
    ].map((key) => `workflows/${key}.json`);
    const fake = fakeIo();
    expect(await run(['validate', ...files], fake.io)).toBe(0);
    expect(fake.out).toEqual(files.map((file) => `✓ ${file}: valid`));
  });

  it('lists the problems of an invalid definition with code and node or edge, and exits 1', async () => {
    const fake = fakeIo({ 'broken.json': broken });
    expect(await run(['validate', 'broken.json'], fake.io)).toBe(1);
    expect(fake.out[0]).toMatch(/^✗ broken\.json: \d+ error\(s\)/);
    expect(fake.text()).toMatch(/error\s+unknown-field\s+edge e2: /);
    expect(fake.text()).toMatch(/error\s+missing-default-edge\s+node pick: /);
  });

  it('skips scenario files that a glob such as workflows/*.json catches', async () => {
    const fake = fakeIo();
    expect(
      await run(['validate', 'workflows/it-change.json', 'workflows/it-change.scenarios.json'], fake.io),
    ).toBe(0);
    expect(fake.out).toEqual([
      '✓ workflows/it-change.json: valid',
      '- workflows/it-change.scenarios.json: a scenarios file, skipped (run `ticketflow test workflows/it-change.scenarios.json`)',
    ]);
  });

  it('reports unreadable files and bad JSON without stopping at them', async () => {
    const fake = fakeIo({ 'bad.json': '{ "key": ' });
    expect(await run(['validate', 'missing.json', 'bad.json', 'workflows/it-change.json'], fake.io)).toBe(1);
    expect(fake.out).toEqual([
      '✗ missing.json: no such file',
      expect.stringMatching(/^✗ bad\.json: not valid JSON/),
      '✓ workflows/it-change.json: valid',
    ]);
  });
});
