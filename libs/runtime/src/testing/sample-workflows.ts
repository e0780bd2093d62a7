import type { WorkflowDefinition } from '@ticketflow/definition';
import refund from '../../../../workflows/refund-approval.json' with { type: 'json' };
import { defineWorkflow, edge, node, task, approval } from './define-workflow.js';

/** Definitions covering every node type, for property and round-trip tests. */
export const SAMPLE_WORKFLOWS: Record<string, WorkflowDefinition> = {
  refund: refund as WorkflowDefinition,
  partialJoin: defineWorkflow(
    [
      node('start', 'start'), node('split', 'parallel'), task('t1', { timeout: { after: 'PT1H' } }), approval('a2', { policy: { type: 'quorum', count: 2 } }),
      node('w3', 'wait', { message: 'm', timeout: { after: 'P1D' } }), node('join', 'join', { require: { count: 2 } }), task('after'), node('end', 'end'), node('no', 'end', { outcome: 'rejected' }),
    ],
    [
      edge('start', 'split'), edge('split', 't1'), edge('split', 'a2'), edge('split', 'w3'),
      edge('t1', 'join', { on: 'completed' }), edge('t1', 'join', { on: 'timeout' }), edge('a2', 'join', { on: 'approved' }), edge('a2', 'no', { on: 'rejected' }),
      edge('w3', 'join', { on: 'received' }), edge('w3', 'join', { on: 'timeout' }), edge('join', 'after'), edge('after', 'end', { on: 'completed' }),
    ],
  ),
  loops: defineWorkflow(
    [
      node('start', 'start'), task('work', { outcomes: ['done', 'again'] }), node('count', 'action', { action: { type: 'set-fields', values: { amount: 1 } } }),
      node('d', 'decision'), approval('check', { policy: { type: 'all' }, timeout: { after: 'P1D', autoDecision: 'rejected' } }), node('t', 'timer', { after: 'PT5M' }),
      node('call', 'action', { action: { type: 'http', method: 'POST', url: 'https://example.test' } }), node('end', 'end'),
    ],
    [
      edge('start', 'work'), edge('work', 'work', { on: 'again' }), edge('work', 'count', { on: 'done' }), edge('count', 'd', { on: 'ok' }),
      edge('d', 'check', { condition: { fact: 'amount', operator: 'greaterThan', value: 0 } }), edge('d', 'end', { default: true }),
      edge('check', 't', { on: 'rejected' }), edge('t', 'work'), edge('check', 'call', { on: 'approved' }),
      edge('call', 'end', { on: 'ok' }), edge('call', 'work', { on: 'failed' }),
    ],
  ),
  nestedJoinless: defineWorkflow(
    [
      node('start', 'start'), node('outer', 'parallel'), node('inner', 'parallel'), task('a'), task('b'), node('innerJoin', 'join'),
      task('c', { outcomes: ['ok', 'stop'] }), node('endC', 'end', { outcome: 'c' }), node('stopped', 'end', { outcome: 'stopped' }), task('d'),
    ],
    [
      edge('start', 'outer'), edge('outer', 'inner'), edge('outer', 'c'), edge('inner', 'a'), edge('inner', 'b'),
      edge('a', 'innerJoin', { on: 'completed' }), edge('b', 'innerJoin', { on: 'completed' }), edge('innerJoin', 'd'), edge('d', 'endC', { on: 'completed' }),
      edge('c', 'endC', { on: 'ok' }), edge('c', 'stopped', { on: 'stop' }),
    ],
  ),
  sharedInBranches: defineWorkflow(
    [node('start', 'start'), node('split', 'parallel'), task('a', { outcomes: ['ok', 'cross'] }), task('b'), task('shared', { timeout: { after: 'PT1H' } }), node('join', 'join'), node('end', 'end')],
    [
      edge('start', 'split'), edge('split', 'a'), edge('split', 'b'), edge('a', 'shared', { on: 'ok' }), edge('a', 'b', { on: 'cross' }),
      edge('b', 'shared', { on: 'completed' }), edge('shared', 'join', { on: 'completed' }), edge('shared', 'join', { on: 'timeout' }), edge('join', 'end'),
    ],
  ),
  restartSplit: defineWorkflow(
    [node('start', 'start'), node('split', 'parallel'), task('a', { outcomes: ['ok', 'again'] }), approval('b'), node('join', 'join', { require: { count: 1 } }), node('end', 'end'), node('stop', 'end', { outcome: 'stopped' })],
    [
      edge('start', 'split'), edge('split', 'a'), edge('split', 'b'), edge('a', 'join', { on: 'ok' }), edge('a', 'split', { on: 'again' }),
      edge('b', 'join', { on: 'approved' }), edge('b', 'stop', { on: 'rejected' }), edge('join', 'end'),
    ],
  ),
};
