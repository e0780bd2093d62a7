import { create } from 'zustand';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { editFor } from '../commands/apply-command';
import type { DesignerCommand } from '../commands/designer-command';
import { emptyStack, execute, redo, undo, type CommandStack } from '../commands/command-stack';
import { emptyDefinition } from '../model/node-catalog';
import type { DraftConflictDetails, Problem } from '@ticketflow/contract';

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';

export interface DesignerState {
  definition: WorkflowDefinition;
  stack: CommandStack;
  selection: Selection;
  /** Bumped by every edit, undo and redo; compared with `savedChange` to know if there is unsaved work. */
  change: number;
  savedChange: number;
  /** Server revision the current definition is based on; null for a workflow never saved. */
  revision: number | null;
  saveStatus: SaveStatus;
  saveError: string | null;
  conflict: DraftConflictDetails | null;
  problems: Problem[];
  /** Ask the canvas to centre on an element (problems list click); `seq` makes repeats count. */
  focus: { nodeId?: string; edgeId?: string; seq: number } | null;

  load: (definition: WorkflowDefinition, revision: number | null) => void;
  /** Every command applied since the last load, in order (capped), for logging and replay. */
  log: DesignerCommand[];
  /** Applies one edit through the reducer, records it for undo and in the log. */
  dispatch: (command: DesignerCommand) => void;
  undo: () => void;
  redo: () => void;
  select: (selection: Selection) => void;
  focusOn: (target: { nodeId?: string; edgeId?: string }) => void;
  setProblems: (problems: Problem[]) => void;
  saveStarted: () => void;
  saveSucceeded: (revision: number, change: number) => void;
  saveFailed: (message: string) => void;
  saveConflicted: (details: DraftConflictDetails) => void;
}

const EMPTY_SELECTION: Selection = { nodeIds: [], edgeIds: [] };
/** How many commands the log keeps. */
const MAX_LOG = 1000;

/** Drops selected ids that no longer exist (after a remove or an undo of an add). */
function pruneSelection(selection: Selection, definition: WorkflowDefinition): Selection {
  if (selection.nodeIds.length === 0 && selection.edgeIds.length === 0) return selection;
  const nodes = new Set(definition.nodes.map((n) => n.id));
  const edges = new Set(definition.edges.map((e) => e.id));
  const nodeIds = selection.nodeIds.filter((id) => nodes.has(id));
  const edgeIds = selection.edgeIds.filter((id) => edges.has(id));
  return nodeIds.length === selection.nodeIds.length && edgeIds.length === selection.edgeIds.length
    ? selection
    : { nodeIds, edgeIds };
}

/**
 * The Designer's one source of truth: the definition being edited, its undo
 * history, selection and save state. Every edit is a plain-data command passed to `dispatch`
 * (applied by `applyCommand`'s reducer, see commands/designer-command.ts).
 */
export const useDesignerStore = create<DesignerState>()((set, get) => {
  const applied = (result: { stack: CommandStack; definition: WorkflowDefinition }) => {
    const { change, selection } = get();
    set({
      stack: result.stack,
      definition: result.definition,
      change: change + 1,
      selection: pruneSelection(selection, result.definition),
    });
  };
  return {
    definition: emptyDefinition('untitled', 'Untitled'),
    stack: emptyStack(),
    selection: EMPTY_SELECTION,
    change: 0,
    savedChange: 0,
    revision: null,
    saveStatus: 'idle',
    saveError: null,
    conflict: null,
    problems: [],
    focus: null,

    load: (definition, revision) =>
      set({
        definition,
        revision,
        stack: emptyStack(),
        log: [],
        selection: EMPTY_SELECTION,
        change: 0,
        savedChange: 0,
        saveStatus: revision === null ? 'idle' : 'saved',
        saveError: null,
        conflict: null,
        problems: [],
        focus: null,
      }),
    log: [],
    dispatch: (command) => {
      const { stack, definition, log } = get();
      const edit = editFor(definition, command);
      if (!edit) return;
      applied(execute(stack, definition, edit));
      set({ log: [...log, command].slice(-MAX_LOG) });
    },
    undo: () => {
      if (get().stack.past.length) applied(undo(get().stack, get().definition));
    },
    redo: () => {
      if (get().stack.future.length) applied(redo(get().stack, get().definition));
    },
    select: (selection) => set({ selection }),
    focusOn: (target) =>
      set({
        focus: { ...target, seq: (get().focus?.seq ?? 0) + 1 },
        selection: {
          nodeIds: target.nodeId ? [target.nodeId] : [],
          edgeIds: target.edgeId ? [target.edgeId] : [],
        },
      }),
    setProblems: (problems) => set({ problems }),
    saveStarted: () => set({ saveStatus: 'saving', saveError: null }),
    saveSucceeded: (revision, change) =>
      set({ revision, savedChange: change, saveStatus: 'saved', conflict: null, saveError: null }),
    saveFailed: (message) => set({ saveStatus: 'error', saveError: message }),
    saveConflicted: (details) => set({ saveStatus: 'conflict', conflict: details }),
  };
});

/** True when there are edits not yet saved to the server. */
export const selectDirty = (s: DesignerState) => s.change !== s.savedChange || s.revision === null;
