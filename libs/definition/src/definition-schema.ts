/**
 * The JSON Schema (draft 2020-12) of the definition format, schema version 1. Written as a
 * TS constant so it needs no JSON import; `definition.schema.json` next to package.json is
 * the same object serialised (a test keeps them equal; `scripts/write-schema.mjs` rewrites it).
 * The schema covers shape only; graph rules live in `validateDefinition`.
 */
const EXTENSIONS = { '^x-': {} };

function object(properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  return { ...schema, patternProperties: EXTENSIONS, additionalProperties: false };
}

const text = { type: 'string', minLength: 1 };
const id = { type: 'string', pattern: '^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$' };
const word = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' };
const duration = {
  type: 'string',
  description: 'ISO-8601 duration in weeks, days, hours, minutes or seconds, e.g. PT4H, P2D.',
  pattern:
    '^P(?!$)(?:\\d{1,6}W)?(?:\\d{1,6}D)?(?:T(?!$)(?:\\d{1,6}H)?(?:\\d{1,6}M)?(?:\\d{1,6}(?:[.,]\\d{1,3})?S)?)?$',
};

const base = {
  id,
  name: { type: 'string' },
  description: { type: 'string' },
  position: object({ x: { type: 'number' }, y: { type: 'number' } }, ['x', 'y']),
};

function node(
  type: string,
  properties: Record<string, unknown> = {},
  required: string[] = [],
): Record<string, unknown> {
  return object({ ...base, type: { const: type }, ...properties }, ['id', 'type', ...required]);
}

/** What a task or approval shows and may edit; a step without one shows every field read-only. */
const stepForm = object(
  {
    fields: {
      type: 'array',
      items: object(
        {
          field: { type: 'string' },
          mode: { enum: ['read', 'edit'] },
          required: { type: 'boolean' },
          note: { type: 'string' },
        },
        ['field', 'mode'],
      ),
    },
    attachments: object({ required: { type: 'boolean' }, note: { type: 'string' } }),
  },
  ['fields'],
);

const timeout = object({ after: duration, businessHours: { type: 'boolean' } }, ['after']);

const fallback = {
  description: 'Where the step goes when its assignee rule finds nobody; the timeline records it.',
  oneOf: [
    object({ role: text }, ['role']),
    object({ user: text }, ['user']),
    object({ incident: { const: true } }, ['incident']),
  ],
};

const memberFilter = {
  skills: { type: 'array', items: text },
  region: { type: 'string' },
  regionField: { type: 'string', description: "A string or enum field holding the ticket's region." },
  fallback,
};

const managerOf = object(
  {
    manager: { enum: ['requester', 'previous-approver'] },
    levels: { type: 'integer', minimum: 1, maximum: 10 },
    fallback,
  },
  ['manager'],
);

const strategy = { enum: ['round-robin', 'least-loaded'] };

const assignee = {
  oneOf: [
    object({ user: text }, ['user']),
    object({ role: text, strategy, ...memberFilter }, ['role']),
    object({ group: text, strategy, ...memberFilter }, ['group']),
    managerOf,
  ],
};

const policy = {
  oneOf: [
    object({ type: { const: 'any' } }, ['type']),
    object({ type: { const: 'all' } }, ['type']),
    object({ type: { const: 'quorum' }, count: { type: 'integer', minimum: 1 } }, ['type', 'count']),
    object({ type: { const: 'percent' }, value: { type: 'number', minimum: 1, maximum: 100 } }, [
      'type',
      'value',
    ]),
    object(
      {
        type: { const: 'groups' },
        groups: {
          type: 'array',
          minItems: 1,
          items: object({ role: text, count: { type: 'integer', minimum: 1 } }, ['role', 'count']),
        },
      },
      ['type', 'groups'],
    ),
  ],
};

const action = {
  oneOf: [
    object({ type: { const: 'set-fields' }, values: { type: 'object' } }, ['type', 'values']),
    object(
      {
        type: { const: 'http' },
        method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        url: { type: 'string', pattern: '^https?://', maxLength: 2048 },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        body: {},
        responseMapping: { type: 'object', additionalProperties: { type: 'string' } },
      },
      ['type', 'method', 'url'],
    ),
    object(
      {
        type: { const: 'notify' },
        to: {
          oneOf: [
            object({ user: text }, ['user']),
            object({ role: text }, ['role']),
            object({ requester: { const: true } }, ['requester']),
          ],
        },
        template: text,
      },
      ['type', 'to', 'template'],
    ),
    object(
      {
        type: { const: 'document' },
        title: { type: 'string', minLength: 1, maxLength: 2000 },
        fileName: { type: 'string', minLength: 1, maxLength: 2000 },
        language: { enum: ['en', 'zh-CN'] },
        intro: { type: 'string', minLength: 1, maxLength: 2000 },
        sections: {
          type: 'array',
          items: { enum: ['fields', 'path', 'approvals', 'attachments'] },
          minItems: 1,
          uniqueItems: true,
        },
        fields: { type: 'array', items: { type: 'string' } },
        visibility: { enum: ['internal', 'public'] },
        send: object(
          {
            method: { enum: ['POST', 'PUT'] },
            url: { type: 'string', pattern: '^https?://', maxLength: 2048 },
            headers: { type: 'object', additionalProperties: { type: 'string' } },
          },
          ['url'],
        ),
      },
      ['type', 'title'],
    ),
  ],
};

