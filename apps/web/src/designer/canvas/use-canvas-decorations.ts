import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { WorkflowEdge } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { useSimulationStore } from '../simulation/simulation.store';
import { edgeLabelText } from './edge-label';
import type { CanvasDecorations } from './flow-adapter';
import { branchesByCondition } from '../model/node-catalog';

/** Collects what the canvas overlays on the definition: selection, problems, simulation path, labels. */
export function useCanvasDecorations(): CanvasDecorations {
  const { t, i18n } = useTranslation();
  const selection = useDesignerStore((s) => s.selection);
  const problems = useDesignerStore((s) => s.problems);
  const fields = useDesignerStore((s) => s.definition.fields);
  // Shallow-compared ids, so moving or renaming a node does not rebuild every edge label.
  const decisionIds = useDesignerStore(
    useShallow((s) => s.definition.nodes.filter((n) => branchesByCondition(n)).map((n) => n.id)),
  );
  const decisions = useMemo(() => new Set(decisionIds), [decisionIds]);
  const sim = useSimulationStore(
    useShallow((s) => ({
      activeNodes: s.activeNodes,
      visitedNodes: s.visitedNodes,
      takenEdges: s.takenEdges,
    })),
  );

  const invalid = useMemo(() => {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const p of problems) {
      if (p.severity !== 'error') continue;
      if (p.nodeId) nodes.add(p.nodeId);
      if (p.edgeId) edges.add(p.edgeId);
    }
    return { nodes, edges };
  }, [problems]);

  const edgeLabel = useMemo(() => {
    const cache = new WeakMap<WorkflowEdge, string | undefined>();
    return (edge: WorkflowEdge) => {
      if (cache.has(edge)) return cache.get(edge);
      const label = edgeLabelText(edge, fields, t, i18n.language, decisions.has(edge.source));
      cache.set(edge, label);
      return label;
    };
  }, [t, i18n.language, fields, decisions]);

  return useMemo(
    () => ({
      selectedNodes: new Set(selection.nodeIds),
      selectedEdges: new Set(selection.edgeIds),
      invalidNodes: invalid.nodes,
      invalidEdges: invalid.edges,
      activeNodes: new Set(sim.activeNodes),
      visitedNodes: new Set(sim.visitedNodes),
      takenEdges: new Set(sim.takenEdges),
      edgeLabel,
    }),
    [selection, invalid, sim, edgeLabel],
  );
}
