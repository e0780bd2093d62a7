import { useEffect } from 'react';
import { useDesignerStore } from '../store/designer.store';
import { copyToClipboard, pasteFromClipboard, removeSelection } from '../store/designer-actions';
import { useKeyboardStore } from './keyboard.store';

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Moves the selected nodes by (dx, dy); a run of arrow presses on the same nodes is one undo step. */
function nudgeSelection(dx: number, dy: number): boolean {
  const { definition, selection, dispatch } = useDesignerStore.getState();
  if (selection.nodeIds.length === 0) return false;
  const chosen = new Set(selection.nodeIds);
  const moves = definition.nodes
    .filter((n) => chosen.has(n.id))
    .map((n) => ({ id: n.id, to: { x: (n.position?.x ?? 0) + dx, y: (n.position?.y ?? 0) + dy } }));
  dispatch({ type: 'node.move', payload: { moves }, mergeKey: `nudge:${selection.nodeIds.join(',')}` });
  return true;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * Ctrl/⌘+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Delete/Backspace remove, Ctrl+C/V
 * copy/paste, Ctrl+S save, arrows move the selected nodes (Shift: further), C
 * connects the selected node, Enter selects the focused node, ? shows every
 * shortcut. Editing keys are left alone while typing in a field or a dialog is
 * open; Ctrl+S works everywhere. Side effect: a window keydown listener while mounted.
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
      if (isTyping(event.target) || document.querySelector('.modal-backdrop, .node-picker')) return;
      const store = useDesignerStore.getState();
      const focusedNode = (event.target as HTMLElement | null)
        ?.closest?.('.react-flow__node')
        ?.getAttribute('data-id');
      const arrow = ARROWS[event.key];
      if (!mod && event.key === '?') {
        event.preventDefault();
        useKeyboardStore.getState().setOverlay(true);
        return;
      }
      if (!mod && (event.key === 'Enter' || event.key === ' ') && focusedNode) {
        event.preventDefault();
        store.select({ nodeIds: [focusedNode], edgeIds: [] });
        return;
      }
      if (
        !mod &&
        arrow &&
        !(event.target as HTMLElement | null)?.closest?.('.designer-side, .palette, .problems')
      ) {
        const step = event.shiftKey ? 50 : 10;
        if (nudgeSelection(arrow[0] * step, arrow[1] * step)) event.preventDefault();
        return;
      }
      if (!mod && key === 'c' && store.selection.nodeIds.length === 1) {
        event.preventDefault();
        useKeyboardStore.getState().setConnectFrom(store.selection.nodeIds[0]!);
        return;
      }
      if (
        !mod &&
        event.key === 'Escape' &&
        (store.selection.nodeIds.length || store.selection.edgeIds.length)
      ) {
        store.select({ nodeIds: [], edgeIds: [] });
        return;
      }
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
