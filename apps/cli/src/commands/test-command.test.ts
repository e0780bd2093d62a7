import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fakeIo, REPO } from '../../test/fake-io.js';
import { run } from '../main.js';

describe('ticketflow test', () => {
  it('runs every scenario file in workflows/ and passes', async () => {
    const files = [
      'refund-approval',
      'ecommerce-return',
      'equipment-repair',
      'retail-complaint',
      'it-incident',
      'it-change',
    ].map((key) => `${REPO}workflows/${key}.scenarios.json`);
    const fake = fakeIo();
    expect(await run(['test', ...files], fake.io)).toBe(0);
    expect(fake.out.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(fake.text()).toContain('  ✓ a 6,200 refund goes to finance approval');
  });

  it('shows expected and actual for each failed expectation, and exits 1', async () => {
    const definition = await readFile(`${REPO}workflows/refund-approval.json`, 'utf8');
    const fake = fakeIo({
      'cases/refund-approval.json': definition,
      'cases/refund.scenarios.json': {
        workflow: 'refund-approval',
        scenarios: [
          {
            name: 'a 3,000 refund wrongly expected at finance',
            fields: { refundAmount: 3000 },
            events: [{ nodeId: 'review', outcome: 'completed' }],
            expect: {
              path: ['start', 'review', 'amount', 'finance'],
              status: 'completed',
              branch: { from: 'amount', to: 'manager', text: 'Refund amount > 5,000' },
            },
          },
          {
            name: 'an event nothing waits for',
            fields: { refundAmount: 1 },
            events: [{ nodeId: 'finance', outcome: 'approved' }],
            expect: {},
          },
        ],
      },
    });
    expect(await run(['test', 'cases/refund.scenarios.json'], fake.io)).toBe(1);
    expect(fake.out).toEqual([
      'cases/refund.scenarios.json (refund-approval)',
      '  ✗ a 3,000 refund wrongly expected at finance',
      '      path',
      '        expected: start → review → amount → finance',
      '        actual:   start → review → amount → manager',
      '      status',
      '        expected: "completed"',
      '        actual:   "active"',
      '      branch amount → manager text',
      '        expected: "Refund amount > 5,000"',
      '        actual:   "otherwise"',
      '  ✗ an event nothing waits for',
      '      event 1',
      '        expected: to fit the ticket',
      '        actual:   invalid-outcome: Event 1: nothing at "finance" waits for "approved".',
      '0 passed, 2 failed',
    ]);
  });

  it('uses --definition when the workflow lives elsewhere, and fails on a missing workflow file', async () => {
    const definition = JSON.parse(await readFile(`${REPO}workflows/refund-approval.json`, 'utf8'));
    const scenarios = {
      workflow: 'refund-approval',
      scenarios: [
        {
          name: 'starts at review',
          fields: { refundAmount: 1 },
          events: [],
          expect: { activeNodes: ['review'] },
        },
      ],
    };
    const found = fakeIo({ 'elsewhere/flow.json': definition, 'x/s.scenarios.json': scenarios });
    expect(await run(['test', 'x/s.scenarios.json', '--definition', 'elsewhere/flow.json'], found.io)).toBe(
      0,
    );
    const missing = fakeIo({ 'x/s.scenarios.json': scenarios });
    expect(await run(['test', 'x/s.scenarios.json'], missing.io)).toBe(1);
    expect(missing.text()).toContain('cannot read the workflow: x/refund-approval.json: no such file');
  });
});
