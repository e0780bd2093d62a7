import type { WorkflowFlag } from './misc-commands';
import type {
  FieldDefinition,
  Position,
  WorkflowDefinition,
  WorkflowEdge,
  WorkflowNode,
} from '@ticketflow/definition';
import type { CommandType } from './command.types';

/**
 * Every Designer edit as plain data (docs/decisions/0010-designer-commands-as-data.md): a `type`,
 * a JSON `payload`, and an optional `mergeKey` (consecutive commands with the same key are one
 * undo step, so typing a name is one edit). `applyCommand` is the one reducer that applies them;
 * the store dispatches them and keeps a log, so a session can be logged, replayed and tested
 * without the canvas. Payloads carry the new values only: what they replace is read from the
 * definition they are applied to.
 */
export type DesignerCommand = { mergeKey?: string } & (
  | { type: 'node.add'; payload: { node: WorkflowNode } }
  | { type: 'node.append'; payload: { node: WorkflowNode; from: { source: string; exit: string } } }
  | { type: 'node.insert'; payload: { edgeId: string; node: WorkflowNode; isNew: boolean } }
  | { type: 'node.move'; payload: { moves: { id: string; to: Position }[] } }
  | { type: 'node.update'; payload: { node: WorkflowNode } }
  | { type: 'node.remove'; payload: { nodeIds: string[]; edgeIds?: string[] } }
  | { type: 'edge.connect'; payload: { edge: WorkflowEdge } }
  | { type: 'edge.update'; payload: { edge: WorkflowEdge } }
  | { type: 'edge.remove'; payload: { edgeIds: string[] } }
  | { type: 'branches.reorder'; payload: { decisionId: string; edgeIds: string[] } }
  | { type: 'branches.otherwise'; payload: { decisionId: string; edgeId: string | null } }
  | { type: 'field.add'; payload: { field: FieldDefinition } }
  | { type: 'field.update'; payload: { index: number; field: FieldDefinition } }
  | { type: 'field.remove'; payload: { index: number } }
  | { type: 'layout.apply'; payload: { positions: Record<string, Position> } }
  | { type: 'workflow.update'; payload: { name: string; description?: string } }
  | { type: 'workflow.flag'; payload: { flag: WorkflowFlag; on: boolean } }
  | { type: 'workflow.import'; payload: { definition: WorkflowDefinition } }
  | { type: 'clipboard.paste'; payload: { nodes: WorkflowNode[]; edges: WorkflowEdge[] } }
  /** Several commands as one undo step, named `as` in the history (a paste, an insert that makes room). */
  | { type: 'batch'; payload: { as: CommandType; commands: DesignerCommand[] } }
);
