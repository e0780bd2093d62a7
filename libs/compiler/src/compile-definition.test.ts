import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';
import refund from '../../../workflows/refund-approval.json' with { type: 'json' };
import { compileDefinition } from './compile-definition.js';
import { CompileError } from './compile-error.js';

const define = (nodes: WorkflowNode[], edges: Omit<WorkflowEdge, 'id'>[]): WorkflowDefinition => ({
  schemaVersion: 1,
  key: 'k',
  name: 'K',
  fields: [],
  nodes,
  edges: edges.map((e, i) => ({ id: `e${i + 1}`, ...e })),
});
const n = (id: string, type: WorkflowNode['type'], extra: Record<string, unknown> = {}) =>
  ({ id, type, ...extra }) as WorkflowNode;
const t = (id: string) => n(id, 'task', { assignee: { role: 'agent' } });

const splitJoin = define(
  [
    n('start', 'start'),
    n('split', 'parallel'),
    t('a'),
    t('b'),
    t('c'),
    n('join', 'join', { require: { count: 2 } }),
    n('end', 'end'),
  ],
  [
    { source: 'start', target: 'split' },
    { source: 'split', target: 'a' },
    { source: 'split', target: 'b' },
    { source: 'split', target: 'c' },
    { source: 'a', target: 'join', on: 'completed' },
    { source: 'b', target: 'join', on: 'completed' },
    { source: 'c', target: 'join', on: 'completed' },
    { source: 'join', target: 'end' },
  ],
);

