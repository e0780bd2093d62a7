import { useCallback, useRef, useState } from 'react';
import { simulate, type SimulationEvent, type SimulationResult } from '@ticketflow/runtime';
import type { FieldValues, WorkflowDefinition } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { useSimulationStore } from './simulation.store';
import { availableActions, describeRun, type SimulationAction } from './simulation-view';

export interface SimulationControls {
  result: SimulationResult | null;
  actions: SimulationAction[];
  start: (fields: FieldValues) => Promise<void>;
  /** `eligibleCount`: how many people may decide an approval (all / quorum / percent policies). */
  act: (action: SimulationAction, eligibleCount?: number) => Promise<void>;
  stop: () => void;
  /** True when the definition was edited after the run started. */
  stale: boolean;
}

/**
 * Runs the draft in the browser with the pure runtime: each click appends an event
 * and replays the whole list through `simulate` (deterministic, nothing stored).
 * Publishes the path and log to the simulation store for the canvas.
 */
export function useSimulation(): SimulationControls {
  const show = useSimulationStore((s) => s.show);
  const reset = useSimulationStore((s) => s.reset);
  const current = useDesignerStore((s) => s.definition);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const run = useRef<{
    definition: WorkflowDefinition;
    fields: FieldValues;
    events: SimulationEvent[];
  } | null>(null);

  const replay = useCallback(async () => {
    const r = run.current;
    if (!r) return;
    try {
      const res = await simulate(r.definition, r.fields, r.events);
      setResult(res);
      const view = describeRun(r.definition, res.path, res.transitions);
      show({
        running: true,
        activeNodes: res.activeNodes,
        visitedNodes: view.visitedNodes,
        takenEdges: view.takenEdges,
        log: view.log,
        status: res.status,
        outcome: res.outcome ?? null,
        error: res.error?.message ?? null,
      });
    } catch (err) {
      setResult(null);
      show({
        ...useSimulationStore.getState(),
        running: true,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }, [show]);

  const start = useCallback(
    async (fields: FieldValues) => {
      run.current = { definition: useDesignerStore.getState().definition, fields, events: [] };
      reset();
      await replay();
    },
    [replay, reset],
  );

  const act = useCallback(
    async (action: SimulationAction, eligibleCount?: number) => {
      if (!run.current) return;
      run.current.events.push({
        nodeId: action.nodeId,
        outcome: action.outcome,
        ...(eligibleCount ? { eligibleCount } : {}),
      });
      await replay();
    },
    [replay],
  );

  const stop = useCallback(() => {
    run.current = null;
    setResult(null);
    reset();
  }, [reset]);

  const actions =
    result && run.current && result.status === 'active'
      ? availableActions(run.current.definition, result.snapshot)
      : [];
  return {
    result,
    actions,
    start,
    act,
    stop,
    stale: run.current !== null && run.current.definition !== current,
  };
}
