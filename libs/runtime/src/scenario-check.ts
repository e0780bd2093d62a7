import type { FieldValues } from '@ticketflow/definition';
import { pendingWork } from './pending-work.js';
import type { SimulationEvent, SimulationResult } from './simulate-workflow.js';

/** The shape of `workflows/*.scenarios.json` (workflows/README.md): one workflow, its scenarios. */
export interface ScenarioFile {
  workflow: string;
  scenarios: Scenario[];
}

export interface Scenario {
  name: string;
  fields: FieldValues;
  events: SimulationEvent[];
  expect: ScenarioExpectation;
}

/** What a scenario expects at its end; only the keys it gives are checked. */
export interface ScenarioExpectation {
  /** Node ids entered, in order. */
  path?: string[];
  /** Nodes whose tasks were created, in order. */
  tasks?: string[];
  /** A branch taken, with the condition's text and the values it saw. */
  branch?: { from: string; to: string; text: string; values?: FieldValues };
  status?: string;
  outcome?: string;
  /** Nodes still active (any order). */
  activeNodes?: string[];
  /** Timers still scheduled, by key (any order). */
  timers?: string[];
  /** Wait messages still awaited. */
  messages?: string[];
  /** Field values at the end (only the ones listed). */
  fields?: FieldValues;
}

/**
 * What a ticket looks like at the end of a scenario, however it was run: by the pure
 * simulation (`observeSimulation`) or through the real API (the API's template tests build
 * one from its answers and its database).
 */
export interface ScenarioObservation {
  /** An event that did not fit the ticket. */
  error?: { index: number; code: string; message: string };
  path: string[];
  tasks: string[];
  status: string;
  outcome?: string;
  activeNodes: string[];
  timers: string[];
  messages: string[];
  fields: FieldValues;
  transitions: { from: string | null; to: string | null; detail?: unknown }[];
}

/** One expectation that did not hold. */
export interface Mismatch {
  what: string;
  expected: string;
  actual: string;
}

/** The observation of a simulation's result. Pure. */
export function observeSimulation(result: SimulationResult): ScenarioObservation {
  const work = pendingWork(result.snapshot);
  return {
    ...(result.error ? { error: result.error } : {}),
    path: result.path,
    tasks: result.tasksCreated.map((task) => task.nodeId),
    status: result.status,
    ...(result.outcome !== undefined ? { outcome: result.outcome } : {}),
    activeNodes: result.activeNodes,
    timers: work.timers.map((timer) => timer.timerKey),
    messages: work.messages.map((message) => message.message),
    fields: result.fields,
    transitions: result.transitions,
  };
}

const show = (value: unknown): string => (value === undefined ? '(nothing)' : JSON.stringify(value));
const showList = (list: string[]): string => (list.length === 0 ? '(none)' : list.join(' → '));
const sorted = (list: string[]): string[] => [...list].sort();
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares what a scenario ended with against what it expects, key by key; only the keys
 * the scenario gives are checked. An event that did not fit is always a mismatch. The one
 * checker of scenario files: the CLI's `ticketflow test`, the runtime's and the API's tests. Pure.
 */
export function checkScenario(
  observed: ScenarioObservation | SimulationResult,
  want: ScenarioExpectation,
): Mismatch[] {
  const seen = 'snapshot' in observed ? observeSimulation(observed) : observed;
  const out: Mismatch[] = [];
  const list = (what: string, expected: string[] | undefined, actual: string[], anyOrder = false) => {
    if (!expected) return;
    const [e, a] = anyOrder ? [sorted(expected), sorted(actual)] : [expected, actual];
    if (!same(e, a)) out.push({ what, expected: showList(e), actual: showList(a) });
  };
  const value = (what: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && expected !== actual)
      out.push({ what, expected: show(expected), actual: show(actual) });
  };
  if (seen.error)
    out.push({
      what: `event ${seen.error.index + 1}`,
      expected: 'to fit the ticket',
      actual: `${seen.error.code}: ${seen.error.message}`,
    });
  list('path', want.path, seen.path);
  list('tasks', want.tasks, seen.tasks);
  value('status', want.status, seen.status);
  value('outcome', want.outcome, seen.outcome);
  list('activeNodes', want.activeNodes, seen.activeNodes, true);
  list('timers', want.timers, seen.timers, true);
  list('messages', want.messages, seen.messages);
  for (const [name, expected] of Object.entries(want.fields ?? {})) {
    if (!same(expected, seen.fields[name]))
      out.push({ what: `fields.${name}`, expected: show(expected), actual: show(seen.fields[name]) });
  }
  if (want.branch) out.push(...checkBranch(seen, want.branch));
  return out;
}

function checkBranch(
  seen: ScenarioObservation,
  branch: NonNullable<ScenarioExpectation['branch']>,
): Mismatch[] {
  const { from, to, text, values } = branch;
  const move = seen.transitions.find((t) => t.from === from && t.to === to);
  if (!move) return [{ what: `branch ${from} → ${to}`, expected: 'taken', actual: 'not taken' }];
  const detail = move.detail as { text?: string; values?: FieldValues } | undefined;
  const out: Mismatch[] = [];
  if (detail?.text !== text)
    out.push({ what: `branch ${from} → ${to} text`, expected: show(text), actual: show(detail?.text) });
  if (values && !same(values, detail?.values))
    out.push({ what: `branch ${from} → ${to} values`, expected: show(values), actual: show(detail?.values) });
  return out;
}

/** The readable diff of one failing scenario, indented for a list of scenarios. Pure. */
export function formatMismatches(mismatches: Mismatch[]): string[] {
  return mismatches.flatMap((m) => [
    `      ${m.what}`,
    `        expected: ${m.expected}`,
    `        actual:   ${m.actual}`,
  ]);
}
