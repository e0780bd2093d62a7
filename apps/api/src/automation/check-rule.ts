import { isSupportedOperator } from '@ticketflow/rules';
import { RULE_ACTION_TYPES, RULE_TRIGGERS, TICKET_PRIORITIES } from './rule.types.js';

const MAX_DEPTH = 8;
const MAX_LEAVES = 100;
const MAX_ACTIONS = 20;
const WORD = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** One thing wrong with a rule: where (`actions[1].priority`), a stable code and its values, and the English sentence. */
export interface RuleProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

/** Collects problems; `add` keeps the English sentence and the code with its values together. */
class Problems extends Array<RuleProblem> {
  add(field: string, code: string, message: string, params?: RuleProblem['params']): void {
    this.push({ field, code, ...(params ? { params } : {}), message });
  }
}

/**
 * Checks a rule body as an admin sent it: trigger, condition shape and
 * operators (the ones `@ticketflow/rules` supports; no regular expressions),
 * and each action. Returns one problem per fault, naming the place and the
 * offending value, with a code clients translate; empty when the rule is
 * fine. Pure.
 */
export function checkRule(body: {
  trigger?: unknown;
  condition?: unknown;
  actions?: unknown;
}): RuleProblem[] {
  const problems = new Problems();
  if (!(RULE_TRIGGERS as readonly unknown[]).includes(body.trigger)) {
    problems.add(
      'trigger',
      'one-of',
      `trigger ${JSON.stringify(body.trigger)} is not one of ${RULE_TRIGGERS.join(', ')}`,
      {
        values: RULE_TRIGGERS.join(', '),
      },
    );
  }
  if (body.condition !== undefined && body.condition !== null) {
    const counter = { leaves: 0 };
    checkCondition(body.condition, 'condition', 0, counter, problems);
  }
  if (!Array.isArray(body.actions) || body.actions.length === 0)
    problems.add('actions', 'required', 'actions must be a non-empty list');
  else if (body.actions.length > MAX_ACTIONS)
    problems.add('actions', 'max-items', `a rule may have at most ${MAX_ACTIONS} actions`, {
      max: MAX_ACTIONS,
    });
  else
    body.actions.forEach((action, index) => checkAction(action, `actions[${index}]`, body.trigger, problems));
  return [...problems];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkCondition(
  node: unknown,
  at: string,
  depth: number,
  counter: { leaves: number },
  problems: Problems,
): void {
  if (depth > MAX_DEPTH)
    return problems.add(at, 'max-depth', `${at}: conditions may nest at most ${MAX_DEPTH} deep`, {
      max: MAX_DEPTH,
    });
  if (!isRecord(node))
    return problems.add(
      at,
      'condition-shape',
      `${at} must be an object (all / any / not / { fact, operator, value })`,
    );
  if ('all' in node || 'any' in node) {
    const list = node.all ?? node.any;
    const name = 'all' in node ? 'all' : 'any';
    if (!Array.isArray(list) || list.length === 0)
      return problems.add(`${at}.${name}`, 'required', `${at}.${name} must be a non-empty list`);
    list.forEach((child, index) =>
      checkCondition(child, `${at}.${name}[${index}]`, depth + 1, counter, problems),
    );
    return;
  }
  if ('not' in node) return checkCondition(node.not, `${at}.not`, depth + 1, counter, problems);
  counter.leaves += 1;
  if (counter.leaves > MAX_LEAVES) {
    if (counter.leaves === MAX_LEAVES + 1)
      problems.add('condition', 'max-facts', `a condition may compare at most ${MAX_LEAVES} facts`, {
        max: MAX_LEAVES,
      });
    return;
  }
  if (typeof node.fact !== 'string' || !WORD.test(node.fact))
    problems.add(`${at}.fact`, 'fact-name', `${at}.fact must name a field or a fact such as ticket.channel`);
  if (typeof node.operator !== 'string' || !isSupportedOperator(node.operator)) {
    problems.add(
      `${at}.operator`,
      'operator-unsupported',
      `${at}.operator ${JSON.stringify(node.operator)} is not supported (equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain)`,
      { value: String(node.operator).slice(0, 40) },
    );
  }
  if (!('value' in node)) problems.add(`${at}.value`, 'required', `${at}.value is missing`);
  const extra = Object.keys(node).filter((key) => !['fact', 'operator', 'value'].includes(key));
  if (extra.length > 0)
    problems.add(at, 'unknown-property', `${at}: unknown properties ${extra.join(', ')}`, {
      names: extra.join(', ').slice(0, 200),
    });
}

function checkAction(action: unknown, at: string, trigger: unknown, problems: Problems): void {
  if (!isRecord(action) || !(RULE_ACTION_TYPES as readonly unknown[]).includes(action.type)) {
    return problems.add(`${at}.type`, 'one-of', `${at}.type must be one of ${RULE_ACTION_TYPES.join(', ')}`, {
      values: RULE_ACTION_TYPES.join(', '),
    });
  }
  const text = (value: unknown, max = 200) =>
    typeof value === 'string' && value.trim() !== '' && value.length <= max;
  switch (action.type) {
    case 'set-workflow':
      if (trigger !== 'ticket.created')
        problems.add(at, 'only-on-created', `${at}: set-workflow only makes sense on ticket.created`);
      if (typeof action.workflowKey !== 'string' || !KEY.test(action.workflowKey))
        problems.add(`${at}.workflowKey`, 'workflow-key', `${at}.workflowKey must be a workflow key`);
      break;
    case 'set-priority':
      if (!(TICKET_PRIORITIES as readonly unknown[]).includes(action.priority))
        problems.add(
          `${at}.priority`,
          'one-of',
          `${at}.priority must be one of ${TICKET_PRIORITIES.join(', ')}`,
          {
            values: TICKET_PRIORITIES.join(', '),
          },
        );
      break;
    case 'add-tag':
      if (typeof action.tag !== 'string' || !WORD.test(action.tag))
        problems.add(
          `${at}.tag`,
          'word',
          `${at}.tag must be one word of letters, digits, . _ : - (up to 64)`,
          {
            max: 64,
          },
        );
      break;
    case 'set-assignee-group':
      if (typeof action.group !== 'string' || !WORD.test(action.group))
        problems.add(`${at}.group`, 'group-name', `${at}.group must name a role or group`);
      break;
    case 'set-field':
      if (typeof action.field !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(action.field))
        problems.add(`${at}.field`, 'field-name', `${at}.field must be a field name`);
      if (!('value' in action)) problems.add(`${at}.value`, 'required', `${at}.value is missing`);
      break;
    case 'notify': {
      const to = action.to;
      const ok =
        isRecord(to) &&
        Object.keys(to).length === 1 &&
        (text(to.role, 64) || text(to.user, 64) || to.requester === true);
      if (!ok)
        problems.add(
          `${at}.to`,
          'notify-target',
          `${at}.to must be { role }, { user } or { requester: true }`,
        );
      if (!text(action.message, 2000))
        problems.add(`${at}.message`, 'text', `${at}.message must be text of up to 2000 characters`, {
          max: 2000,
        });
      break;
    }
  }
}
