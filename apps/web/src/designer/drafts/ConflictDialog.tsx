import { useTranslation } from 'react-i18next';
import { useDesignerStore } from '../store/designer.store';
import type { DraftSync } from './use-draft-sync';
import { useDirectory } from '../properties/use-directory';

/** Shown when someone else saved the draft meanwhile (409): reload theirs or overwrite explicitly. */
export function ConflictDialog({ sync }: { sync: DraftSync }) {
  const { t, i18n } = useTranslation();
  const conflict = useDesignerStore((s) => s.conflict);
  const { users } = useDirectory();
  if (!conflict) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-labelledby="conflict-title"
        data-testid="conflict-dialog"
      >
        <h2 id="conflict-title">{t('designer.conflict.title')}</h2>
        <p>
          {t('designer.conflict.body', {
            user: (() => {
              const who = users.find((u) => u.id === conflict.updatedBy || u.username === conflict.updatedBy);
              return who?.displayName ?? who?.username ?? conflict.updatedBy;
            })(),
            when: new Date(conflict.updatedAt).toLocaleString(i18n.language),
            revision: conflict.revision,
          })}
        </p>
        <div className="modal-actions">
          <button type="button" onClick={() => void sync.reloadTheirs()} data-testid="conflict-reload">
            {t('designer.conflict.reload')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => void sync.overwrite()}
            data-testid="conflict-overwrite"
          >
            {t('designer.conflict.overwrite')}
          </button>
        </div>
      </div>
    </div>
  );
}
