import type { NodeTypes } from '@xyflow/react';
import { NODE_TYPES } from '../model/node-catalog';
import { WorkflowNodeView } from './WorkflowNodeView';

/** Module scope, so React Flow never sees a new object (docs/style.md rule 7). */
export const nodeTypes: NodeTypes = Object.fromEntries(NODE_TYPES.map((type) => [type, WorkflowNodeView]));
