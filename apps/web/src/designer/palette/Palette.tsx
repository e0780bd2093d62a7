import { memo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow } from '@xyflow/react';
import type { NodeType } from '@ticketflow/definition';
import { NODE_ICONS, NODE_TYPES } from '../model/node-catalog';
import { addFromPalette } from '../store/build-actions';
import { measuredSizes } from '../canvas/measure-flow';

/** The drag-and-drop payload type the canvas accepts. */
export const PALETTE_MIME = 'application/x-ticketflow-node';

function onDragStart(event: DragEvent, type: NodeType) {
  event.dataTransfer.setData(PALETTE_MIME, type);
  event.dataTransfer.effectAllowed = 'move';
}

/**
 * Every node type, to drag onto the canvas (onto an edge to insert it there). A
 * double-click (or Enter) adds the node beside the selected node, connected to
 * its free exit, or in the middle of the view; never on top of another node.
 */
function PaletteInner() {
  const { t } = useTranslation();
  const { screenToFlowPosition, getNodes } = useReactFlow();

  function addAtCentre(type: NodeType) {
    const pane = document.querySelector('.designer-canvas')?.getBoundingClientRect();
    const at = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    addFromPalette(type, at, measuredSizes(getNodes()));
  }

  return (
    <aside className="palette" aria-label={t('designer.palette.title')}>
      <h3>{t('designer.palette.title')}</h3>
      {NODE_TYPES.map((type) => (
        <div
          key={type}
          className={`palette-item palette-item--${type}`}
          data-testid={`palette-${type}`}
          draggable
          role="button"
          tabIndex={0}
          title={t(`nodeTypeHints.${type}`)}
          onDragStart={(e) => onDragStart(e, type)}
          onDoubleClick={() => addAtCentre(type)}
          aria-label={`${t(`nodeTypes.${type}`)} — ${t(`nodeTypeHints.${type}`)}`}
          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), addAtCentre(type))}
        >
          <span className="wf-node__icon" aria-hidden>
            {NODE_ICONS[type]}
          </span>
          {t(`nodeTypes.${type}`)}
        </div>
      ))}
      <p className="muted small">{t('designer.palette.hint')}</p>
    </aside>
  );
}

export const Palette = memo(PaletteInner);
