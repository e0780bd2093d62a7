import type { NodeTypes } from '@xyflow/react';
import { NODE_TYPES } from '../model/node-catalog';
import { WorkflowNodeView } from './WorkflowNodeView';

/** Module scope, so React Flow never sees a new object (DESIGN.md §9). */
export const nodeTypes: NodeTypes = Object.fromEntries(NODE_TYPES.map((type) => [type, WorkflowNodeView]));
