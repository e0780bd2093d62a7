import { parseIsoDuration, type Condition, type FieldDefinition } from '@ticketflow/definition';
import { describeCondition, formatValue } from './describe-condition.js';
import type { DescribeLocale } from './operators.js';

/** What each property of a node, edge, field or workflow is called, per language. */
const PROPERTY_NAMES: Record<DescribeLocale, Record<string, string>> = {
  en: {
    name: 'name',
    description: 'description',
    type: 'type',
    assignee: 'assignee',
    approvers: 'approvers',
    policy: 'approval rule',
    timeout: 'timeout',
    outcomes: 'outcomes',
    form: 'form',
    outcome: 'outcome',
    after: 'wait',
    until: 'wait until',
    businessHours: 'business hours',
    message: 'message',
    action: 'action',
    require: 'join rule',
    allowRequester: 'requester may approve',
    on: 'on outcome',
    condition: 'condition',
    default: 'default path',
    priority: 'priority',
    label: 'label',
    source: 'from',
    target: 'to',
    required: 'required',
    options: 'options',
    min: 'minimum',
    max: 'maximum',
    key: 'key',
    requesterPriority: 'requesters choose the priority',
    conditionsPublic: 'requesters see the conditions',
    workflowKey: 'called workflow',
    input: 'fields passed in',
    output: 'fields copied back',
    forEach: 'runs once per item of',
  },
  zh: {
    name: '名称',
    description: '说明',
    type: '类型',
    assignee: '处理人',
    approvers: '审批人',
    policy: '审批规则',
    timeout: '超时',
    outcomes: '结果选项',
    form: '表单',
    outcome: '结果',
    after: '等待时长',
    until: '等待至',
    businessHours: '按工作时间',
    message: '消息',
    action: '动作',
    require: '汇合规则',
    allowRequester: '允许提交人审批',
    on: '触发结果',
    condition: '条件',
    default: '默认路径',
    priority: '优先级',
    label: '标签',
    source: '起点',
    target: '终点',
    required: '必填',
    options: '选项',
    min: '最小值',
    max: '最大值',
    key: '标识',
    requesterPriority: '提交人可选优先级',
    conditionsPublic: '提交人可见分支条件',
    workflowKey: '调用的流程',
    input: '传入字段',
    output: '带回字段',
    forEach: '逐项执行',
  },
};

const UNITS = {
  en: {
    years: ['year', 'years'],
    months: ['month', 'months'],
    weeks: ['week', 'weeks'],
    days: ['day', 'days'],
    hours: ['hour', 'hours'],
    minutes: ['minute', 'minutes'],
    seconds: ['second', 'seconds'],
  },
  zh: { years: '年', months: '个月', weeks: '周', days: '天', hours: '小时', minutes: '分钟', seconds: '秒' },
} as const;

