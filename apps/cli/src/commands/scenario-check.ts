import type { FieldValues } from '@ticketflow/definition';
import { pendingWork, type SimulationEvent, type SimulationResult } from '@ticketflow/runtime';

/** The shape of `workflows/*.scenarios.json` (workflows/README.md). */
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

export interface ScenarioExpectation {
  path?: string[];
  tasks?: string[];
  branch?: { from: string; to: string; text: string; values?: FieldValues };
  status?: string;
  outcome?: string;
  activeNodes?: string[];
  timers?: string[];
  messages?: string[];
  fields?: FieldValues;
}

/** One expectation that did not hold. */
export interface Mismatch {
  what: string;
  expected: string;
  actual: string;
}

const show = (value: unknown): string => (value === undefined ? '(nothing)' : JSON.stringify(value));
const showPath = (list: string[]): string => (list.length === 0 ? '(none)' : list.join(' → '));

/**
 * Compares a simulation's result with a scenario's expectations, key by key;
 * only the keys the scenario gives are checked. An event that did not fit is
 * always a mismatch. Pure.
 */
export function checkScenario(result: SimulationResult, want: ScenarioExpectation): Mismatch[] {
  const out: Mismatch[] = [];
  const list = (what: string, expected: string[] | undefined, actual: string[]) => {
    if (expected && JSON.stringify(expected) !== JSON.stringify(actual))
      out.push({ what, expected: showPath(expected), actual: showPath(actual) });
  };
  const value = (what: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && expected !== actual)
      out.push({ what, expected: show(expected), actual: show(actual) });
  };
  if (result.error)
    out.push({
      what: `event ${result.error.index + 1}`,
      expected: 'to fit the ticket',
      actual: `${result.error.code}: ${result.error.message}`,
    });
  const work = pendingWork(result.snapshot);
  list('path', want.path, result.path);
  list(
    'tasks',
    want.tasks,
    result.tasksCreated.map((t) => t.nodeId),
  );
  value('status', want.status, result.status);
  value('outcome', want.outcome, result.outcome);
  list('activeNodes', want.activeNodes, result.activeNodes);
  list(
    'timers',
    want.timers,
    work.timers.map((t) => t.timerKey),
  );
  list(
    'messages',
    want.messages,
    work.messages.map((m) => m.message),
  );
  for (const [name, expected] of Object.entries(want.fields ?? {})) {
    if (JSON.stringify(expected) !== JSON.stringify(result.fields[name]))
      out.push({ what: `fields.${name}`, expected: show(expected), actual: show(result.fields[name]) });
  }
  if (want.branch) {
    const { from, to, text, values } = want.branch;
    const move = result.transitions.find((t) => t.from === from && t.to === to);
    const detail = move?.detail as { text?: string; values?: FieldValues } | undefined;
    if (!move) out.push({ what: `branch ${from} → ${to}`, expected: 'taken', actual: 'not taken' });
    else {
      if (detail?.text !== text)
        out.push({ what: `branch ${from} → ${to} text`, expected: show(text), actual: show(detail?.text) });
      if (values && JSON.stringify(values) !== JSON.stringify(detail?.values))
        out.push({
          what: `branch ${from} → ${to} values`,
          expected: show(values),
          actual: show(detail?.values),
        });
    }
  }
  return out;
}

/** The readable diff of one failing scenario. Pure. */
export function formatMismatches(mismatches: Mismatch[]): string[] {
  return mismatches.flatMap((m) => [
    `      ${m.what}`,
    `        expected: ${m.expected}`,
    `        actual:   ${m.actual}`,
  ]);
}
