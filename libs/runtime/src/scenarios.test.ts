import { describe, expect, it } from 'vitest';
import { validateDefinition, type FieldValues, type WorkflowDefinition } from '@ticketflow/definition';
import refundApproval from '../../../workflows/refund-approval.json' with { type: 'json' };
import refundScenarios from '../../../workflows/refund-approval.scenarios.json' with { type: 'json' };
import { pendingWork } from './pending-work.js';
import { simulate, type SimulationEvent } from './simulate-workflow.js';

/** The shape of `workflows/*.scenarios.json`. */
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
    };
  }[];
}

const WORKFLOWS: [WorkflowDefinition, ScenarioFile][] = [[refundApproval as WorkflowDefinition, refundScenarios as ScenarioFile]];

for (const [definition, file] of WORKFLOWS) {
  describe(`workflows/${file.workflow}.json`, () => {
    it('is the workflow the scenario file names, and it is valid', () => {
      expect(definition.key).toBe(file.workflow);
      expect(validateDefinition(definition).problems).toEqual([]);
    });

    for (const scenario of file.scenarios) {
      it(scenario.name, async () => {
        const result = await simulate(definition, scenario.fields, scenario.events);
        const want = scenario.expect;
        expect(result.error).toBeUndefined();
        if (want.path) expect(result.path).toEqual(want.path);
        if (want.tasks) expect(result.tasksCreated.map((t) => t.nodeId)).toEqual(want.tasks);
        if (want.status) expect(result.status).toBe(want.status);
        if (want.outcome) expect(result.outcome).toBe(want.outcome);
        if (want.activeNodes) expect(result.activeNodes).toEqual(want.activeNodes);
        if (want.timers) expect(pendingWork(result.snapshot).timers.map((t) => t.timerKey)).toEqual(want.timers);
        if (want.branch) {
          const { from, to, ...detail } = want.branch;
          const move = result.transitions.find((t) => t.from === from && t.to === to);
          expect(move?.detail).toMatchObject(detail);
        }
      });
    }
  });
}