const PHRASES = {
  en: {
    q: (text: string) => `“${text}”`,
    list: ', ',
    role: (role: string) => `role “${role}”`,
    user: (user: string) => `user “${user}”`,
    users: (users: string) => `users ${users}`,
    requester: 'the requester',
    strategy: { 'round-robin': 'in turn', 'least-loaded': 'least loaded first' } as Record<string, string>,
    skills: (skills: string) => `skills ${skills}`,
    region: (region: string) => `region ${region}`,
    policy: { any: 'any one approver', all: 'every approver' } as Record<string, string>,
    quorum: (count: number) => `${count} approvers`,
    percent: (value: number) => `${value} % of approvers`,
    business: (text: string) => `${text} of business time`,
    auto: { approved: 'then approve automatically', rejected: 'then reject automatically' } as Record<
      string,
      string
    >,
    requiredField: (field: string) => `${field} (required)`,
    join: (count: number) => `${count} branches`,
    setFields: (values: string) => `set ${values}`,
    assign: (field: string, value: string) => `${field} to ${value}`,
    http: (method: string, url: string) => `call ${method} ${url}`,
    notify: (to: string, template: string) => `notify ${to}: ${template}`,
    when: (text: string) => `when ${text}`,
  },
  zh: {
    q: (text: string) => `“${text}”`,
    list: '、',
    role: (role: string) => `角色“${role}”`,
    user: (user: string) => `用户“${user}”`,
    users: (users: string) => `用户 ${users}`,
    requester: '提交人',
    strategy: { 'round-robin': '轮流分配', 'least-loaded': '优先分给任务最少的人' } as Record<string, string>,
    skills: (skills: string) => `技能 ${skills}`,
    region: (region: string) => `区域 ${region}`,
    policy: { any: '任一审批人同意', all: '全部审批人同意' } as Record<string, string>,
    quorum: (count: number) => `${count} 位审批人同意`,
    percent: (value: number) => `${value}% 的审批人同意`,
    business: (text: string) => `${text}（工作时间）`,
    auto: { approved: '到期自动同意', rejected: '到期自动驳回' } as Record<string, string>,
    requiredField: (field: string) => `${field}（必填）`,
    join: (count: number) => `${count} 个分支`,
    setFields: (values: string) => `设置 ${values}`,
    assign: (field: string, value: string) => `${field} 为 ${value}`,
    http: (method: string, url: string) => `调用 ${method} ${url}`,
    notify: (to: string, template: string) => `通知${to}：${template}`,
    when: (text: string) => `当 ${text} 时`,
  },
};

/** The name of a property in the user's language (`timeout` -> "timeout" / "超时"); an unknown one stays as it is. Pure. */
export function describeProperty(property: string, locale: DescribeLocale): string {
  return PROPERTY_NAMES[locale][property] ?? property;
}

/**
 * An ISO-8601 duration in words and units: `PT48H` -> "48 hours" / "48 小时",
 * `P1DT2H` -> "1 day 2 hours". Text that is not a duration is returned as is. Pure.
 */
export function describeDuration(iso: string, locale: DescribeLocale): string {
  const parts = parseIsoDuration(iso);
  if (!parts) return iso;
  const units = (Object.keys(UNITS.en) as (keyof typeof UNITS.en)[]).filter((unit) => parts[unit] > 0);
  if (units.length === 0) return locale === 'zh' ? '0 分钟' : '0 minutes';
  if (locale === 'zh') return units.map((unit) => `${parts[unit]} ${UNITS.zh[unit]}`).join(' ');
  return units.map((unit) => `${parts[unit]} ${UNITS.en[unit][parts[unit] === 1 ? 0 : 1]}`).join(' ');
}

