/** Who a task concerns: its assignee, its role, or its named candidates. */
export interface TaskAudience {
  assignee_id: string | null;
  candidate_role: string | null;
  candidate_users: string[];
}

/** The people a stream listens for: the user and whoever delegated to them, with their roles. */
export interface ListenerIdentity {
  userIds: readonly string[];
  roles: readonly string[];
}

/**
 * True when a change to these tasks may add to or remove from the listener's
 * inbox. Deliberately broad (a role member hears about a task a colleague
 * claimed): a false alarm costs one refetch, a miss costs a stale inbox. Pure.
 */
export function concernsListener(tasks: readonly TaskAudience[], listener: ListenerIdentity): boolean {
  return tasks.some(
    (task) =>
      (task.assignee_id !== null && listener.userIds.includes(task.assignee_id)) ||
      (task.candidate_role !== null && listener.roles.includes(task.candidate_role)) ||
      task.candidate_users.some((id) => listener.userIds.includes(id)),
  );
}
