import type {
  ActionSpec,
  ApprovalPolicy,
  Approvers,
  Assignee,
  NodeType,
  ResolvedFormEntry,
  WorkflowDefinition,
  WorkflowEdge,
  WorkflowNode,
} from '@ticketflow/definition';
import type { WorkflowMachine } from './workflow-machine.js';

/** What a step node asks people to do (task.create effect data). */
export type TaskInfo =
  | {
      kind: 'task';
      name: string;
      assignee: Assignee;
      outcomes: string[];
      /** What the step shows and may edit, defaults applied (`resolveStepForm`). */
      form: ResolvedFormEntry[];
      /** A list field: one task per item. */
      forEach?: string;
      /** With `forEach`: how many items must be done (default all). */
      completion?: ApprovalPolicy;
    }
  | {
      kind: 'approval';
      name: string;
      /** Absent with a `groups` policy: the groups name who may approve. */
      approvers?: Approvers;
      policy: ApprovalPolicy;
      allowRequester: boolean;
      form: ResolvedFormEntry[];
      /** A list field: one approval per item, each decided by its first vote; `policy` counts items. */
      forEach?: string;
    };

/** Compiled facts about one definition node, keyed by node id. */
export interface NodeInfo {
  id: string;
  type: NodeType;
  name: string;
  /** True when the instance stops here until something from outside happens. */
  waits: boolean;
  timeout?: { after: string; businessHours: boolean; autoDecision?: 'approved' | 'rejected' };
  task?: TaskInfo;
  /** `wait` nodes: the awaited message name. */
  message?: string;
  /** `action` nodes. */
  action?: ActionSpec;
  /** `subflow` nodes: the workflow to call and the field mappings (child ← parent in, parent ← child out). */
  subflow?: { workflowKey: string; input: Record<string, string>; output: Record<string, string> };
  /** `end` nodes: the outcome the instance ends with. */
  outcome?: string;
  /** Outgoing edges in definition order. */
  outgoing: WorkflowEdge[];
  node: WorkflowNode;
}

/**
 * A state of the machine. Most nodes have exactly one placement; an `end`
 * node has one at the top level and one per branch of a split without a join;
 * a node reachable from several branches of a split has one per branch.
 * `arrival` is a branch having reached its join; `split-done` ends a split
 * without a join; `cancelled` is where `cancel` goes. An inclusive split's
 * branch starts at a `gate` (the runtime sends `route` to take the branch or
 * `skip`) and a skipped branch rests at `skipped` until the split is done.
 */
export interface Placement {
  /** The XState state id and the `/`-joined path of state keys. */
  path: string;
  nodeId: string;
  kind: 'node' | 'arrival' | 'split-done' | 'cancelled' | 'gate' | 'skipped';
  /** Document order, for deterministic processing. */
  order: number;
  /** The parallel split whose branch contains this placement, if any. */
  parallelId?: string;
  /** That split's state path (the key of `CompiledWorkflow.blocks`). */
  blockPath?: string;
  /** Index of that branch. */
  branch?: number;
}

/** A parallel split and its matching join (null: branches end on their own). */
export interface ParallelBlock {
  parallelId: string;
  /** `inclusive`: only the branches whose condition held run; the join waits for those. */
  kind: 'parallel' | 'inclusive';
  joinId: string | null;
  branches: number;
  /** How many branches must reach the join (default: all). */
  required: number;
  /** The split's state path; `blocks` is keyed by it (a split copied into two branches has two). */
  path: string;
}

export interface CompiledWorkflow {
  definition: WorkflowDefinition;
  /** The XState machine; restore it with `createActor(machine, { snapshot })`. */
  machine: WorkflowMachine;
  /** The machine config as plain JSON (deterministic: same definition, same JSON). */
  config: Record<string, unknown>;
  nodes: Record<string, NodeInfo>;
  placements: Record<string, Placement>;
  blocks: Record<string, ParallelBlock>;
  edges: Record<string, WorkflowEdge>;
}
