import type { CompiledWorkflow } from '@ticketflow/compiler';
import type { FieldValues } from '@ticketflow/definition';
import type { InstanceSnapshot, RuntimeEvent, StepResult } from './runtime.types.js';
import { activePaths } from './active-states.js';
import { handleEvent } from './handle-event.js';
import { emptyWork, type RuntimeBook } from './runtime-book.types.js';
import { RuntimeError } from './runtime-error.js';
import { Session } from './step-session.js';
import { settle } from './route-automatically.js';

/** Default bound on automatic steps per event (docs/architecture.md, execution model). */
export const MAX_AUTO_STEPS = 1000;

export interface StartOptions {
  /** User id of the ticket's requester (separation of duties on approvals). */
  requester?: string;
  /** Bound on automatic steps; default {@link MAX_AUTO_STEPS}. */
  maxAutoSteps?: number;
}

export interface StepOptions {
  maxAutoSteps?: number;
}

/** A step's result plus the node ids entered, in order (used by `simulate`). */
export interface DetailedStepResult extends StepResult {
  entered: string[];
}

/**
 * Starts a new instance: enters the start node and routes automatically until
 * the first waiting step (or the end). Returns the snapshot to persist, the
 * effects to perform after persisting, and the transitions to record.
 * Pure: creates nothing anywhere; the caller performs the effects.
 */
export async function start(
  compiled: CompiledWorkflow,
  fields: FieldValues,
  options: StartOptions = {},
): Promise<StepResult> {
  return stripEntered(await startDetailed(compiled, fields, options));
}

/**
 * Applies one event to a persisted instance: restores the XState actor from
 * the snapshot, applies the event, then keeps routing automatically
 * (decisions, set-fields actions, joins) until the instance waits again, ends
 * or exceeds the automatic-step bound (status `incident`). Throws
 * {@link RuntimeError} — and changes nothing — for events the instance does
 * not expect (a task not open, a timer already cancelled, ...). Pure: the
 * input snapshot and fields are not modified; effects are returned.
 */
export async function step(
  compiled: CompiledWorkflow,
  snapshot: InstanceSnapshot,
  event: RuntimeEvent,
  fields: FieldValues,
  options: StepOptions = {},
): Promise<StepResult> {
  return stripEntered(await stepDetailed(compiled, snapshot, event, fields, options));
}

/** {@link start} plus the nodes entered. Pure. */
export async function startDetailed(
  compiled: CompiledWorkflow,
  fields: FieldValues,
  options: StartOptions = {},
): Promise<DetailedStepResult> {
  const book: RuntimeBook = { xstate: null, open: emptyWork(), votes: {} };
  if (options.requester !== undefined) book.requester = options.requester;
  const session = new Session(
    compiled,
    book,
    { ...fields },
    { status: 'active' },
    options.maxAutoSteps ?? MAX_AUTO_STEPS,
  );
  session.begin(true);
  await settle(session);
  return resultOf(session);
}

/** {@link step} plus the nodes entered. Pure. */
export async function stepDetailed(
  compiled: CompiledWorkflow,
  snapshot: InstanceSnapshot,
  event: RuntimeEvent,
  fields: FieldValues,
  options: StepOptions = {},
): Promise<DetailedStepResult> {
  const fromIncident =
    (event.type === 'cancel' || event.type === 'action.retry') && snapshot.status === 'incident';
  if (event.type === 'action.retry' && snapshot.status === 'active') {
    throw new RuntimeError(
      'not-in-incident',
      'The instance is active; only an instance in incident retries an action.',
      { actionKey: event.actionKey },
    );
  }
  if (snapshot.status !== 'active' && !fromIncident) {
    throw new RuntimeError(
      'instance-not-active',
      `The instance is ${snapshot.status}; it accepts no more events.`,
      { status: snapshot.status },
    );
  }
  const book = readBook(compiled, snapshot);
  const session = new Session(
    compiled,
    book,
    { ...fields },
    { status: 'active', outcome: snapshot.outcome },
    options.maxAutoSteps ?? MAX_AUTO_STEPS,
  );
  session.begin(false);
  handleEvent(session, event);
  await settle(session);
  return resultOf(session);
}

function readBook(compiled: CompiledWorkflow, snapshot: InstanceSnapshot): RuntimeBook {
  const machine = snapshot.machine as Partial<RuntimeBook> | null;
  if (snapshot.format !== 1 || !machine || typeof machine !== 'object' || !machine.xstate || !machine.open) {
    throw new RuntimeError('invalid-snapshot', 'This is not a snapshot the runtime wrote (format 1).');
  }
  const known = new Set(
    Object.keys(compiled.placements).flatMap((path) =>
      path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const unknown = activePaths((machine.xstate as { value?: unknown }).value).filter(
    (path) => !known.has(path),
  );
  if (unknown.length > 0) {
    throw new RuntimeError(
      'invalid-snapshot',
      `The snapshot is in states this workflow version does not have (${unknown.join(', ')}); was it compiled from another version?`,
    );
  }
  // A deep copy: the caller's snapshot stays untouched even if the step fails.
  const book = JSON.parse(JSON.stringify(machine)) as RuntimeBook;
  // Snapshots written before sub-flows existed have no list of them.
  book.open.subflows ??= [];
  return book;
}

function resultOf(session: Session): DetailedStepResult {
  return {
    snapshot: session.snapshot(),
    effects: session.effects,
    transitions: session.transitions,
    fields: session.fields,
    entered: session.entered,
  };
}

function stripEntered(result: DetailedStepResult): StepResult {
  const { entered: _entered, ...rest } = result;
  return rest;
}
