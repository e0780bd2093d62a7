import { describe, expect, it } from 'vitest';
import { validateDefinition, type WorkflowDefinition } from '@ticketflow/definition';
import { checkScenario, type ScenarioFile } from './scenario-check.js';
import { simulate } from './simulate-workflow.js';

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
        expect(checkScenario(result, scenario.expect)).toEqual([]);
      });
    }
  });
}
