import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { selectDirty, useDesignerStore } from '../store/designer.store';
import type { DraftSync } from './use-draft-sync';

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Saves first, asks if that fails: before any in-app navigation away from the
 * Designer (a link, the Back button) with unsaved edits, the draft is saved and
 * the navigation goes on; if the save fails or conflicts, a dialog asks whether
 * to stay or leave without saving. Closing or reloading the tab gets the
 * browser's own prompt. Side effects: a router blocker and a beforeunload listener.
 */
export function LeaveGuard({ sync }: { sync: DraftSync }) {
  const { t } = useTranslation();
  const dirty = useDesignerStore(selectDirty);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      selectDirty(useDesignerStore.getState()) && currentLocation.pathname !== nextLocation.pathname,
  );
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let live = true;
    void (async () => {
      // An autosave may be under way: let it finish, then save what is left.
      for (let attempt = 0; attempt < 20 && live; attempt += 1) {
        const state = useDesignerStore.getState();
        if (!selectDirty(state)) break;
        if (state.saveStatus === 'conflict' || (state.saveStatus === 'error' && attempt > 0)) break;
        if (state.saveStatus === 'saving') await wait(150);
        else await sync.save();
      }
      if (!live) return;
      if (selectDirty(useDesignerStore.getState())) setFailed(true);
      else blocker.proceed();
    })();
    return () => {
      live = false;
    };
  }, [blocker, sync]);

  if (blocker.state !== 'blocked') return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-body"
        data-testid="leave-dialog"
      >
        <h2 id="leave-title">{failed ? t('designer.leave.title') : t('designer.leave.saving')}</h2>
        {failed && (
          <>
            <p id="leave-body">{t('designer.leave.body')}</p>
            <div className="modal-actions">
              <button
                type="button"
                className="primary"
                data-testid="leave-stay"
                autoFocus
                onClick={() => {
                  setFailed(false);
                  blocker.reset();
                }}
              >
                {t('designer.leave.stay')}
              </button>
              <button
                type="button"
                className="danger"
                data-testid="leave-discard"
                onClick={() => {
                  setFailed(false);
                  blocker.proceed();
                }}
              >
                {t('designer.leave.discard')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
