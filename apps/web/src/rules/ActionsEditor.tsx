import { useTranslation } from 'react-i18next';
import { newAction } from './rule-model';
import {
  type NotifyTarget,
  PRIORITIES,
  type Priority,
  RULE_ACTION_TYPES,
  type RuleAction,
  type RuleActionType,
} from '@ticketflow/contract';

interface Props {
  actions: RuleAction[];
  workflowKeys: string[];
  onChange: (actions: RuleAction[]) => void;
}

/** The rule's actions, in order, each with inputs that fit its type (never JSON). */
export function ActionsEditor({ actions, workflowKeys, onChange }: Props) {
  const { t } = useTranslation();
  const set = (i: number, action: RuleAction) => onChange(actions.map((a, j) => (j === i ? action : a)));
  return (
    <div className="rule-actions" data-testid="rule-actions">
      {actions.map((action, i) => (
        <div key={i} className="row" data-testid={`rule-action-${i}`}>
          <select
            data-testid="rule-action-type"
            aria-label={t('rules.actionType')}
            value={action.type}
            onChange={(e) => set(i, newAction(e.target.value as RuleActionType, workflowKeys))}
          >
            {RULE_ACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`rules.actions.${type}`)}
              </option>
            ))}
          </select>
          <ActionInputs action={action} workflowKeys={workflowKeys} onChange={(a) => set(i, a)} />
          <button
            type="button"
            data-testid="rule-action-remove"
            aria-label={t('common.remove')}
            onClick={() => onChange(actions.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        data-testid="rule-action-add"
        onClick={() => onChange([...actions, newAction('set-priority', workflowKeys)])}
      >
        + {t('rules.addAction')}
      </button>
    </div>
  );
}

function ActionInputs({
  action,
  workflowKeys,
  onChange,
}: {
  action: RuleAction;
  workflowKeys: string[];
  onChange: (a: RuleAction) => void;
}) {
  const { t } = useTranslation();
  switch (action.type) {
    case 'set-workflow':
      return (
        <select
          data-testid="rule-action-workflow"
          aria-label={t('rules.workflow')}
          value={action.workflowKey}
          onChange={(e) => onChange({ ...action, workflowKey: e.target.value })}
        >
          {!workflowKeys.includes(action.workflowKey) && (
            <option value={action.workflowKey}>{action.workflowKey || '—'}</option>
          )}
          {workflowKeys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      );
    case 'set-priority':
      return (
        <select
          data-testid="rule-action-priority"
          aria-label={t('rules.priority')}
          value={action.priority}
          onChange={(e) => onChange({ ...action, priority: e.target.value as Priority })}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`rules.priorities.${p}`)}
            </option>
          ))}
        </select>
      );
    case 'add-tag':
      return (
        <input
          data-testid="rule-action-tag"
          aria-label={t('rules.tag')}
          value={action.tag}
          onChange={(e) => onChange({ ...action, tag: e.target.value })}
        />
      );
    case 'set-assignee-group':
      return (
        <input
          data-testid="rule-action-group"
          aria-label={t('rules.group')}
          value={action.group}
          onChange={(e) => onChange({ ...action, group: e.target.value })}
        />
      );
    case 'set-field':
      return (
        <>
          <input
            data-testid="rule-action-field"
            aria-label={t('rules.field')}
            placeholder={t('rules.field')}
            value={action.field}
            onChange={(e) => onChange({ ...action, field: e.target.value })}
          />
          <input
            data-testid="rule-action-value"
            aria-label={t('rules.value')}
            placeholder={t('rules.value')}
            value={typeof action.value === 'string' ? action.value : JSON.stringify(action.value ?? '')}
            onChange={(e) => onChange({ ...action, value: e.target.value })}
          />
        </>
      );
    case 'notify':
      return <NotifyInputs action={action} onChange={onChange} />;
  }
}

function NotifyInputs({
  action,
  onChange,
}: {
  action: Extract<RuleAction, { type: 'notify' }>;
  onChange: (a: RuleAction) => void;
}) {
  const { t } = useTranslation();
  const kind = 'requester' in action.to ? 'requester' : 'user' in action.to ? 'user' : 'role';
  const who = 'user' in action.to ? action.to.user : 'role' in action.to ? action.to.role : '';
  const target = (k: string, name: string): NotifyTarget =>
    k === 'requester' ? { requester: true } : k === 'user' ? { user: name } : { role: name };
  return (
    <>
      <select
        data-testid="rule-action-notify-kind"
        aria-label={t('rules.notifyTo')}
        value={kind}
        onChange={(e) => onChange({ ...action, to: target(e.target.value, who) })}
      >
        <option value="requester">{t('rules.notify.requester')}</option>
        <option value="role">{t('rules.notify.role')}</option>
        <option value="user">{t('rules.notify.user')}</option>
      </select>
      {kind !== 'requester' && (
        <input
          data-testid="rule-action-notify-who"
          aria-label={t(`rules.notify.${kind}`)}
          value={who}
          onChange={(e) => onChange({ ...action, to: target(kind, e.target.value) })}
        />
      )}
      <input
        data-testid="rule-action-message"
        aria-label={t('rules.message')}
        placeholder={t('rules.message')}
        value={action.message}
        onChange={(e) => onChange({ ...action, message: e.target.value })}
      />
    </>
  );
}
