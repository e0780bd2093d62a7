import { Engine } from 'bpmn-engine';
import { REFUND_BPMN } from '../refund-bpmn.mjs';
import { repeat, throughput } from '../stats.mjs';

/**
 * The peer engine: the refund flow (start → exclusive gateway on
 * refundAmount > 5000 → finance approval user task → end) as BPMN XML in
 * bpmn-engine, in memory. (a) run an instance and signal its user task until
 * it ends; (b) the same with bpmn-engine's own persistence between the two:
 * getState → JSON string → recover + resume, then signal. The XML is parsed
 * once (as our compile cache compiles once). bpmn-engine's shipped script
 * runner evaluates the gateway condition in a new vm context each time (most
 * of its cost), so it is measured both as shipped and with the condition
 * compiled once into a function (its `scripts` option) — the ratio uses the
 * faster. Completed instances/s.
 */
export async function peerEngineSuite(ctx) {
  const probe = new Engine({ source: REFUND_BPMN });
  // Parse the XML once; bpmn-engine keeps the parsed form in its state, so recover does not parse again either.
  const sourceContext = await probe._serializeSource(REFUND_BPMN);
  const inMemoryShipped = async () => {
    const engine = new Engine({ name: 'refund', sourceContext, variables: { refundAmount: 6200 } });
    const ended = engine.waitFor('end');
    const execution = await engine.execute();
    execution.signal({ id: waitingTask(execution) });
    await ended;
  };
  const scripts = compiledConditions();
  const inMemory = async () => {
    const engine = new Engine({ name: 'refund', sourceContext, scripts, variables: { refundAmount: 6200 } });
    const ended = engine.waitFor('end');
    const execution = await engine.execute();
    execution.signal({ id: waitingTask(execution) });
    await ended;
  };
  const withState = async () => {
    const engine = new Engine({ name: 'refund', sourceContext, scripts, variables: { refundAmount: 6200 } });
    await engine.execute();
    const saved = JSON.stringify(await engine.getState());
    await engine.stop();
    const recovered = new Engine({ name: 'refund', scripts }).recover(JSON.parse(saved));
    const ended = recovered.waitFor('end');
    const execution = await recovered.resume();
    execution.signal({ id: waitingTask(execution) });
    await ended;
  };
  const result = await repeat(ctx.runs, async () => ({
    inMemoryShipped: await throughput(ctx.sizes.windowMs, inMemoryShipped),
    inMemory: await throughput(ctx.sizes.windowMs, inMemory),
    withState: await throughput(ctx.sizes.windowMs, withState),
  }));
  ctx.results.peerInMemory = result.inMemory;
  return [
    {
      name: 'bpmn-engine, in memory, shipped script runner',
      counted: 'completed refund instances/s (condition run in a new vm context)',
      median: result.inMemoryShipped,
    },
    {
      name: 'bpmn-engine, in memory',
      counted:
        'completed refund instances/s (execute, gateway, signal the user task, end; condition compiled once)',
      median: result.inMemory,
    },
    {
      name: 'bpmn-engine, save/resume',
      counted: 'completed refund instances/s (execute, getState → JSON → recover + resume, signal, end)',
      median: result.withState,
    },
  ];
}

// The XML's gateway condition as a function, so it is not re-evaluated in a fresh vm context each time.
const CONDITIONS = { e3: (environment) => environment.variables.refundAmount > 5000 };

/** A bpmn-engine `scripts` handler with the conditions compiled ahead (the shipped one uses vm.runInNewContext per call). */
function compiledConditions() {
  return {
    register({ id }) {
      const condition = CONDITIONS[id];
      return condition
        ? { id, execute: (executionContext, next) => next(null, condition(executionContext.environment)) }
        : undefined;
    },
    getScript(_language, { id }) {
      return this.register({ id });
    },
  };
}

function waitingTask(execution) {
  const [task] = execution.getPostponed().filter((activity) => activity.type === 'bpmn:UserTask');
  if (task?.id !== 'finance') throw new Error(`expected to wait at finance approval, waiting at ${task?.id}`);
  return task.id;
}
