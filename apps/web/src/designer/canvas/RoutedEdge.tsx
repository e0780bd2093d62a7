import { memo, type KeyboardEvent } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  getSmoothStepPath,
  type EdgeProps,
  type EdgeTypes,
} from '@xyflow/react';
import type { CanvasEdge } from './flow-adapter';
import { fitRoute, midpointOf, roundedPath, useEdgeRouting } from './edge-routes';
import { labelSize, LABEL_FONT } from '../layout/label-size';

/**
 * An edge drawn along the orthogonal route ELK computed (around nodes, label in
 * the box ELK kept free for it). When a node was moved by hand since the layout,
 * the route no longer meets the handles and the edge is drawn as a step line
 * until the next layout. Memoised, module-scope edge type (docs/style.md rule 7).
 */
function RoutedEdgeInner(props: EdgeProps<CanvasEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, label, markerEnd, style, data } = props;
  const { routes, onLabelClick } = useEdgeRouting();
  const route = routes.get(id);
  const points = route ? fitRoute(route, { x: sourceX, y: sourceY }, { x: targetX, y: targetY }) : null;
  let path: string;
  let centre: { x: number; y: number };
  if (points) {
    path = roundedPath(points);
    centre = route?.label
      ? { x: route.label.x + route.label.width / 2, y: route.label.y + route.label.height / 2 }
      : midpointOf(points);
  } else {
    const { sourcePosition, targetPosition } = props;
    const ends = { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition };
    const [stepPath, labelX, labelY] = getSmoothStepPath({ ...ends, borderRadius: 8, offset: 24 });
    path = stepPath;
    centre = { x: labelX, y: labelY };
  }
  const text = typeof label === 'string' ? label : undefined;
  const size = text ? labelSize(text) : undefined;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={18} />
      {text && size && (
        <EdgeLabelRenderer>
          <div
            className={`wf-edge-label${data?.edge.default ? ' is-default' : ''}${data?.invalid ? ' is-invalid' : ''}${onLabelClick ? ' nodrag nopan is-clickable' : ''}`}
            data-testid={`edge-label-${id}`}
            data-routed={points ? 'true' : 'false'}
            title={text}
            style={{
              width: size.width,
              height: size.height,
              font: LABEL_FONT,
              transform: `translate(${centre.x - size.width / 2}px, ${centre.y - size.height / 2}px)`,
            }}
            {...(onLabelClick
              ? {
                  role: 'button',
                  tabIndex: 0,
                  onClick: () => onLabelClick(id),
                  onKeyDown: (event: KeyboardEvent) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    onLabelClick(id);
                  },
                }
              : {})}
          >
            {size.text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const RoutedEdge = memo(RoutedEdgeInner);

/** Module scope, so React Flow never sees a new object. */
export const edgeTypes: EdgeTypes = { routed: RoutedEdge };
