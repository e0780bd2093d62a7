import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition, WorkflowEdge } from '@ticketflow/definition';
import { NO_DECORATIONS, toFlowEdges, toFlowNodes, type CanvasDecorations, type CanvasEdge, type CanvasNode } from '../designer/canvas/flow-adapter';
import { ReadOnlyFlow } from '../designer/canvas/ReadOnlyFlow';
import { computeLayout } from '../designer/layout/auto-layout';
import { describeCondition } from '../designer/model/pure-libs';
import type { DiffStatus } from './diff-view';

interface Props {
  definition: WorkflowDefinition;
  nodeStatus?: ReadonlyMap<string, DiffStatus>;
  edgeStatus?: ReadonlyMap<string, DiffStatus>;
  /** Extra CSS classes per node id (the draft review marks nodes with problems). */
  nodeClasses?: ReadonlyMap<string, string>;
  testId?: string;
}

const NONE: ReadonlyMap<string, DiffStatus> = new Map();
const NO_CLASSES: ReadonlyMap<string, string> = new Map();

/** Lays out a definition whose nodes have no positions (one drawn by hand keeps its own). Pure. */
function withPositions(definition: WorkflowDefinition): WorkflowDefinition {
  if (definition.nodes.every((n) => n.position)) return definition;
  const positions = computeLayout(definition);
  return { ...definition, nodes: definition.nodes.map((n) => ({ ...n, position: n.position ?? positions.get(n.id) })) };
}

/**
 * A version (or the draft) drawn read-only with the Designer's adapter and node
 * components; in a diff, added, removed and changed nodes and edges are coloured
 * (`diff-added`, `diff-removed`, `diff-changed`).
 */
export function VersionDiagram({ definition, nodeStatus = NONE, edgeStatus = NONE, nodeClasses = NO_CLASSES, testId = 'version-diagram' }: Props) {
  const { t, i18n } = useTranslation();
  const laidOut = useMemo(() => withPositions(definition), [definition]);
  const decorations: CanvasDecorations = useMemo(
    () => ({
      ...NO_DECORATIONS,
      edgeLabel: (edge: WorkflowEdge) => {
        if (edge.label) return edge.label;
        if (edge.on) return t(`outcomes.${edge.on}`, { defaultValue: edge.on });
        if (edge.default) return t('designer.edge.default');
        if (edge.condition) return describeCondition(edge.condition, definition.fields, i18n.language);
        return undefined;
      },
    }),
    [t, i18n.language, definition.fields],
  );
  const nodes = useMemo<CanvasNode[]>(
    () =>
      toFlowNodes(laidOut, decorations).map((n) => {
        const status = nodeStatus.get(n.id);
        const className = [status ? `diff-${status}` : '', nodeClasses.get(n.id) ?? ''].join(' ').trim();
        return { ...n, draggable: false, connectable: false, selectable: false, ...(className ? { className } : {}) };
      }),
    [laidOut, decorations, nodeStatus, nodeClasses],
  );
  const edges = useMemo<CanvasEdge[]>(
    () =>
      toFlowEdges(laidOut, decorations).map((e) => {
        const status = edgeStatus.get(e.id);
        return { ...e, selectable: false, ...(status ? { className: `${e.className ?? ''} diff-${status}` } : {}) };
      }),
    [laidOut, decorations, edgeStatus],
  );
  return (
    <div className="version-diagram" data-testid={testId}>
      <ReadOnlyFlow nodes={nodes} edges={edges} />
    </div>
  );
}
