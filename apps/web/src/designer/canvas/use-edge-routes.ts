import { useEffect, useState } from 'react';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { layoutFlow, MAX_ROUTED_NODES, type EdgeRoute } from '../layout/elk-layout';
import { labelSizes, measuredSizes } from './measure-flow';
import type { CanvasEdge } from './flow-adapter';

/** Wait after the last edit before routing again (typing a name re-measures its node). */
const ROUTE_DELAY_MS = 150;

/**
 * ELK routes for the Designer's edges, recomputed shortly after each edit with the
 * measured node and label sizes. ELK is deterministic, so when the nodes stand
 * where ELK put them (after "Auto-layout", or a reload of a laid-out flow) every
 * route meets its handles and is drawn; an edge whose node was moved by hand
 * falls back to a step line (see RoutedEdge). Side effect: runs ELK in the page.
 */
export function useEdgeRoutes(
  definition: WorkflowDefinition,
  edges: readonly CanvasEdge[],
): ReadonlyMap<string, EdgeRoute> {
  const measured = useNodesInitialized();
  const { getNodes } = useReactFlow();
  const [routes, setRoutes] = useState<ReadonlyMap<string, EdgeRoute>>(new Map());
  const labelKey = edges.map((e) => `${e.id}:${typeof e.label === 'string' ? e.label : ''}`).join('|');
  useEffect(() => {
    if (!measured || definition.nodes.length > MAX_ROUTED_NODES) return;
    let live = true;
    const timer = setTimeout(() => {
      void layoutFlow(definition, measuredSizes(getNodes()), labelSizes(edges)).then(
        (layout) => live && setRoutes(layout.routes),
      );
    }, ROUTE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Edges change identity with every selection; their labels are what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labelKey stands for the edges
  }, [definition, measured, labelKey, getNodes]);
  return routes;
}
