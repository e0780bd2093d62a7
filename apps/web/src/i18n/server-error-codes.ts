import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every error code the API can answer with, found by reading its sources (a
 * test helper, not shipped: it reads files). Codes come from
 *  - the domain-error helpers: `invalid('code', …)`, `forbidden(…)`, `conflict(…)`,
 *    `unprocessable(…)`, `tooManyRequests(…)`, `unavailable(…)`, `new DomainError(401, 'code', …)`;
 *  - `notFound('Ticket', id)`, which answers `ticket-not-found`;
 *  - `code: 'x'` literals in the exception filter (body-parser and 500 answers);
 *  - the runtime's refusals of kind user or operational (`RUNTIME_ERRORS` in libs/runtime), passed through by the engine;
 *  - the codes the filter derives from Nest's own exceptions (a guard's 403, …), and the web's `network-error`.
 */
export function collectServerErrorCodes(repoRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  const add = (code: string, file: string) => {
    if (!found.has(code)) found.set(code, file.slice(repoRoot.length + 1));
  };
  for (const file of sourceFiles(join(repoRoot, 'apps/api/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /\b(?:invalid|forbidden|conflict|unprocessable|tooManyRequests|unavailable|tooLarge)\(\s*'([a-z][a-z0-9-]*)'/g,
    ))
      add(m[1]!, file);
    for (const m of text.matchAll(/new DomainError\(\s*\d{3},\s*'([a-z][a-z0-9-]*)'/g)) add(m[1]!, file);
    // notFound('Ticket', id) or notFound(byTask ? 'Task' : 'Instance', id): every capitalised literal on the line.
    for (const line of text.split('\n').filter((l) => l.includes('notFound('))) {
      for (const m of line.matchAll(/'([A-Z][A-Za-z ]*)'/g))
        add(`${m[1]!.toLowerCase().replace(/\s+/g, '-')}-not-found`, file);
    }
    if (file.includes('/common/errors/') || file.includes('/common/http/')) {
      for (const m of text.matchAll(/\bcode: '([a-z][a-z0-9-]*)'/g)) add(m[1]!, file);
      for (const m of text.matchAll(/'([a-z]+-not-found)'/g)) add(m[1]!, file);
    }
  }
  for (const code of FRAMEWORK_CODES) add(code, 'apps/api/src/common/errors/domain-exception.filter.ts');
  const runtimeErrors = join(repoRoot, 'libs/runtime/src/runtime-error.ts');
  // The runtime's refusals that reach clients: every code of RUNTIME_ERRORS but the unexpected ones (answered 500 internal-error).
  for (const m of readFileSync(runtimeErrors, 'utf8').matchAll(
    /'([a-z][a-z0-9-]*)': \{ kind: '(user|operational)'/g,
  ))
    add(m[1]!, runtimeErrors);
  return found;
}

const FRAMEWORK_CODES = ['forbidden', 'unauthorized', 'bad-request', 'network-error'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Files whose error `details` carry per-field codes (`{ field, code, params }`) that the web says as `fieldRules.<code>`. */
const FIELD_RULE_SOURCES = [
  'apps/api/src/common/validation/validation-details.ts',
  'apps/api/src/automation/check-rule.ts',
  'apps/api/src/tickets/field-values.ts',
  'apps/api/src/tasks/step-form-check.ts',
  'apps/api/src/catalogue/catalogue.service.ts',
];

/** Every per-field code the API puts in an error's details, found by reading those files (a test helper). */
export function collectFieldRuleCodes(repoRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of FIELD_RULE_SOURCES) {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    const codes = [
      ...text.matchAll(/\bcode: '([a-z][a-z0-9-]*)'/g),
      ...text.matchAll(/\.add\(\s*[^,()]+,\s*'([a-z][a-z0-9-]*)'/g),
    ].map((m) => m[1]!);
    // The catalogue service's own error codes are server errors, not field codes.
    for (const code of codes)
      if (!found.has(code) && !/^invalid-|^unknown-workflow$/.test(code)) found.set(code, file);
  }
  return found;
}
