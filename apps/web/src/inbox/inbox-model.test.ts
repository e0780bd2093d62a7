import { describe, expect, it } from 'vitest';
import { applyFilters, countFacet, dueBucket, keepSelection, moveSelection, sortByDue } from './inbox-model';
import type { Task } from '@ticketflow/contract';

const now = Date.parse('2026-11-24T10:00:00Z');
const hours = (h: number) => new Date(now + h * 3_600_000).toISOString();

function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id,
    ticketId: `t-${id}`,
    ticketTitle: id,
    ticketNumber: 1,
    workflowKey: 'refund-approval',
    priority: 'normal',
    nodeId: 'finance',
    kind: 'approval',
    name: 'Finance approval',
    status: 'open',
    outcomes: [],
    createdAt: '2026-11-24T09:00:00Z',
    ...over,
  };
}

const tasks = [
  task('late', { dueAt: hours(-1), priority: 'high' }),
  task('soon', { dueAt: hours(3), kind: 'task', workflowKey: 'it-incident' }),
  task('later', { dueAt: hours(40) }),
  task('never', { createdAt: '2026-11-24T08:00:00Z' }),
];

describe('inbox list logic', () => {
  it('puts tasks into due buckets', () => {
    expect(tasks.map((t) => dueBucket(t, now))).toEqual(['overdue', 'today', 'later', 'none']);
  });

  it('sorts by SLA due time, undated last', () => {
    expect(sortByDue([tasks[3]!, tasks[2]!, tasks[0]!, tasks[1]!]).map((t) => t.id)).toEqual([
      'late',
      'soon',
      'later',
      'never',
    ]);
  });

  it('applies every filter at once', () => {
    expect(applyFilters(tasks, { kind: 'approval', due: 'overdue' }, now).map((t) => t.id)).toEqual(['late']);
    expect(applyFilters(tasks, { workflowKey: 'it-incident' }, now).map((t) => t.id)).toEqual(['soon']);
    expect(applyFilters(tasks, {}, now)).toHaveLength(4);
  });

  it('counts each filter value under the other filters', () => {
    const kind = countFacet(tasks, { kind: 'approval', priority: 'normal' }, 'kind', now);
    expect(Object.fromEntries(kind)).toEqual({ approval: 2, task: 1 });
    const due = countFacet(tasks, { kind: 'approval' }, 'due', now);
    expect(Object.fromEntries(due)).toEqual({ overdue: 1, later: 1, none: 1 });
  });

  it('moves the selection with j/k and stops at the ends', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveSelection(ids, null, 1)).toBe('a');
    expect(moveSelection(ids, 'a', 1)).toBe('b');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
    expect(moveSelection([], 'a', 1)).toBeNull();
  });

  it('keeps the selection on the same task, or the one that took its place', () => {
    expect(keepSelection(['a', 'b', 'c'], ['c', 'b'], 'b')).toBe('b');
    expect(keepSelection(['a', 'b', 'c'], ['a', 'c'], 'b')).toBe('c');
    expect(keepSelection(['a', 'b'], ['a'], 'b')).toBe('a');
    expect(keepSelection(['a'], [], 'a')).toBeNull();
  });
});
