import { memo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow } from '@xyflow/react';
import type { NodeType } from '@ticketflow/definition';
import { NODE_ICONS, NODE_TYPES, createNode, nextId } from '../model/node-catalog';
import { addNode } from '../commands/node-commands';
import { useDesignerStore } from '../store/designer.store';

/** The drag-and-drop payload type the canvas accepts. */
export const PALETTE_MIME = 'application/x-ticketflow-node';

function onDragStart(event: DragEvent, type: NodeType) {
  event.dataTransfer.setData(PALETTE_MIME, type);
  event.dataTransfer.effectAllowed = 'move';
}

/**
 * Every node type, to drag onto the canvas. A double-click (or Enter) adds the
 * node in the middle of the view instead, for keyboard users.
 */
function PaletteInner() {
  const { t } = useTranslation();
  const { screenToFlowPosition } = useReactFlow();
  const execute = useDesignerStore((s) => s.execute);
  const select = useDesignerStore((s) => s.select);

  function addAtCentre(type: NodeType) {
    const pane = document.querySelector('.designer-canvas')?.getBoundingClientRect();
    const at = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    const def = useDesignerStore.getState().definition;
    const node = createNode(type, nextId(def, type), { x: Math.round(at.x - 90), y: Math.round(at.y - 30) });
    execute(addNode(node));
    select({ nodeIds: [node.id], edgeIds: [] });
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
          onKeyDown={(e) => e.key === 'Enter' && addAtCentre(type)}
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
