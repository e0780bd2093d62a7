import { describe, expect, it } from 'vitest';
import { validateDefinition, type FieldValues, type WorkflowDefinition } from '@ticketflow/definition';
import { pendingWork } from './pending-work.js';
import { simulate, type SimulationEvent } from './simulate-workflow.js';

/** The shape of `workflows/*.scenarios.json` (documented in workflows/README.md). */
interface ScenarioFile {
  workflow: string;
  scenarios: {
    name: string;
    fields: FieldValues;
    events: SimulationEvent[];
    expect: {
      path?: string[];
      tasks?: string[];
      branch?: { from: string; to: string; text: string; values?: FieldValues };
      status?: string;
      outcome?: string;
      activeNodes?: string[];
      timers?: string[];
      /** Wait messages still awaited at the end. */
      messages?: string[];
      /** Field values at the end (only the ones listed are compared). */
      fields?: FieldValues;
    };
  }[];
}

// Vite's glob import: the files are found at test time, so a new workflow needs no edit here.
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
  }
}

const definitions = import.meta.glob<WorkflowDefinition & { schemaVersion?: unknown }>(
  '../../../workflows/*.json',
  { eager: true, import: 'default' },
);
const scenarioFiles = import.meta.glob<ScenarioFile>('../../../workflows/*.scenarios.json', {
  eager: true,
  import: 'default',
});
const workflowFiles = Object.entries(definitions).filter(
  ([path, json]) => !path.endsWith('.scenarios.json') && json.schemaVersion !== undefined,
);
const byKey = new Map(workflowFiles.map(([, definition]) => [definition.key, definition]));

describe('workflows/ folder', () => {
  it('has a scenario file for every workflow, named after it', () => {
    expect(workflowFiles.length).toBeGreaterThan(1);
    for (const [path, definition] of workflowFiles) {
      const name = path.split('/').pop();
      expect(name).toBe(`${definition.key}.json`);
      expect(Object.keys(scenarioFiles)).toContain(path.replace(/\.json$/, '.scenarios.json'));
    }
  });
});

for (const [path, file] of Object.entries(scenarioFiles)) {
  describe(path.replace('../../../', ''), () => {
    const definition = byKey.get(file.workflow);

    it('names a workflow in the folder, and that workflow is valid without warnings', () => {
      expect(definition, `no workflows/${file.workflow}.json`).toBeDefined();
      expect(validateDefinition(definition).problems).toEqual([]);
    });

    for (const scenario of file.scenarios) {
      it(scenario.name, async () => {
        const result = await simulate(definition as WorkflowDefinition, scenario.fields, scenario.events);
        const want = scenario.expect;
        expect(result.error).toBeUndefined();
        if (want.path) expect(result.path).toEqual(want.path);
        if (want.tasks) expect(result.tasksCreated.map((t) => t.nodeId)).toEqual(want.tasks);
        if (want.status) expect(result.status).toBe(want.status);
        if (want.outcome) expect(result.outcome).toBe(want.outcome);
        if (want.activeNodes) expect(result.activeNodes).toEqual(want.activeNodes);
        if (want.timers)
          expect(pendingWork(result.snapshot).timers.map((t) => t.timerKey)).toEqual(want.timers);
        if (want.messages)
          expect(pendingWork(result.snapshot).messages.map((m) => m.message)).toEqual(want.messages);
        if (want.fields) expect(result.fields).toMatchObject(want.fields);
        if (want.branch) {
          const { from, to, ...detail } = want.branch;
          const move = result.transitions.find((t) => t.from === from && t.to === to);
          expect(move?.detail).toMatchObject(detail);
        }
      });
    }
  });
}
