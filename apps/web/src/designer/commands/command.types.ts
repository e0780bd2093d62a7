import type { WorkflowDefinition } from '@ticketflow/definition';

/** The named edits of the Designer (docs/style.md rule 6). */
export type CommandType =
  | 'node.add'
  | 'node.append'
  | 'node.insert'
  | 'node.move'
  | 'node.update'
  | 'node.remove'
  | 'edge.connect'
  | 'edge.update'
  | 'edge.remove'
  | 'branches.reorder'
  | 'branches.otherwise'
  | 'field.add'
  | 'field.update'
  | 'field.remove'
  | 'layout.apply'
  | 'workflow.update'
  | 'workflow.import'
  | 'clipboard.paste'
  | 'selection.remove';

/**
 * One undoable edit. `do` and `undo` are pure: they take a definition and return a
 * new one, sharing every untouched node/edge object (the canvas relies on that to
 * re-render only what changed).
 */
export interface Command {
  type: CommandType;
  /**
   * Consecutive commands with the same merge key collapse into one undo step
   * (typing a name letter by letter is one edit, not twelve).
   */
  mergeKey?: string;
  do: (definition: WorkflowDefinition) => WorkflowDefinition;
  undo: (definition: WorkflowDefinition) => WorkflowDefinition;
}
