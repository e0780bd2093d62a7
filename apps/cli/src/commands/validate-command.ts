import { validateDefinition, type Problem } from '@ticketflow/definition';
import { EXIT, readJsonFile, type CliIo } from '../cli-io.js';

/**
 * Lines describing one definition's problems, errors first, each with its
 * code and the node or edge it concerns. Pure.
 */
export function formatProblems(path: string, problems: Problem[]): string[] {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return [`✓ ${path}: valid`];
  const head =
    errors > 0
      ? `✗ ${path}: ${errors} error(s), ${warnings} warning(s)`
      : `✓ ${path}: valid, ${warnings} warning(s)`;
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return [
    head,
    ...sorted.map((p) => `    ${p.severity.padEnd(7)} ${p.code.padEnd(24)} ${where(p)}${p.message}`),
  ];
}

function where(problem: Problem): string {
  if (problem.edgeId) return `edge ${problem.edgeId}: `;
  if (problem.nodeId) return `node ${problem.nodeId}: `;
  return '';
}

/** A `*.scenarios.json` file caught by a glob such as `workflows/*.json`. Pure. */
function isScenarioFile(value: unknown): boolean {
  const v = value as Record<string, unknown> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    !('schemaVersion' in v) &&
    typeof v.workflow === 'string' &&
    Array.isArray(v.scenarios)
  );
}

/**
 * `ticketflow validate <file…>`: runs `validateDefinition` (the server's
 * checks) on each file; scenario files are skipped. Exit 1 when any file has an error or cannot be read.
 * Side effects: reads the files, prints.
 */
export async function validateCommand(io: CliIo, files: string[]): Promise<number> {
  let failed = false;
  for (const path of files) {
    const read = await readJsonFile(io, path);
    if (!read.ok) {
      io.out(`✗ ${read.message}`);
      failed = true;
      continue;
    }
    if (isScenarioFile(read.value)) {
      io.out(`- ${path}: a scenarios file, skipped (run \`ticketflow test ${path}\`)`);
      continue;
    }
    const result = validateDefinition(read.value);
    for (const line of formatProblems(path, result.problems)) io.out(line);
    if (!result.valid) failed = true;
  }
  return failed ? EXIT.problems : EXIT.ok;
}
