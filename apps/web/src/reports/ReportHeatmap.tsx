import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '@ticketflow/definition';
import {
  NO_DECORATIONS,
  toFlowEdges,
  toFlowNodes,
  type CanvasEdge,
  type CanvasNode,
} from '../designer/canvas/flow-adapter';
import { ReadOnlyFlow } from '../designer/canvas/ReadOnlyFlow';
import { formatDuration } from './report-format';
import { heatLegend, NO_DATA_COLOUR } from './heat-scale';
import { heatNodeTypes, type HeatNodeData } from './HeatNodeView';
import { nodeHeat, type HeatMetric } from './heatmap-model';
import { reportsApi } from './reports.api';
import type { NodeTimeRow, WaitingRow } from '@ticketflow/contract';

interface Props {
  workflowKey: string;
  version: number;
  metric: HeatMetric;
  nodeTimes: NodeTimeRow[];
  waiting: WaitingRow[];
}

/** The figure on a node: tickets waiting, or a duration. Pure. */
function figure(metric: HeatMetric, value: number | null, language: string): string {
  return metric === 'waiting' ? String(value ?? 0) : formatDuration(value, language);
}

/**
 * The workflow's diagram drawn read-only with the Designer's adapter and node
 * component, each node coloured by time spent there or by tickets waiting
 * there now; the hottest node is outlined. A legend explains the colours.
 */
export function ReportHeatmap({ workflowKey, version, metric, nodeTimes, waiting }: Props) {
  const { t, i18n } = useTranslation();
  const [definition, setDefinition] = useState<{ id: string; definition: WorkflowDefinition } | null>(null);
  const [failed, setFailed] = useState(false);
  const id = `${workflowKey}@${version}`;
  useEffect(() => {
    let live = true;
    reportsApi.definition(workflowKey, version).then(
      (loaded) => live && setDefinition({ id, definition: loaded }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [workflowKey, version, id]);

  const { heat, max } = useMemo(
    () => nodeHeat(workflowKey, version, metric, nodeTimes, waiting),
    [workflowKey, version, metric, nodeTimes, waiting],
  );
  const language = i18n.language;
  const show = (value: number | null) => figure(metric, value, language);
  const current = definition?.id === id ? definition.definition : undefined;
  const nodes = useMemo<CanvasNode[]>(() => {
    if (!current) return [];
    return toFlowNodes(current, NO_DECORATIONS).map((node) => {
      const h = heat.get(node.id);
      const data: HeatNodeData = {
        ...node.data,
        heat: {
          colour: h?.colour ?? NO_DATA_COLOUR,
          label: h ? figure(metric, h.value, language) : '—',
          hot: h?.hot ?? false,
        },
      };
      return { ...node, data, draggable: false, connectable: false, selectable: false };
    });
  }, [current, heat, metric, language]);
  const edges = useMemo<CanvasEdge[]>(
    () => (current ? toFlowEdges(current, NO_DECORATIONS).map((e) => ({ ...e, selectable: false })) : []),
    [current],
  );

  if (failed) return <p className="error">{t('reports.heatmap.loadFailed')}</p>;
  return (
    <div className="heatmap" data-testid="report-heatmap" data-workflow={workflowKey} data-metric={metric}>
      <div className="heatmap__canvas">
        {current ? (
          <ReadOnlyFlow nodes={nodes} edges={edges} nodeTypes={heatNodeTypes} hideAttribution />
        ) : (
          <p className="muted">{t('reports.loading')}</p>
        )}
      </div>
      <div className="heat-legend" data-testid="heat-legend">
        <span className="heat-legend__title">
          {metric === 'waiting'
            ? t('reports.heatmap.legendWaiting')
            : t('reports.heatmap.legendTime', { p: metric })}
        </span>
        <span className="heat-legend__end">{show(0)}</span>
        <span className="heat-legend__scale">
          {heatLegend(max).map((stop) => (
            <span
              key={stop.colour}
              className="heat-legend__stop"
              style={{ background: stop.colour }}
              title={`≥ ${show(stop.from)}`}
            />
          ))}
        </span>
        <span className="heat-legend__end">{show(max)}</span>
        <span className="heat-legend__none">
          <span className="heat-legend__stop" style={{ background: NO_DATA_COLOUR }} />{' '}
          {t('reports.heatmap.noData')}
        </span>
      </div>
    </div>
  );
}
