import { compileDefinition, type CompiledWorkflow } from '@ticketflow/compiler';
import type { FieldValues, WorkflowDefinition } from '@ticketflow/definition';
import type { Effect, InstanceSnapshot, RuntimeEvent, TransitionRecord } from '../runtime.types.js';
import { pendingWork } from '../pending-work.js';
import { startDetailed, stepDetailed, type StepOptions } from '../run-instance.js';

/**
 * Test helper: one instance, driven by node id, remembering everything the
 * runtime returned. Not exported from the lib.
 */
export class InstanceDriver {
  snapshot!: InstanceSnapshot;
  fields: FieldValues = {};
  effects: Effect[] = [];
  lastEffects: Effect[] = [];
  transitions: TransitionRecord[] = [];
  path: string[] = [];

  private constructor(readonly compiled: CompiledWorkflow) {}

  static async start(
    definition: WorkflowDefinition,
    fields: FieldValues = {},
    requester?: string,
  ): Promise<InstanceDriver> {
    const driver = new InstanceDriver(compileDefinition(definition));
    const result = await startDetailed(driver.compiled, fields, requester === undefined ? {} : { requester });
    driver.absorb(result);
    return driver;
  }

  async send(event: RuntimeEvent, options: StepOptions = {}): Promise<this> {
    const result = await stepDetailed(this.compiled, this.snapshot, event, this.fields, options);
    this.absorb(result);
    return this;
  }

  taskKey(nodeId: string): string {
    const task = pendingWork(this.snapshot).tasks.find((t) => t.nodeId === nodeId);
    if (!task) throw new Error(`no open task at ${nodeId}: ${JSON.stringify(pendingWork(this.snapshot))}`);
    return task.taskKey;
  }

  timerKey(nodeId: string): string {
    const timer = pendingWork(this.snapshot).timers.find((t) => t.nodeId === nodeId);
    if (!timer) throw new Error(`no timer at ${nodeId}`);
    return timer.timerKey;
  }

  complete(nodeId: string, outcome?: string, fields?: FieldValues): Promise<this> {
    return this.send({
      type: 'task.complete',
      taskKey: this.taskKey(nodeId),
      actor: { id: 'agent' },
      ...(outcome ? { outcome } : {}),
      ...(fields ? { fields } : {}),
    });
  }

  decide(
    nodeId: string,
    decision: 'approved' | 'rejected',
    actor = 'approver',
    eligibleCount = 1,
  ): Promise<this> {
    return this.send({
      type: 'approval.decide',
      taskKey: this.taskKey(nodeId),
      decision,
      actor: { id: actor },
      eligibleCount,
    });
  }

  fire(nodeId: string): Promise<this> {
    return this.send({ type: 'timer.fire', timerKey: this.timerKey(nodeId) });
  }

  actionResult(nodeId: string, outcome: 'ok' | 'failed', fields?: FieldValues): Promise<this> {
    const action = pendingWork(this.snapshot).actions.find((a) => a.nodeId === nodeId);
    if (!action) throw new Error(`no action at ${nodeId}`);
    return this.send({
      type: 'action.result',
      actionKey: action.actionKey,
      outcome,
      ...(fields ? { fields } : {}),
    });
  }

  get status() {
    return this.snapshot.status;
  }

  get active() {
    return this.snapshot.activeNodes;
  }

  effectsOf<T extends Effect['type']>(type: T): Extract<Effect, { type: T }>[] {
    return this.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
  }

  private absorb(result: {
    snapshot: InstanceSnapshot;
    effects: Effect[];
    transitions: TransitionRecord[];
    fields: FieldValues;
    entered: string[];
  }): void {
    this.snapshot = result.snapshot;
    this.fields = result.fields;
    this.lastEffects = result.effects;
    this.effects.push(...result.effects);
    this.transitions.push(...result.transitions);
    this.path.push(...result.entered);
  }
}
