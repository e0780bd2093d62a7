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

/**
 * A version (or the draft) drawn read-only with the Designer's adapter and node
 * components; in a diff, added, removed and changed nodes and edges are coloured
 * (`diff-added`, `diff-removed`, `diff-changed`).
 */
export function VersionDiagram({
  definition,
  nodeStatus = NONE,
  edgeStatus = NONE,
  nodeClasses = NO_CLASSES,
  testId = 'version-diagram',
}: Props) {
  const { t, i18n } = useTranslation();
  const laidOut = definition;
  const decisions = useMemo(
    () => new Set(definition.nodes.filter((n) => n.type === 'decision').map((n) => n.id)),
    [definition],
  );
  const decorations: CanvasDecorations = useMemo(
    () => ({
      ...NO_DECORATIONS,
      edgeLabel: (edge: WorkflowEdge) =>
        edgeLabelText(edge, definition.fields, t, i18n.language, decisions.has(edge.source)),
    }),
    [t, i18n.language, definition.fields, decisions],
  );
  const nodes = useMemo<CanvasNode[]>(
    () =>
      toFlowNodes(laidOut, decorations).map((n) => {
        const status = nodeStatus.get(n.id);
        const className = [status ? `diff-${status}` : '', nodeClasses.get(n.id) ?? ''].join(' ').trim();
        return {
          ...n,
          draggable: false,
          connectable: false,
          selectable: false,
          ...(className ? { className } : {}),
        };
      }),
    [laidOut, decorations, nodeStatus, nodeClasses],
  );
  const edges = useMemo<CanvasEdge[]>(
    () =>
      toFlowEdges(laidOut, decorations).map((e) => {
        const status = edgeStatus.get(e.id);
        return {
          ...e,
          selectable: false,
          ...(status ? { className: `${e.className ?? ''} diff-${status}` } : {}),
        };
      }),
    [laidOut, decorations, edgeStatus],
  );
  return (
    <div className="version-diagram" data-testid={testId}>
      <ReadOnlyFlow nodes={nodes} edges={edges} />
    </div>
  );
}
