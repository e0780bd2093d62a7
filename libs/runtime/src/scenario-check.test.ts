import { describe, expect, it } from 'vitest';
import { checkScenario, type ScenarioObservation } from './scenario-check.js';

const ended: ScenarioObservation = {
  path: ['start', 'review', 'amount', 'finance'],
  tasks: ['review', 'finance'],
  status: 'active',
  activeNodes: ['finance', 'sla'],
  timers: ['finance:timeout', 'sla'],
  messages: [],
  fields: { refundAmount: 6200 },
  transitions: [
    {
      from: 'amount',
      to: 'finance',
      detail: { text: 'refundAmount > 5000', values: { refundAmount: 6200 } },
    },
  ],
};

describe('checkScenario', () => {
  it('passes when every given expectation holds, active nodes and timers in any order', () => {
    expect(
      checkScenario(ended, {
        path: ['start', 'review', 'amount', 'finance'],
        activeNodes: ['sla', 'finance'],
        timers: ['sla', 'finance:timeout'],
        fields: { refundAmount: 6200 },
        branch: { from: 'amount', to: 'finance', text: 'refundAmount > 5000' },
      }),
    ).toEqual([]);
  });

  it('names each expectation that does not hold, with both values', () => {
    expect(
      checkScenario(ended, {
        status: 'completed',
        tasks: ['review'],
        branch: { from: 'amount', to: 'manager', text: 'x' },
      }),
    ).toEqual([
      { what: 'tasks', expected: 'review', actual: 'review → finance' },
      { what: 'status', expected: '"completed"', actual: '"active"' },
      { what: 'branch amount → manager', expected: 'taken', actual: 'not taken' },
    ]);
  });

  it('always reports an event that did not fit', () => {
    const refused = { ...ended, error: { index: 1, code: 'task-not-open', message: 'closed' } };
    expect(checkScenario(refused, {})).toEqual([
      { what: 'event 2', expected: 'to fit the ticket', actual: 'task-not-open: closed' },
    ]);
  });
});