describe('compileDefinition', () => {
  it('gives every node of the refund flow a state and outcome transitions', () => {
    const compiled = compileDefinition(refund as WorkflowDefinition);
    const states = compiled.config.states as Record<string, { on?: Record<string, unknown>; type?: string }>;
    expect(Object.keys(states)).toEqual([
      'start',
      'review',
      'amount',
      'finance',
      'manager',
      'done',
      'rejected',
      '~cancelled',
    ]);
    expect(Object.keys(states.finance?.on ?? {})).toEqual(['approved', 'rejected', 'timeout']);
    expect(Object.keys(states.amount?.on ?? {})).toEqual(['route']);
    expect(states.done?.type).toBe('final');
  });

  it('is deterministic: the same definition gives the same config JSON', () => {
    const a = compileDefinition(refund as WorkflowDefinition);
    const b = compileDefinition(JSON.parse(JSON.stringify(refund)) as WorkflowDefinition);
    expect(JSON.stringify(a.config)).toBe(JSON.stringify(b.config));
    expect(JSON.stringify(compileDefinition(splitJoin).config)).toBe(
      JSON.stringify(compileDefinition(splitJoin).config),
    );
  });

  it('never uses XState delayed transitions (timers are database rows)', () => {
    expect(JSON.stringify(compileDefinition(refund as WorkflowDefinition).config)).not.toMatch(/"after"/);
  });

  it('describes nodes: which wait, their timeouts and task data', () => {
    const { nodes } = compileDefinition(refund as WorkflowDefinition);
    expect(Object.fromEntries(Object.values(nodes).map((info) => [info.id, info.waits]))).toEqual({
      start: false,
      review: true,
      amount: false,
      finance: true,
      manager: true,
      done: false,
      rejected: false,
    });
    expect(nodes.finance?.timeout).toEqual({ after: 'PT48H', businessHours: false });
    expect(nodes.finance?.task).toEqual({
      kind: 'approval',
      name: 'Finance approval',
      approvers: { role: 'finance' },
      policy: { type: 'any' },
      allowRequester: false,
      form: expect.any(Array),
    });
    expect(nodes.review?.task).toMatchObject({ kind: 'task', outcomes: ['completed'] });
    expect(nodes.rejected?.outcome).toBe('rejected');
  });

  it('compiles a split into a parallel state with one region per branch', () => {
    const compiled = compileDefinition(splitJoin);
    const split = (compiled.config.states as Record<string, Record<string, unknown>>).split;
    expect(split?.type).toBe('parallel');
    expect(Object.keys(split?.states as object)).toEqual(['b0', 'b1', 'b2']);
    expect(compiled.blocks['split']).toEqual({
      parallelId: 'split',
      kind: 'parallel',
      joinId: 'join',
      branches: 3,
      required: 2,
      path: 'split',
    });
    expect(compiled.placements['split/b1/~joined']).toMatchObject({
      kind: 'arrival',
      nodeId: 'join',
      parallelId: 'split',
      branch: 1,
    });
  });

  it('yields a machine XState can run and restore', () => {
    const compiled = compileDefinition(splitJoin);
    const actor = createActor(compiled.machine).start();
    actor.send({ type: 'route', nodeId: 'start', edgeId: 'e1' });
    expect(actor.getSnapshot().value).toEqual({ split: { b0: 'a', b1: 'b', b2: 'c' } });
    actor.send({ type: 'completed', nodeId: 'b' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(compiled.machine, { snapshot: persisted }).start();
    expect(restored.getSnapshot().value).toEqual({ split: { b0: 'a', b1: '~joined', b2: 'c' } });
    restored.send({ type: 'join', nodeId: 'join' });
    expect(restored.getSnapshot().value).toBe('join');
    expect(restored.getSnapshot().context.visits).toEqual({ start: 1, split: 1, a: 1, b: 1, c: 1, join: 1 });
  });

  it('escapes node ids that are not safe as state keys', () => {
    const compiled = compileDefinition(
      define(
        [n('start', 'start'), t('review.step 1'), n('end', 'end')],
        [
          { source: 'start', target: 'review.step 1' },
          { source: 'review.step 1', target: 'end', on: 'completed' },
        ],
      ),
    );
    expect(Object.values(compiled.placements).map((p) => p.nodeId)).toContain('review.step 1');
    expect(Object.keys(compiled.placements)).toContain('review$2e$step$20$1');
  });

  it('gives a node reached from two branches a copy in each branch', () => {
    const def = define(
      [
        n('start', 'start'),
        n('split', 'parallel'),
        t('a'),
        t('b'),
        t('shared'),
        n('join', 'join'),
        n('end', 'end'),
      ],
      [
        { source: 'start', target: 'split' },
        { source: 'split', target: 'a' },
        { source: 'split', target: 'b' },
        { source: 'a', target: 'shared', on: 'completed' },
        { source: 'b', target: 'shared', on: 'completed' },
        { source: 'shared', target: 'join', on: 'completed' },
        { source: 'join', target: 'end' },
      ],
    );
    const paths = Object.values(compileDefinition(def).placements)
      .filter((p) => p.nodeId === 'shared')
      .map((p) => p.path);
    expect(paths).toEqual(['split/b0/shared', 'split/b1/shared']);
  });

  it('lets a branch go straight to an end (ending the instance) or back to its split (restarting it)', () => {
    const def = define(
      [
        n('start', 'start'),
        n('split', 'parallel'),
        n('a', 'task', { assignee: { role: 'x' }, outcomes: ['ok', 'again'] }),
        n('join', 'join'),
        n('end', 'end'),
        n('stop', 'end'),
      ],
      [
        { source: 'start', target: 'split' },
        { source: 'split', target: 'a' },
        { source: 'split', target: 'stop' },
        { source: 'a', target: 'join', on: 'ok' },
        { source: 'a', target: 'split', on: 'again' },
        { source: 'join', target: 'end' },
      ],
    );
    const split = (
      compileDefinition(def).config.states as Record<
        string,
        { states: Record<string, { initial: string; states: Record<string, unknown> }> }
      >
    ).split;
    expect(split?.states.b1?.initial).toBe('~leave');
    expect(split?.states.b1?.states['~leave']).toEqual({
      id: 'split/b1/~leave',
      always: { target: '#stop' },
    });
    expect(JSON.stringify(split?.states.b0?.states.a)).toContain('"target":"#split"');
  });

  describe('refuses graphs a state tree cannot express', () => {
    it('no start node', () => {
      expect(() => compileDefinition(define([n('end', 'end')], []))).toThrow(CompileError);
    });

    it('an edge to a node that does not exist', () => {
      expect(() =>
        compileDefinition(define([n('start', 'start')], [{ source: 'start', target: 'ghost' }])),
      ).toThrow(/unknown node "ghost"/);
    });

    it('branches that meet at different joins', () => {
      const def = define(
        [
          n('start', 'start'),
          n('split', 'parallel'),
          t('a'),
          t('b'),
          n('j1', 'join'),
          n('j2', 'join'),
          n('end', 'end'),
        ],
        [
          { source: 'start', target: 'split' },
          { source: 'split', target: 'a' },
          { source: 'split', target: 'b' },
          { source: 'a', target: 'j1', on: 'completed' },
          { source: 'b', target: 'j2', on: 'completed' },
          { source: 'j1', target: 'end' },
          { source: 'j2', target: 'end' },
        ],
      );
      expect(() => compileDefinition(def)).toThrow(/meet at different joins \(j1, j2\)/);
    });
  });
});
