import { useTranslation } from 'react-i18next';
import { useKeyboardStore } from './keyboard.store';

const SHORTCUTS: [keys: string, what: string][] = [
  ['Tab / Shift+Tab', 'focus'],
  ['Enter', 'select'],
  ['← ↑ → ↓', 'move'],
  ['Shift + ← ↑ → ↓', 'moveFar'],
  ['C', 'connect'],
  ['Delete', 'remove'],
  ['Ctrl/⌘ + Z', 'undo'],
  ['Ctrl/⌘ + Shift + Z', 'redo'],
  ['Ctrl/⌘ + C / V', 'copy'],
  ['Ctrl/⌘ + S', 'save'],
  ['Ctrl/⌘ + wheel', 'zoom'],
  ['?', 'help'],
  ['Esc', 'close'],
];

/** The `?` overlay: every keyboard shortcut of the Designer. */
export function ShortcutsOverlay() {
  const { t } = useTranslation();
  const open = useKeyboardStore((s) => s.overlay);
  const setOverlay = useKeyboardStore((s) => s.setOverlay);
  if (!open) return null;
  return (
    <div
      className="modal-backdrop"
      role="presentation"
      onClick={(e) => e.target === e.currentTarget && setOverlay(false)}
    >
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape closes the dialog (WAI-ARIA dialog pattern) */}
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-overlay"
        onKeyDown={(e) => e.key === 'Escape' && setOverlay(false)}
      >
        <h2 id="shortcuts-title">{t('designer.shortcuts.title')}</h2>
        <dl className="shortcuts-list">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what} style={{ display: 'contents' }}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd style={{ margin: 0 }}>{t(`designer.shortcuts.${what}`)}</dd>
            </div>
          ))}
        </dl>
        <div className="modal-actions">
          <button type="button" autoFocus onClick={() => setOverlay(false)} data-testid="shortcuts-close">
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
