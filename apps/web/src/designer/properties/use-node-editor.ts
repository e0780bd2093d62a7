import { useCallback } from 'react';
import type { WorkflowNode } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';

/**
 * The selected node and an `update` that turns a change into a `node.update`
 * command. `mergeKey` (e.g. the input's name) folds keystrokes into one undo step.
 */
export function useNodeEditor<N extends WorkflowNode>(nodeId: string) {
  const node = useDesignerStore((s) => s.definition.nodes.find((n) => n.id === nodeId)) as N | undefined;
  const dispatch = useDesignerStore((s) => s.dispatch);
  const update = useCallback(
    (change: (node: N) => N, mergeKey?: string) => {
      const current = useDesignerStore.getState().definition.nodes.find((n) => n.id === nodeId) as
        N | undefined;
      if (!current) return;
      dispatch({
        type: 'node.update',
        payload: { node: change(current) },
        ...(mergeKey ? { mergeKey: `${nodeId}:${mergeKey}` } : {}),
      });
    },
    [dispatch, nodeId],
  );
  return { node, update };
}

/** Returns a copy of `obj` without `key` (keeps optional props absent instead of undefined). */
export function without<T extends object, K extends keyof T>(obj: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}
