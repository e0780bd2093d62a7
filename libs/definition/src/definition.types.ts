/**
 * The workflow definition format, schema version 1 (docs/architecture.md).
 *
 * A definition is plain JSON: the contract between the Designer, the server,
 * the CLI and the files in `workflows/`. Everything here is data; behaviour is
 * looked up by name (node types, operators, actions) in registries.
 */

export const SCHEMA_VERSION = 1 as const;

export type FieldType = 'string' | 'text' | 'number' | 'boolean' | 'date' | 'enum' | 'users' | 'list';

/** The scalar types a list item's fields may have. */
export type ItemFieldType = 'string' | 'text' | 'number' | 'boolean' | 'date' | 'enum';

/** One field of the items of a `list` field (`{ "name": "sku", "type": "string" }`). */
export interface ItemFieldDefinition {
  name: string;
  type: ItemFieldType;
  label?: string;
  options?: string[];
}

export interface FieldDefinition {
  name: string;
  type: FieldType;
  label?: string;
  required?: boolean;
  /** Allowed values for `enum` fields. */
  options?: string[];
  /** Numeric bounds for `number` fields. */
  min?: number;
  max?: number;
  /** `list` fields: the fields of each item (a task or approval with `forEach` runs once per item). */
  itemFields?: ItemFieldDefinition[];
}

export interface Position {
  x: number;
  y: number;
}

/** ISO-8601 duration such as `PT4H`, optionally counted in business hours. */
export interface Timeout {
  after: string;
  businessHours?: boolean;
}

export interface ApprovalTimeout extends Timeout {
  /** Decide automatically when the timeout fires instead of following a `timeout` edge. */
  autoDecision?: 'approved' | 'rejected';
}

export type AssignmentStrategy = 'round-robin' | 'least-loaded';

/**
 * Where a step goes when its assignee rule finds nobody (no agent in region
 * west, nobody with both skills, a requester without a manager): another
 * role, a named user, or an incident for an admin. The ticket's timeline
 * records which. Without one, a role step opens to the whole role and a
 * manager or group step raises the incident.
 */
export type AssigneeFallback = { role: string } | { user: string } | { incident: true };

/** Whose line manager a step goes to (organisation directory). */
export type ManagerOf = 'requester' | 'previous-approver';

/** How members of a role or group are narrowed and, for tasks, picked. */
export interface MemberFilter {
  skills?: string[];
  /** A fixed region. */
  region?: string;
  /** A `string` or `enum` field of the ticket holding the region ("member of group X in the ticket's region"). */
  regionField?: string;
  fallback?: AssigneeFallback;
}

/** "The requester's line manager" (`levels: 2` is their manager's manager); "the previous approver's manager". */
export interface ManagerAssignee {
  manager: ManagerOf;
  /** How many steps up the reporting line; default 1. */
  levels?: number;
  fallback?: AssigneeFallback;
}

export type Assignee =
  | { user: string }
  | ({ role: string; strategy?: AssignmentStrategy } & MemberFilter)
  | ({ group: string; strategy?: AssignmentStrategy } & MemberFilter)
  | ManagerAssignee;

/**
 * A role, named users, the users listed in a `users` field of the ticket (read when the step
 * starts), a directory group (narrowed like a task's role), or a manager.
 */
export type Approvers =
  | { role: string }
  | { users: string[] }
  | { field: string }
  | ({ group: string } & MemberFilter)
  | ManagerAssignee;

/** One group of a composite policy: `count` approvals from people holding `role`. */
export interface ApprovalGroup {
  role: string;
  count: number;
}

export type ApprovalPolicy =
  | { type: 'any' }
  | { type: 'all' }
  | { type: 'quorum'; count: number }
  | { type: 'percent'; value: number }
  /**
   * Composite: every group's count met, each approver counted for one group only
   * (separation of duties across the whole step). The groups name who may approve,
   * so the approval has no `approvers`.
   */
  | { type: 'groups'; groups: ApprovalGroup[] };

/** One field on a step's form: shown read-only, or editable (optionally required). */
export interface FormEntry {
  field: string;
  mode: 'read' | 'edit';
  /** Only for `edit`: the step cannot be completed while the field is empty. */
  required?: boolean;
  /** A hint shown beside the field ("check the receipt first"). */
  note?: string;
}

