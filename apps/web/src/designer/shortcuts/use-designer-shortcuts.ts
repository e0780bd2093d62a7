import { useEffect } from 'react';
import { useDesignerStore } from '../store/designer.store';
import { copyToClipboard, pasteFromClipboard, removeSelection } from '../store/designer-actions';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * Ctrl/⌘+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Delete/Backspace remove, Ctrl+C/V
 * copy/paste, Ctrl+S save. Editing keys are left alone while typing in a field;
 * Ctrl+S works everywhere. Side effect: a window keydown listener while mounted.
 */
export function useDesignerShortcuts(onSave: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        onSave();
        return;
      }
      if (isTyping(event.target)) return;
      const store = useDesignerStore.getState();
      if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) {
        event.preventDefault();
        store.redo();
      } else if (mod && key === 'c') {
        if (copyToClipboard()) event.preventDefault();
      } else if (mod && key === 'v') {
        event.preventDefault();
        pasteFromClipboard();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        removeSelection();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onSave]);
}
