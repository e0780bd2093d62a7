import type { InstanceSnapshot } from './runtime.types.js';
import { emptyWork, type PendingWork, type RuntimeBook } from './runtime-book.types.js';

/**
 * What the instance waits for now: open tasks and approvals, active timers,
 * awaited messages, actions waiting for their result and running sub-flows. Empty once the
 * instance has ended. Pure.
 */
export function pendingWork(snapshot: InstanceSnapshot): PendingWork {
  const book = snapshot.machine as Partial<RuntimeBook> | null;
  if (snapshot.status === 'completed' || snapshot.status === 'cancelled' || !book?.open) return emptyWork();
  const strip = <T extends { path?: string }>(items: T[]): Omit<T, 'path'>[] =>
    items.map(({ path: _path, ...item }) => item);
  return {
    tasks: strip(book.open.tasks),
    timers: strip(book.open.timers),
    messages: strip(book.open.messages),
    actions: strip(book.open.actions),
    // Snapshots written before sub-flows existed have no list.
    subflows: strip(book.open.subflows ?? []),
  };
}