/**
 * A task's or approval's form: the ticket fields the step shows and which of
 * them it may edit. A step without a form shows every workflow field and edits
 * none — no step writes a field it was not given.
 */
export interface StepForm {
  fields: FormEntry[];
  /** Files on the step: `required` — it cannot be completed or approved until the ticket has one. */
  attachments?: AttachmentRule;
}

/** What a step asks of the ticket's files ("receipt required"). */
export interface AttachmentRule {
  required?: boolean;
  /** A hint shown beside the upload ("attach the receipt"). */
  note?: string;
}

/** The list shape tasks used before forms could show fields: every entry is editable. */
export interface LegacyFormEntry {
  field: string;
  required?: boolean;
}

interface NodeBase {
  id: string;
  name?: string;
  description?: string;
  position?: Position;
}

export interface StartNode extends NodeBase {
  type: 'start';
}

export interface EndNode extends NodeBase {
  type: 'end';
  /** resolved, rejected, cancelled or any word. */
  outcome?: string;
}

export interface TaskNode extends NodeBase {
  type: 'task';
  assignee: Assignee;
  /** Outcomes the assignee can choose; default `["completed"]`. */
  outcomes?: string[];
  /**
   * What the step shows and may change (see `StepForm`). The older list shape
   * `[{ field, required }]` is still accepted and means "edit these".
   */
  form?: StepForm | LegacyFormEntry[];
  timeout?: Timeout;
  /** A `list` field: the task runs once per item, each instance seeing its item. */
  forEach?: string;
  /** With `forEach`: how many items must be done (any / all / quorum / percent; default all). */
  policy?: Exclude<ApprovalPolicy, { type: 'groups' }>;
}

export interface ApprovalNode extends NodeBase {
  type: 'approval';
  /** Who may decide; left out when the policy is `groups` (the groups name them). */
  approvers?: Approvers;
  policy?: ApprovalPolicy;
  /** Default false: the requester may not approve their own ticket. */
  allowRequester?: boolean;
  /** What the approver sees and may change when deciding; default: every field read-only. */
  form?: StepForm;
  timeout?: ApprovalTimeout;
  /**
   * A `list` field: one approval per item, each decided by the first of its approvers;
   * `policy` then says how many items must be approved (any / all / quorum / percent).
   */
  forEach?: string;
}

export interface DecisionNode extends NodeBase {
  type: 'decision';
}

export interface ParallelNode extends NodeBase {
  type: 'parallel';
}

/**
 * Inclusive split (multi-choice, WCP 6): takes every outgoing edge whose `condition`
 * holds, the `default` edge when none does; a `join` after it waits for exactly the
 * branches taken (synchronising merge, WCP 7).
 */
export interface InclusiveNode extends NodeBase {
  type: 'inclusive';
}

export interface JoinNode extends NodeBase {
  type: 'join';
  /** Default: all branches (after an inclusive split: the branches taken; `require` is not allowed there). */
  require?: { count: number };
}

export interface TimerNode extends NodeBase {
  type: 'timer';
  /** ISO-8601 duration. */
  after?: string;
  /** Name of a `date` field: fire at that moment. */
  until?: string;
  businessHours?: boolean;
}

export interface WaitNode extends NodeBase {
  type: 'wait';
  /** Name of the external event: `POST /api/tickets/:id/events/:message`. */
  message: string;
  timeout?: Timeout;
}

/**
 * Sub-flow (reuse, WCP "subprocess"): starts a child ticket on the latest published version of
 * another workflow when the step starts, and leaves by the outcome of the end node the child
 * reaches (edges `on: "approved"`), or `cancelled` when the child is cancelled on its own.
 */