const operators = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
];

export const definitionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://ticketflow.dev/schemas/definition.schema.json',
  title: 'Ticketflow workflow definition',
  description:
    'A workflow definition, schema version 1 (docs/architecture.md). Graph rules are checked by validateDefinition.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    schemaVersion: { const: 1 },
    key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    name: text,
    description: { type: 'string' },
    requesterPriority: {
      type: 'boolean',
      description:
        'Requesters may choose the priority of their own tickets (otherwise only staff may set one other than normal)',
    },
    conditionsPublic: {
      type: 'boolean',
      description:
        'Requesters may read the branch conditions and their thresholds (otherwise the API leaves them out for requesters)',
    },
    fields: { type: 'array', items: { $ref: '#/$defs/field' } },
    nodes: { type: 'array', maxItems: 2000, items: { $ref: '#/$defs/node' } },
    edges: { type: 'array', maxItems: 5000, items: { $ref: '#/$defs/edge' } },
  },
  required: ['schemaVersion', 'key', 'name', 'fields', 'nodes', 'edges'],
  patternProperties: EXTENSIONS,
  additionalProperties: false,
  $defs: {
    field: object(
      {
        name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
        type: { enum: ['string', 'text', 'number', 'boolean', 'date', 'enum', 'users', 'list'] },
        label: { type: 'string' },
        required: { type: 'boolean' },
        options: { type: 'array', items: text, minItems: 1, uniqueItems: true },
        min: { type: 'number' },
        max: { type: 'number' },
        itemFields: {
          type: 'array',
          minItems: 1,
          description: 'list fields: the fields of each item',
          items: object(
            {
              name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
              type: { enum: ['string', 'text', 'number', 'boolean', 'date', 'enum'] },
              label: { type: 'string' },
              options: { type: 'array', items: text, minItems: 1, uniqueItems: true },
            },
            ['name', 'type'],
          ),
        },
      },
      ['name', 'type'],
    ),
    node: {
      oneOf: [
        node('start'),
        node('end', { outcome: word }),
        node(
          'task',
          {
            assignee,
            outcomes: { type: 'array', items: word, minItems: 1, uniqueItems: true },
            form: {
              oneOf: [
                stepForm,
                {
                  type: 'array',
                  items: object({ field: { type: 'string' }, required: { type: 'boolean' } }, ['field']),
                },
              ],
            },
            timeout,
            forEach: { type: 'string', minLength: 1, description: 'A list field: one task per item' },
            policy,
          },
          ['assignee'],
        ),
        {
          ...node('approval', {
            approvers: {
              oneOf: [
                object({ role: text }, ['role']),
                object({ users: { type: 'array', items: text, minItems: 1, uniqueItems: true } }, ['users']),
                object({ field: text }, ['field']),
                object({ group: text, ...memberFilter }, ['group']),
                managerOf,
              ],
            },
            policy,
            forEach: { type: 'string', minLength: 1, description: 'A list field: one approval per item' },
            allowRequester: { type: 'boolean' },
            form: stepForm,
            timeout: object(
              {
                after: duration,
                businessHours: { type: 'boolean' },
                autoDecision: { enum: ['approved', 'rejected'] },
              },
              ['after'],
            ),
          }),
          // `approvers` is required unless a `groups` policy names who may approve (then it is left out).
          if: {
            properties: { policy: { properties: { type: { const: 'groups' } }, required: ['type'] } },
            required: ['policy'],
          },
          then: { not: { required: ['approvers'] } },
          else: { required: ['approvers'] },
        },
        node('decision'),
        node('parallel'),
        node('inclusive'),
        node('join', { require: object({ count: { type: 'integer', minimum: 1 } }, ['count']) }),
        node('timer', { after: duration, until: { type: 'string' }, businessHours: { type: 'boolean' } }),
        node('wait', { message: word, timeout }, ['message']),
        node(
          'subflow',
          {
            workflowKey: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
            input: {
              type: 'object',
              description: 'child field -> parent field, copied into the child when it starts',
              additionalProperties: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
            },
            output: {
              type: 'object',
              description: 'parent field -> child field, copied back when the child ends',
              additionalProperties: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
            },
            outcomes: { type: 'array', items: word, uniqueItems: true },
            timeout,
          },
          ['workflowKey'],
        ),
        node('action', { action }, ['action']),
      ],
    },
    edge: object(
      {
        id,
        source: { type: 'string' },
        target: { type: 'string' },
        on: { type: 'string', minLength: 1 },
        condition: { $ref: '#/$defs/condition' },
        default: { type: 'boolean' },
        priority: { type: 'number' },
        label: { type: 'string' },
      },
      ['id', 'source', 'target'],
    ),
    condition: {
      oneOf: [
        object({ all: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } }, ['all']),
        object({ any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } }, ['any']),
        object({ not: { $ref: '#/$defs/condition' } }, ['not']),
        {
          type: 'object',
          properties: {
            fact: { type: 'string' },
            operator: { enum: operators },
            value: {},
            path: { type: 'string' },
          },
          required: ['fact', 'operator', 'value'],
          additionalProperties: false,
        },
      ],
    },
  },
} as const;
