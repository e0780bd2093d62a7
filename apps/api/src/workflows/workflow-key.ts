import { invalid } from '../common/errors/domain-error.js';

const KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Throws a 400 naming the key unless it is a slug (lower case, digits, dashes). */
export function checkWorkflowKey(key: string): string {
  if (!KEY.test(key)) {
    throw invalid(
      'invalid-workflow-key',
      `Workflow key "${key.slice(0, 80)}" must be 1-64 lower-case letters, digits or dashes.`,
    );
  }
  return key;
}
