import { useCallback, useEffect, useRef } from 'react';
import { workflowsApi } from '../../http/workflows.api';
import { isApiError } from '../../http/api-error';
import { selectDirty, useDesignerStore } from '../store/designer.store';
import type { DraftConflictDetails } from '@ticketflow/contract';

/** Idle time before unsaved edits are saved on their own. */
export const AUTOSAVE_DELAY_MS = 3000;

export interface DraftSync {
  /** Saves now, based on the revision we loaded (409 -> conflict state). */
  save: () => Promise<void>;
  /** After a conflict: save ours over theirs, based on their revision. */
  overwrite: () => Promise<void>;
  /** After a conflict: drop ours and load theirs. */
  reloadTheirs: () => Promise<void>;
}

/**
 * Saves the draft to the server: on demand, and after AUTOSAVE_DELAY_MS without
 * edits. Tracks the revision; a 409 `draft-conflict` stops autosave until the
 * user chooses to overwrite or reload.
 */
export function useDraftSync(workflowKey: string): DraftSync {
  const change = useDesignerStore((s) => s.change);
  const dirty = useDesignerStore(selectDirty);
  const saveStatus = useDesignerStore((s) => s.saveStatus);
  const inFlight = useRef(false);
  /** The edit count at the last failed save: autosave waits for a new edit before retrying. */
  const failedAt = useRef<number | null>(null);

  const saveWith = useCallback(
    async (baseRevision: number | undefined) => {
      if (inFlight.current) return;
      inFlight.current = true;
      const store = useDesignerStore.getState();
      const { definition, change: savingChange } = store;
      store.saveStarted();
      try {
        const saved = await workflowsApi.saveDraft(
          workflowKey,
          { ...definition, key: workflowKey },
          baseRevision,
        );
        useDesignerStore.getState().saveSucceeded(saved.revision, savingChange);
      } catch (err) {
        if (isApiError(err, 'draft-conflict')) {
          useDesignerStore.getState().saveConflicted(err.details as DraftConflictDetails);
        } else {
          failedAt.current = savingChange;
          useDesignerStore.getState().saveFailed(err instanceof Error ? err.message : String(err));
        }
      } finally {
        inFlight.current = false;
      }
    },
    [workflowKey],
  );

  const save = useCallback(() => saveWith(useDesignerStore.getState().revision ?? undefined), [saveWith]);

  const overwrite = useCallback(async () => {
    const theirs = useDesignerStore.getState().conflict?.revision;
    await saveWith(theirs);
  }, [saveWith]);

  const reloadTheirs = useCallback(async () => {
    const draft = await workflowsApi.getDraft(workflowKey);
    useDesignerStore.getState().load(draft.definition, draft.revision);
    useDesignerStore.getState().setProblems(draft.problems ?? []);
  }, [workflowKey]);

  useEffect(() => {
    if (!dirty || saveStatus === 'conflict' || saveStatus === 'saving' || change === 0) return;
    if (saveStatus === 'error' && failedAt.current === change) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [change, dirty, saveStatus, save]);

  return { save, overwrite, reloadTheirs };
}
