/** Workflow keys are slugs: lowercase letters, digits and dashes, starting with a letter. */
export const WORKFLOW_KEY_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

/** "Refund approval" -> "refund-approval". Pure. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}
