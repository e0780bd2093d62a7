import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition, WorkflowEdge } from '@ticketflow/definition';
import {
  NO_DECORATIONS,
  toFlowEdges,
  toFlowNodes,
  type CanvasDecorations,
  type CanvasEdge,
  type CanvasNode,
} from '../designer/canvas/flow-adapter';
import { ReadOnlyFlow } from '../designer/canvas/ReadOnlyFlow';
import { edgeLabelText } from '../designer/canvas/edge-label';

interface Props {
  definition: WorkflowDefinition;
  activeNodes: readonly string[];
  visitedNodes: ReadonlySet<string>;
  takenEdges: ReadonlySet<string>;
}

/**
 * The ticket's pinned version drawn read-only with the Designer's own adapter
 * and node components: current steps highlighted, visited steps tinted, the
 * edges taken drawn green.
 */
export function TicketDiagram({ definition, activeNodes, visitedNodes, takenEdges }: Props) {
  const { t, i18n } = useTranslation();
  const laidOut = definition;
  const decisions = useMemo(
    () => new Set(definition.nodes.filter((n) => n.type === 'decision').map((n) => n.id)),
    [definition],
  );
  const decorations: CanvasDecorations = useMemo(
    () => ({
      ...NO_DECORATIONS,
      activeNodes: new Set(activeNodes),
      visitedNodes,
      takenEdges,
      edgeLabel: (edge: WorkflowEdge) =>
        edgeLabelText(edge, definition.fields, t, i18n.language, decisions.has(edge.source)),
    }),
    [activeNodes, visitedNodes, takenEdges, t, i18n.language, definition.fields, decisions],
  );
  const nodes = useMemo<CanvasNode[]>(
    () =>
      toFlowNodes(laidOut, decorations).map((n) => ({
        ...n,
        draggable: false,
        connectable: false,
        selectable: false,
      })),
    [laidOut, decorations],
  );
  const edges = useMemo<CanvasEdge[]>(
    () => toFlowEdges(laidOut, decorations).map((e) => ({ ...e, selectable: false })),
    [laidOut, decorations],
  );
  return (
    <div className="ticket-diagram" data-testid="ticket-diagram">
      <ReadOnlyFlow nodes={nodes} edges={edges} focusNodeIds={activeNodes} />
    </div>
  );
}
