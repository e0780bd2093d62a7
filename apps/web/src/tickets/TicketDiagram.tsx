import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition, WorkflowEdge } from '@ticketflow/definition';
import { NO_DECORATIONS, toFlowEdges, toFlowNodes, type CanvasDecorations, type CanvasEdge, type CanvasNode } from '../designer/canvas/flow-adapter';
import { ReadOnlyFlow } from '../designer/canvas/ReadOnlyFlow';
import { computeLayout } from '../designer/layout/auto-layout';
import { describeCondition } from '../designer/model/pure-libs';

interface Props {
  definition: WorkflowDefinition;
  activeNodes: readonly string[];
  visitedNodes: ReadonlySet<string>;
  takenEdges: ReadonlySet<string>;
}

/** Lays out a definition whose nodes have no positions (one drawn by hand keeps its own). Pure. */
function withPositions(definition: WorkflowDefinition): WorkflowDefinition {
  if (definition.nodes.every((n) => n.position)) return definition;
  const positions = computeLayout(definition);
  return { ...definition, nodes: definition.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) };
}

/**
 * The ticket's pinned version drawn read-only with the Designer's own adapter
 * and node components: current steps highlighted, visited steps tinted, the
 * edges taken drawn green.
 */
export function TicketDiagram({ definition, activeNodes, visitedNodes, takenEdges }: Props) {
  const { t, i18n } = useTranslation();
  const laidOut = useMemo(() => withPositions(definition), [definition]);
  const decorations: CanvasDecorations = useMemo(
    () => ({
      ...NO_DECORATIONS,
      activeNodes: new Set(activeNodes),
      visitedNodes,
      takenEdges,
      edgeLabel: (edge: WorkflowEdge) => {
        if (edge.label) return edge.label;
        if (edge.on) return t(`outcomes.${edge.on}`, { defaultValue: edge.on });
        if (edge.default) return t('designer.edge.default');
        if (edge.condition) return describeCondition(edge.condition, definition.fields, i18n.language);
        return undefined;
      },
    }),
    [activeNodes, visitedNodes, takenEdges, t, i18n.language, definition.fields],
  );
  const nodes = useMemo<CanvasNode[]>(
    () => toFlowNodes(laidOut, decorations).map((n) => ({ ...n, draggable: false, connectable: false, selectable: false })),
    [laidOut, decorations],
  );
  const edges = useMemo<CanvasEdge[]>(() => toFlowEdges(laidOut, decorations).map((e) => ({ ...e, selectable: false })), [laidOut, decorations]);
  return (
    <div className="ticket-diagram" data-testid="ticket-diagram">
      <ReadOnlyFlow nodes={nodes} edges={edges} />
    </div>
  );
}
