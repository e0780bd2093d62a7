import type { WorkflowDefinition } from '@ticketflow/definition';

/** Pretty JSON for export; the `$schema` stays if the definition has one. Pure. */
export function serializeDefinition(definition: WorkflowDefinition): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}

/** Why an imported file was refused; the message is a translation key suffix. */
export class DefinitionFileError extends Error {
  constructor(readonly reason: 'not-json' | 'not-a-definition') {
    super(
      reason === 'not-json'
        ? 'The file is not JSON.'
        : 'The file is not a workflow definition (it needs "nodes" and "edges").',
    );
  }
}

/**
 * Reads an imported file. Checks only the outline (object with nodes, edges,
 * fields arrays); the validator reports the rest like for any edit. Pure; throws
 * DefinitionFileError.
 */
export function parseDefinitionFile(text: string, key: string): WorkflowDefinition {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DefinitionFileError('not-json');
  }
  const d = data as Partial<WorkflowDefinition>;
  if (!d || typeof d !== 'object' || !Array.isArray(d.nodes) || !Array.isArray(d.edges)) {
    throw new DefinitionFileError('not-a-definition');
  }
  return { ...(d as WorkflowDefinition), fields: Array.isArray(d.fields) ? d.fields : [], key };
}

/** Starts a browser download of the definition. Side effect: clicks a temporary link. */
export function downloadDefinition(definition: WorkflowDefinition): void {
  const blob = new Blob([serializeDefinition(definition)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${definition.key}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
