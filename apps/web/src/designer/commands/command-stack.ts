import type { WorkflowDefinition } from '@ticketflow/definition';
import type { Command } from './command.types';

/** Undo/redo history. Plain data; the functions below are pure. */
export interface CommandStack {
  past: Command[];
  future: Command[];
}

export const MAX_HISTORY = 200;

export const emptyStack = (): CommandStack => ({ past: [], future: [] });

/**
 * Runs `command` on `definition` and records it; clears the redo list. A command
 * whose mergeKey equals the last one's is folded into it (one undo step). Pure.
 */
export function execute(
  stack: CommandStack,
  definition: WorkflowDefinition,
  command: Command,
): { stack: CommandStack; definition: WorkflowDefinition } {
  const next = command.do(definition);
  const last = stack.past[stack.past.length - 1];
  if (last && command.mergeKey !== undefined && last.mergeKey === command.mergeKey) {
    const merged: Command = {
      type: command.type,
      mergeKey: command.mergeKey,
      do: (d) => command.do(last.do(d)),
      undo: (d) => last.undo(command.undo(d)),
    };
    return { stack: { past: [...stack.past.slice(0, -1), merged], future: [] }, definition: next };
  }
  const past = [...stack.past, command].slice(-MAX_HISTORY);
  return { stack: { past, future: [] }, definition: next };
}

/** Reverts the last command, if any. Pure. */
export function undo(stack: CommandStack, definition: WorkflowDefinition) {
  const last = stack.past[stack.past.length - 1];
  if (!last) return { stack, definition };
  return {
    stack: { past: stack.past.slice(0, -1), future: [last, ...stack.future] },
    definition: last.undo(definition),
  };
}

/** Re-applies the last undone command, if any. Pure. */
export function redo(stack: CommandStack, definition: WorkflowDefinition) {
  const next = stack.future[0];
  if (!next) return { stack, definition };
  return {
    stack: { past: [...stack.past, next], future: stack.future.slice(1) },
    definition: next.do(definition),
  };
}
