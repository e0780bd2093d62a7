import { basename, dirname, join } from 'node:path';
import { validateDefinition, type WorkflowDefinition } from '@ticketflow/definition';
import { checkScenario, formatMismatches, simulate, type ScenarioFile } from '@ticketflow/runtime';
import { EXIT, readJsonFile, type CliIo } from '../cli-io.js';

/** Where the definition of a scenario file is: `--definition`, else `<workflow>.json` beside it. Pure. */
export function definitionPathFor(scenarioPath: string, workflow: string, explicit?: string): string {
  return explicit ?? join(dirname(scenarioPath), `${workflow}.json`);
}

function isScenarioFile(value: unknown): value is ScenarioFile {
  const file = value as Partial<ScenarioFile> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.workflow === 'string' &&
    Array.isArray(file.scenarios)
  );
}

/**
 * `ticketflow test <scenarios-file…>`: runs each scenario offline through the
 * runtime's `simulate` (HTTP calls and messages are the scenario's events) and
 * prints a readable diff for each failure. Exit 1 when any scenario fails or
 * a definition is invalid. Side effects: reads files, prints.
 */
export async function testCommand(
  io: CliIo,
  files: string[],
  options: { definition?: string } = {},
): Promise<number> {
  let passed = 0;
  let failed = 0;
  for (const path of files) {
    const read = await readJsonFile(io, path);
    if (!read.ok || !isScenarioFile(read.value)) {
      io.out(
        `✗ ${read.ok ? `${path}: not a scenario file (needs "workflow" and "scenarios")` : read.message}`,
      );
      failed += 1;
      continue;
    }
    const file = read.value;
    const definitionPath = definitionPathFor(path, file.workflow, options.definition);
    const definition = await readJsonFile(io, definitionPath);
    if (!definition.ok) {
      io.out(`✗ ${basename(path)}: cannot read the workflow: ${definition.message}`);
      failed += 1;
      continue;
    }
    const validation = validateDefinition(definition.value);
    if (!validation.valid) {
      io.out(`✗ ${definitionPath}: invalid, run \`ticketflow validate ${definitionPath}\``);
      failed += 1;
      continue;
    }
    io.out(`${path} (${file.workflow})`);
    for (const scenario of file.scenarios) {
      const result = await simulate(
        definition.value as WorkflowDefinition,
        scenario.fields ?? {},
        scenario.events ?? [],
      );
      const mismatches = checkScenario(result, scenario.expect ?? {});
      if (mismatches.length === 0) {
        passed += 1;
        io.out(`  ✓ ${scenario.name}`);
      } else {
        failed += 1;
        io.out(`  ✗ ${scenario.name}`);
        for (const line of formatMismatches(mismatches)) io.out(line);
      }
    }
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? EXIT.problems : EXIT.ok;
}