type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A property's value in words, by what the property is: a timeout as a
 * duration ("24 hours of business time"), an assignee as "role “finance”",
 * an approval rule as "2 approvers", a condition as a sentence ("when Refund
 * amount > 5,000"), a form as its fields. Values of unknown shape are listed
 * as "key: value" — never as raw JSON. Pure.
 */
export function describeValue(
  property: string,
  value: unknown,
  fields: readonly FieldDefinition[],
  locale: DescribeLocale,
): string {
  const p = PHRASES[locale];
  const fieldLabel = (name: string) => p.q(fields.find((field) => field.name === name)?.label ?? name);
  if (value === undefined || value === null) return locale === 'zh' ? '无' : 'none';
  if (property === 'condition' && isObject(value))
    return p.when(describeCondition(value as unknown as Condition, [...fields], locale));
  if ((property === 'timeout' || property === 'after') && (typeof value === 'string' || isObject(value))) {
    const timeout = typeof value === 'string' ? { after: value } : value;
    let text =
      typeof timeout.after === 'string'
        ? describeDuration(timeout.after, locale)
        : describeObject(timeout, fields, locale);
    if (timeout.businessHours === true) text = p.business(text);
    const auto = typeof timeout.autoDecision === 'string' ? p.auto[timeout.autoDecision] : undefined;
    return auto ? `${text}${locale === 'zh' ? '，' : ', '}${auto}` : text;
  }
  if ((property === 'assignee' || property === 'approvers' || property === 'to') && isObject(value))
    return describePeople(value, locale);
  if (property === 'policy' && isObject(value)) {
    if (value.type === 'quorum' && typeof value.count === 'number') return p.quorum(value.count);
    if (value.type === 'percent' && typeof value.value === 'number') return p.percent(value.value);
    if (typeof value.type === 'string' && p.policy[value.type]) return p.policy[value.type]!;
  }
  if (property === 'form' && Array.isArray(value)) {
    return value
      .map((entry) =>
        isObject(entry) && typeof entry.field === 'string'
          ? entry.required
            ? p.requiredField(fieldLabel(entry.field))
            : fieldLabel(entry.field)
          : String(entry),
      )
      .join(p.list);
  }
  if (property === 'require' && isObject(value) && typeof value.count === 'number')
    return p.join(value.count);
  if (property === 'action' && isObject(value)) return describeAction(value, fields, locale);
  // A sub-flow's mappings: input is child field ← parent field, output parent field ← child field.
  if ((property === 'input' || property === 'output') && isObject(value)) {
    const pairs = Object.entries(value).map(([key, other]) =>
      property === 'input'
        ? `${p.q(key)} ← ${fieldLabel(String(other))}`
        : `${fieldLabel(key)} ← ${p.q(String(other))}`,
    );
    return pairs.length > 0 ? pairs.join(p.list) : locale === 'zh' ? '无' : 'none';
  }
  if (
    property === 'default' ||
    property === 'required' ||
    property === 'allowRequester' ||
    property === 'businessHours'
  )
    return formatValue(Boolean(value), locale);
  if (Array.isArray(value))
    return value
      .map((item) => (typeof item === 'string' ? p.q(item) : describeValue('', item, fields, locale)))
      .join(p.list);
  if (typeof value === 'string') return p.q(value);
  if (isObject(value)) return describeObject(value, fields, locale);
  return formatValue(value, locale);
}

function describePeople(value: Plain, locale: DescribeLocale): string {
  const p = PHRASES[locale];
  if (typeof value.user === 'string') return p.user(value.user);
  if (Array.isArray(value.users)) return p.users(value.users.map((user) => p.q(String(user))).join(p.list));
  if (value.requester === true) return p.requester;
  if (typeof value.role !== 'string') return describeObject(value, [], locale);
  const parts = [p.role(value.role)];
  if (typeof value.strategy === 'string') parts.push(p.strategy[value.strategy] ?? value.strategy);
  if (Array.isArray(value.skills) && value.skills.length)
    parts.push(p.skills(value.skills.map(String).join(p.list)));
  if (typeof value.region === 'string') parts.push(p.region(value.region));
  return parts.join(locale === 'zh' ? '，' : ', ');
}

function describeAction(action: Plain, fields: readonly FieldDefinition[], locale: DescribeLocale): string {
  const p = PHRASES[locale];
  if (action.type === 'set-fields' && isObject(action.values)) {
    const label = (name: string) => p.q(fields.find((field) => field.name === name)?.label ?? name);
    return p.setFields(
      Object.entries(action.values)
        .map(([name, value]) => p.assign(label(name), describeValue('', value, fields, locale)))
        .join(p.list),
    );
  }
  if (action.type === 'http' && typeof action.url === 'string')
    return p.http(String(action.method ?? 'POST'), action.url);
  if (action.type === 'notify' && isObject(action.to))
    return p.notify(describePeople(action.to, locale), p.q(String(action.template ?? '')));
  return describeObject(action, fields, locale);
}

/** Any other object: "name: value" pairs with each property named and worded. */
function describeObject(value: Plain, fields: readonly FieldDefinition[], locale: DescribeLocale): string {
  const separator = locale === 'zh' ? '：' : ': ';
  return Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .map(
      ([key, item]) =>
        `${describeProperty(key, locale)}${separator}${describeValue(key, item, fields, locale)}`,
    )
    .join(locale === 'zh' ? '；' : '; ');
}
