/**
 * The workflow definition format, schema version 1 (DESIGN.md §3).
 *
 * A definition is plain JSON: the contract between the Designer, the server,
 * the CLI and the files in `workflows/`. Everything here is data; behaviour is
 * looked up by name (node types, operators, actions) in registries.
 */

export const SCHEMA_VERSION = 1 as const;

export type FieldType = 'string' | 'text' | 'number' | 'boolean' | 'date' | 'enum';

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

export type Assignee =
  | { user: string }
  | {
      role: string;
      strategy?: AssignmentStrategy;
      skills?: string[];
      region?: string;
    };

export type Approvers = { role: string } | { users: string[] };

export type ApprovalPolicy =
  { type: 'any' } | { type: 'all' } | { type: 'quorum'; count: number } | { type: 'percent'; value: number };

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
}

export interface ApprovalNode extends NodeBase {
  type: 'approval';
  approvers: Approvers;
  policy?: ApprovalPolicy;
  /** Default false: the requester may not approve their own ticket. */
  allowRequester?: boolean;
  /** What the approver sees and may change when deciding; default: every field read-only. */
  form?: StepForm;
  timeout?: ApprovalTimeout;
}

export interface DecisionNode extends NodeBase {
  type: 'decision';
}

export interface ParallelNode extends NodeBase {
  type: 'parallel';
}

export interface JoinNode extends NodeBase {
  type: 'join';
  /** Default: all incoming branches. */
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
  | JoinNode
  | TimerNode
  | WaitNode
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
  fields: FieldDefinition[];
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

/** Values of a ticket's fields, keyed by field name. */
export type FieldValues = Record<string, unknown>;
