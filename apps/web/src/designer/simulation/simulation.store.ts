import { create } from 'zustand';

/** One line of the simulation log. */
export interface SimulationLogEntry {
  seq: number;
  event: string;
  from: string | null;
  to: string | null;
  text: string;
}

export interface SimulationView {
  running: boolean;
  activeNodes: string[];
  visitedNodes: string[];
  takenEdges: string[];
  log: SimulationLogEntry[];
  status: string | null;
  outcome: string | null;
  error: string | null;
}

export const IDLE_SIMULATION: SimulationView = {
  running: false,
  activeNodes: [],
  visitedNodes: [],
  takenEdges: [],
  log: [],
  status: null,
  outcome: null,
  error: null,
};

/**
 * What the canvas shows of a simulation run (path, active steps) and the log.
 * The run itself lives in `use-simulation`; this store only carries its view.
 */
export const useSimulationStore = create<
  SimulationView & { show: (view: SimulationView) => void; reset: () => void }
>()((set) => ({
  ...IDLE_SIMULATION,
  show: (view) => set(view),
  reset: () => set(IDLE_SIMULATION),
}));
