import type { WorkflowDefinition } from '@ticketflow/definition';
import { chooseOtherwise, reorderBranches } from './branch-commands';
import { appendNode, insertOnEdge } from './build-commands';
import type { Command } from './command.types';
import type { DesignerCommand } from './designer-command';
import { connectEdge, removeEdges, updateEdge } from './edge-commands';
import { addField, removeField, updateField } from './field-commands';
import {
  applyLayout,
  compound,
  importDefinition,
  pasteElements,
  setWorkflowFlag,
  updateWorkflow,
} from './misc-commands';
import { addNode, moveNodes, removeNodes, updateNode } from './node-commands';

/**
 * Turns a command into the undoable edit it stands for on `definition`: what it replaces is read
 * from the definition, so the command itself stays plain data. Null when it no longer applies
 * (the node or edge it names is gone). Pure.
 */
export function editFor(definition: WorkflowDefinition, command: DesignerCommand): Command | null {
  const edit = buildEdit(definition, command);
  return edit && command.mergeKey !== undefined ? { ...edit, mergeKey: command.mergeKey } : edit;
}

function buildEdit(definition: WorkflowDefinition, command: DesignerCommand): Command | null {
  switch (command.type) {
    case 'node.add':
      return addNode(command.payload.node);
    case 'node.append':
      return appendNode(definition, command.payload.node, command.payload.from);
    case 'node.insert':
      return insertOnEdge(definition, command.payload.edgeId, command.payload.node, command.payload.isNew);
    case 'node.move': {
      const at = new Map(definition.nodes.map((n) => [n.id, n.position]));
      const moves = command.payload.moves.filter((m) => at.has(m.id));
      return moves.length ? moveNodes(moves.map((m) => ({ id: m.id, from: at.get(m.id), to: m.to }))) : null;
    }
    case 'node.update': {
      const before = definition.nodes.find((n) => n.id === command.payload.node.id);
      return before ? updateNode(before, command.payload.node) : null;
    }
    case 'node.remove':
      return removeNodes(definition, command.payload.nodeIds, command.payload.edgeIds);
    case 'edge.connect':
      return connectEdge(command.payload.edge);
    case 'edge.update': {
      const before = definition.edges.find((e) => e.id === command.payload.edge.id);
      return before ? updateEdge(before, command.payload.edge) : null;
    }
    case 'edge.remove':
      return removeEdges(definition, command.payload.edgeIds);
    case 'branches.reorder':
      return reorderBranches(definition, command.payload.decisionId, command.payload.edgeIds);
    case 'branches.otherwise':
      return chooseOtherwise(definition, command.payload.decisionId, command.payload.edgeId);
    case 'field.add':
      return addField(command.payload.field);
    case 'field.update': {
      const before = definition.fields[command.payload.index];
      return before ? updateField(command.payload.index, before, command.payload.field) : null;
    }
    case 'field.remove': {
      const field = definition.fields[command.payload.index];
      return field ? removeField(command.payload.index, field) : null;
    }
    case 'layout.apply':
      return applyLayout(definition, new Map(Object.entries(command.payload.positions)));
    case 'workflow.update':
      return updateWorkflow({ name: definition.name, description: definition.description }, command.payload);
    case 'workflow.flag':
      return setWorkflowFlag(command.payload.flag, definition[command.payload.flag], command.payload.on);
    case 'workflow.import':
      return importDefinition(definition, command.payload.definition);
    case 'clipboard.paste':
      return pasteElements(command.payload.nodes, command.payload.edges);
    case 'batch': {
      // Each part is read against the definition the parts before it left.
      const edits: Command[] = [];
      let current = definition;
      for (const part of command.payload.commands) {
        const edit = buildEdit(current, part);
        if (!edit) continue;
        edits.push(edit);
        current = edit.do(current);
      }
      return edits.length ? compound(command.payload.as, edits) : null;
    }
  }
}

/** The one reducer: `definition` after `command` (unchanged when it no longer applies). Pure. */
export function applyCommand(definition: WorkflowDefinition, command: DesignerCommand): WorkflowDefinition {
  return editFor(definition, command)?.do(definition) ?? definition;
}

/** Replays a logged session: every command in order, from `definition`. Pure. */
export function replayCommands(
  definition: WorkflowDefinition,
  commands: readonly DesignerCommand[],
): WorkflowDefinition {
  return commands.reduce(applyCommand, definition);
}
