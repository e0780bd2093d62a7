import { useEffect, useRef } from 'react';

export interface InboxKeyHandlers {
  move: (delta: number) => void;
  approve: () => void;
  reject: () => void;
  open: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * j / ↓ next, k / ↑ previous, a approve, r reject, Enter open the ticket —
 * ignored while typing (a comment) or with a modifier key held.
 * Side effect: a keydown listener on the document while mounted.
 */
export function useInboxKeys(handlers: InboxKeyHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const h = ref.current;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          h.move(1);
          break;
        case 'k':
        case 'ArrowUp':
          h.move(-1);
          break;
        case 'a':
          h.approve();
          break;
        case 'r':
          h.reject();
          break;
        case 'Enter':
          if (event.target instanceof HTMLElement && ['BUTTON', 'A'].includes(event.target.tagName)) return;
          h.open();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
