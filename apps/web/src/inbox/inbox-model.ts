import type { Task } from '@ticketflow/contract';

/** When a step is due, relative to now. */
export type DueBucket = 'overdue' | 'today' | 'later' | 'none';
export const DUE_BUCKETS: DueBucket[] = ['overdue', 'today', 'later', 'none'];

export interface InboxFilters {
  workflowKey?: string;
  priority?: string;
  kind?: string;
  due?: DueBucket;
}
export type FilterDimension = keyof InboxFilters;
export const FILTER_DIMENSIONS: FilterDimension[] = ['workflowKey', 'priority', 'kind', 'due'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Overdue, due within 24 hours, later, or no due time. Pure. */
export function dueBucket(task: Pick<Task, 'dueAt'>, now: number): DueBucket {
  if (!task.dueAt) return 'none';
  const left = Date.parse(task.dueAt) - now;
  if (left <= 0) return 'overdue';
  return left <= DAY_MS ? 'today' : 'later';
}

function valueOf(task: Task, dimension: FilterDimension, now: number): string {
  return dimension === 'due' ? dueBucket(task, now) : String(task[dimension]);
}

/** Tasks matching every set filter (`except` one dimension, for counting that dimension). Pure. */
export function applyFilters(
  tasks: readonly Task[],
  filters: InboxFilters,
  now: number,
  except?: FilterDimension,
): Task[] {
  return tasks.filter((task) =>
    FILTER_DIMENSIONS.every((dimension) => {
      const wanted = filters[dimension];
      return dimension === except || wanted === undefined || valueOf(task, dimension, now) === wanted;
    }),
  );
}

/**
 * How many tasks each value of `dimension` would show, given the other
 * filters (faceted counts: choosing a priority does not zero the others). Pure.
 */
export function countFacet(
  tasks: readonly Task[],
  filters: InboxFilters,
  dimension: FilterDimension,
  now: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of applyFilters(tasks, filters, now, dimension)) {
    const value = valueOf(task, dimension, now);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Soonest SLA first; steps without a due time last; then oldest first. Pure (returns a new array). */
export function sortByDue(tasks: readonly Task[]): Task[] {
  const due = (task: Task) => (task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY);
  return [...tasks].sort((a, b) => due(a) - due(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/**
 * The id `delta` places from `current` in `ids` (clamped at the ends); the
 * first id when nothing valid is selected. Pure.
 */
export function moveSelection(ids: readonly string[], current: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0] ?? null;
  return ids[Math.max(0, Math.min(ids.length - 1, index + delta))] ?? null;
}

/** The selection after the list changed: kept if still there, else the task that took its place. Pure. */
export function keepSelection(
  previousIds: readonly string[],
  nextIds: readonly string[],
  current: string | null,
): string | null {
  if (current !== null && nextIds.includes(current)) return current;
  if (nextIds.length === 0) return null;
  const index = current === null ? 0 : Math.max(0, previousIds.indexOf(current));
  return nextIds[Math.min(index, nextIds.length - 1)] ?? null;
}