export interface SubflowNode extends NodeBase {
  type: 'subflow';
  /** The key of the published workflow to call. */
  workflowKey: string;
  /** Child field name -> parent field name: the child's fields when it starts. */
  input?: Record<string, string>;
  /** Parent field name -> child field name: copied back when the child ends. */
  output?: Record<string, string>;
  /**
   * The child's end outcomes this node leaves by (the Designer fills it from the published child);
   * when given, every outcome needs an edge and edges may follow only these (plus `cancelled`,
   * and `timeout` with a timeout). Left out: any outcome word is accepted offline, and publishing
   * checks the edges against the child.
   */
  outcomes?: string[];
  /** Stop waiting after this long: the child is cancelled and the node leaves by `timeout`. */
  timeout?: Timeout;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ActionSpec =
  | { type: 'set-fields'; values: Record<string, unknown> }
  | {
      type: 'http';
      method: HttpMethod;
      url: string;
      headers?: Record<string, string>;
      /** JSON body; string values may contain `{{fields.name}}` / `{{ticket.id}}` placeholders. */
      body?: unknown;
      /** Maps ticket field name -> dotted path into the JSON response (`label.number`). */
      responseMapping?: Record<string, string>;
    }
  | { type: 'notify'; to: { user: string } | { role: string } | { requester: true }; template: string }
  | DocumentAction;

/** A part of a generated document, printed in the order given. */
export type DocumentSection = 'fields' | 'path' | 'approvals' | 'attachments';

/**
 * Renders a PDF from the ticket (fields, the path taken, approvals with who
 * and when, attachments listed), keeps it as an attachment of the ticket, and
 * optionally sends it on with an HTTP request under the http action's host rules.
 */
export interface DocumentAction {
  type: 'document';
  /** Printed at the top; `{{fields.x}}`, `{{ticket.number}}`, `{{ticket.title}}` placeholders allowed. */
  title: string;
  /** The attachment's name (placeholders allowed; `.pdf` added when missing); default from the title. */
  fileName?: string;
  /** Language of the headings; default `en`. */
  language?: 'en' | 'zh-CN';
  /** A paragraph under the title (placeholders allowed). */
  intro?: string;
  /** Parts in order; default all four. */
  sections?: DocumentSection[];
  /** Only these fields in the fields part; default every field. */
  fields?: string[];
  /** Who sees the file: default `internal` (staff only). */
  visibility?: 'internal' | 'public';
  /** Sends the PDF on (`Content-Type: application/pdf`) after it is stored. */
  send?: { method?: 'POST' | 'PUT'; url: string; headers?: Record<string, string> };
}

export interface ActionNode extends NodeBase {
  type: 'action';
  action: ActionSpec;
}

export type WorkflowNode =
  | StartNode
  | EndNode
  | TaskNode
  | ApprovalNode
  | DecisionNode
  | ParallelNode
  | InclusiveNode
  | JoinNode
  | TimerNode
  | WaitNode
  | SubflowNode
  | ActionNode;

export type NodeType = WorkflowNode['type'];

/** A json-rules-engine condition over the ticket's fields. */
export type Condition = AllCondition | AnyCondition | NotCondition | FactCondition;

export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
export interface FactCondition {
  /** A declared field name. */
  fact: string;
  operator: string;
  value: unknown;
  /** Optional JSON path into an object-valued fact (`$.tier`). */
  path?: string;
}

export interface WorkflowEdge {
  id: string;
  source: string;
  target: string;
  /** The outcome of the source node this edge follows (`approved`, `timeout`, ...). */
  on?: string;
  /** Decision edges: taken when the condition holds (tried in `priority` order). */
  condition?: Condition;
  /** Decision edges: taken when no condition holds. */
  default?: boolean;
  /** Lower numbers are tried first; ties keep the edge order. */
  priority?: number;
  label?: string;
}

export interface WorkflowDefinition {
  $schema?: string;
  schemaVersion: typeof SCHEMA_VERSION;
  key: string;
  name: string;
  description?: string;
  /** Requesters may choose their own tickets' priority; absent or false: only staff may set one other than `normal`. */
  requesterPriority?: boolean;
  /**
   * Requesters may read the branch conditions (thresholds such as `refundAmount > 5000`);
   * absent or false: the API leaves conditions, labels and internal notes out of what a requester reads.
   */
  conditionsPublic?: boolean;
  fields: FieldDefinition[];
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

/** Values of a ticket's fields, keyed by field name. */
export type FieldValues = Record<string, unknown>;
