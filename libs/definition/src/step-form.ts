import type { AttachmentRule, FieldDefinition, FormEntry, WorkflowNode } from './definition.types.js';
import { isRecord } from './structure-reader.js';

/** A form entry after defaults: `required` is always set (false for read-only entries). */
export interface ResolvedFormEntry {
  field: string;
  mode: 'read' | 'edit';
  required: boolean;
  note?: string;
}

/**
 * The raw form entries a task or approval declares, in either accepted shape
 * (`{ fields: [...] }` or the older `[{ field, required }]`, read as edits), or
 * null when it declares none. Malformed entries are skipped. Pure.
 */
export function declaredFormEntries(node: WorkflowNode | Record<string, unknown>): FormEntry[] | null {
  if (node.type !== 'task' && node.type !== 'approval') return null;
  const form = (node as { form?: unknown }).form;
  if (form === undefined || form === null) return null;
  const list: unknown[] = Array.isArray(form)
    ? form
    : isRecord(form) && Array.isArray(form.fields)
      ? form.fields
      : [];
  const legacy = Array.isArray(form);
  const entries: FormEntry[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.field !== 'string') continue;
    const mode = legacy ? 'edit' : item.mode === 'edit' ? 'edit' : 'read';
    entries.push({
      field: item.field,
      mode,
      ...(mode === 'edit' && item.required === true ? { required: true } : {}),
      ...(typeof item.note === 'string' && item.note !== '' ? { note: item.note } : {}),
    });
  }
  return entries;
}

/**
 * The form a step works with: the declared entries (unknown fields dropped, a
 * field listed twice kept once), or — when the step declares none — every
 * workflow field read-only. The older list shape also shows the workflow's
 * other fields read-only, as those steps did. Pure.
 */
export function resolveStepForm(node: WorkflowNode, fields: readonly FieldDefinition[]): ResolvedFormEntry[] {
  const known = new Set(fields.map((field) => field.name));
  const declared = declaredFormEntries(node);
  const entries: ResolvedFormEntry[] = [];
  const seen = new Set<string>();
  for (const entry of declared ?? []) {
    if (!known.has(entry.field) || seen.has(entry.field)) continue;
    seen.add(entry.field);
    entries.push({
      field: entry.field,
      mode: entry.mode,
      required: entry.required === true,
      ...(entry.note ? { note: entry.note } : {}),
    });
  }
  const showsAll = declared === null || Array.isArray((node as { form?: unknown }).form);
  if (showsAll) {
    for (const field of fields)
      if (!seen.has(field.name)) entries.push({ field: field.name, mode: 'read', required: false });
  }
  return entries;
}

/**
 * What a task's or approval's form asks of the ticket's files, or null when it
 * asks nothing (`form.attachments`; the older list-shaped form has none). Pure.
 */
export function attachmentRuleOf(node: WorkflowNode | Record<string, unknown>): AttachmentRule | null {
  if (node.type !== 'task' && node.type !== 'approval') return null;
  const form = (node as { form?: unknown }).form;
  if (!isRecord(form) || !isRecord(form.attachments)) return null;
  const { required, note } = form.attachments;
  return {
    ...(required === true ? { required: true } : {}),
    ...(typeof note === 'string' && note !== '' ? { note } : {}),
  };
}
