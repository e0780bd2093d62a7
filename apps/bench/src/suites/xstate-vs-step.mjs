import { compileDefinition } from '@ticketflow/compiler';
import { pendingWork, start, step } from '@ticketflow/runtime';
import { createActor } from 'xstate';
import { refundDefinition } from '../fixtures.mjs';
import { repeat, throughput } from '../stats.mjs';

const WINDOW_MS = 1500;

/**
 * In memory, no database: (a) raw XState — restore the compiled refund machine
 * from a persisted JSON snapshot, send one event, persist to JSON again;
 * (b) the runtime's `step` — the same restore/send/persist plus rule
 * evaluation (json-rules-engine), routing and effects — for "agent review
 * completed" (review → decision → finance approval). Cycles per second.
 */
export async function xstateVsStepSuite({ runs }) {
  const compiled = compileDefinition(refundDefinition());
  const fresh = JSON.stringify(createActor(compiled.machine).start().getPersistedSnapshot());
  const rawXState = () => {
    const actor = createActor(compiled.machine, { snapshot: JSON.parse(fresh) }).start();
    actor.send({ type: 'route', nodeId: 'start', edgeId: 'e1' });
    JSON.stringify(actor.getPersistedSnapshot());
  };
  const started = await start(compiled, { refundAmount: 6200 });
  const storedSnapshot = JSON.stringify(started.snapshot);
  const taskKey = pendingWork(started.snapshot).tasks[0].taskKey;
  const runtimeStep = async () => {
    const result = await step(
      compiled,
      JSON.parse(storedSnapshot),
      { type: 'task.complete', taskKey, outcome: 'completed' },
      { refundAmount: 6200 },
    );
    JSON.stringify(result.snapshot);
  };
  const result = await repeat(runs, async () => ({
    rawPerSecond: await throughput(WINDOW_MS, rawXState),
    stepPerSecond: await throughput(WINDOW_MS, runtimeStep),
  }));
  return [
    {
      name: 'raw XState restore+send+persist',
      counted: 'cycles/s (one event, JSON round trip)',
      perSecond: result.rawPerSecond,
      ratio: 1,
    },
    {
      name: 'runtime step (review completed → finance)',
      counted: 'steps/s (restore, event, decision via json-rules-engine, effects, persist)',
      perSecond: result.stepPerSecond,
      ratio: result.stepPerSecond / result.rawPerSecond,
    },
  ];
}
