import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeType } from '@ticketflow/definition';
import { NODE_ICONS, NODE_TYPES } from '../model/node-catalog';

interface Props {
  /** Screen position of the picker's top-left corner. */
  at: { x: number; y: number };
  onPick: (type: NodeType) => void;
  onClose: () => void;
}

const PICKABLE = NODE_TYPES.filter((type) => type !== 'start');

/**
 * A small menu of step types, opened by a "+" or by a connection dropped on
 * empty canvas. Arrow keys move, Enter picks, Escape or a click elsewhere closes.
 */
export function NodePicker({ at, onPick, onClose }: Props) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);
  const left = Math.min(at.x, window.innerWidth - 200);
  const top = Math.min(at.y, window.innerHeight - 40 * PICKABLE.length - 40);
  return (
    <div
      ref={menu}
      className="node-picker"
      role="menu"
      tabIndex={-1}
      aria-label={t('designer.append.title')}
      data-testid="node-picker"
      style={{ left, top: Math.max(8, top) }}
      onKeyDown={(event) => {
        const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const index = items.indexOf(document.activeElement as HTMLButtonElement);
        if (event.key === 'Escape') onClose();
        else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
        else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      <div className="node-picker__title">{t('designer.append.title')}</div>
      {PICKABLE.map((type) => (
        <button
          key={type}
          type="button"
          role="menuitem"
          data-testid={`pick-${type}`}
          onClick={() => onPick(type)}
        >
          <span className="wf-node__icon" aria-hidden>
            {NODE_ICONS[type]}
          </span>
          {t(`nodeTypes.${type}`)}
        </button>
      ))}
    </div>
  );
}
