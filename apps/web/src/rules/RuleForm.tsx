import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@ticketflow/definition';
import { ConditionBuilder } from '../designer/conditions/ConditionBuilder';
import { ActionsEditor } from './ActionsEditor';
import { rulesApi } from './rules.api';
import { conditionOrNull, ruleFields } from './rule-model';
import { RULE_TRIGGERS, type RuleBody, type RuleTrigger, type WorkflowSummary } from '@ticketflow/contract';

interface Props {
  initial: RuleBody;
  workflows: WorkflowSummary[];
  /** Shown next to the form (the API's 400 message). */
  error: string | null;
  saving: boolean;
  onSave: (body: RuleBody) => void;
  onCancel: () => void;
}

/**
 * One rule's editor: name, trigger, order, the condition (the Designer's
 * condition builder over the ticket facts and a chosen workflow's fields),
 * the actions, stop-after-match and enabled.
 */
export function RuleForm({ initial, workflows, error, saving, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [rule, setRule] = useState<RuleBody>(initial);
  const [fieldsFrom, setFieldsFrom] = useState(() => {
    const routed = initial.actions.find((a) => a.type === 'set-workflow');
    return routed?.type === 'set-workflow' ? routed.workflowKey : '';
  });
  const [workflowFields, setWorkflowFields] = useState<FieldDefinition[]>([]);
  const workflowKeys = useMemo(() => workflows.map((w) => w.key), [workflows]);

  useEffect(() => {
    const latest = workflows.find((w) => w.key === fieldsFrom)?.latestVersion;
    if (!fieldsFrom || !latest) {
      setWorkflowFields([]);
      return;
    }
    let live = true;
    rulesApi
      .version(fieldsFrom, latest)
      .then((v) => live && setWorkflowFields(v.definition.fields ?? []))
      .catch(() => live && setWorkflowFields([]));
    return () => {
      live = false;
    };
  }, [fieldsFrom, workflows]);

  const fields = useMemo(
    () =>
      ruleFields(
        {
          channel: t('rules.facts.channel'),
          priority: t('rules.facts.priority'),
          workflowKey: t('rules.facts.workflowKey'),
        },
        workflowKeys,
        workflowFields,
      ),
    [t, workflowKeys, workflowFields],
  );
  const patch = (p: Partial<RuleBody>) => setRule((r) => ({ ...r, ...p }));

  return (
    <form
      className="rule-form"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ ...rule, name: rule.name.trim(), condition: conditionOrNull(rule.condition) });
      }}
    >
      <div className="row">
        <label>
          {t('rules.name')}
          <input
            data-testid="rule-name"
            required
            maxLength={200}
            value={rule.name}
            onChange={(e) => patch({ name: e.target.value })}
          />
        </label>
        <label>
          {t('rules.trigger')}
          <select
            data-testid="rule-trigger"
            value={rule.trigger}
            onChange={(e) => patch({ trigger: e.target.value as RuleTrigger })}
          >
            {RULE_TRIGGERS.map((tr) => (
              <option key={tr} value={tr}>
                {t(`rules.triggers.${tr}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rules.position')}
          <input
            data-testid="rule-position"
            type="number"
            min={0}
            max={1000000}
            step={1}
            value={rule.position}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 0) patch({ position: n });
            }}
          />
        </label>
      </div>
      <fieldset>
        <legend>{t('rules.condition')}</legend>
        <label className="small">
          {t('rules.fieldsFrom')}
          <select
            data-testid="rule-fields-from"
            value={fieldsFrom}
            onChange={(e) => setFieldsFrom(e.target.value)}
          >
            <option value="">{t('common.none')}</option>
            {workflows
              .filter((w) => w.latestVersion !== null)
              .map((w) => (
                <option key={w.key} value={w.key}>
                  {w.name}
                </option>
              ))}
          </select>
        </label>
        <p className="muted small">{t('rules.conditionHint')}</p>
        <ConditionBuilder
          condition={rule.condition ?? undefined}
          fields={fields}
          onChange={(condition) => patch({ condition })}
        />
      </fieldset>
      <fieldset>
        <legend>{t('rules.actionsTitle')}</legend>
        <ActionsEditor
          actions={rule.actions}
          workflowKeys={workflowKeys}
          onChange={(actions) => patch({ actions })}
        />
      </fieldset>
      <div className="row">
        <label>
          <input
            type="checkbox"
            data-testid="rule-stop"
            checked={rule.stopProcessing}
            onChange={(e) => patch({ stopProcessing: e.target.checked })}
          />
          {t('rules.stopProcessing')}
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="rule-enabled"
            checked={rule.enabled}
            onChange={(e) => patch({ enabled: e.target.checked })}
          />
          {t('rules.enabled')}
        </label>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="rule-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" data-testid="rule-save" disabled={saving}>
          {t('rules.save')}
        </button>
        <button type="button" data-testid="rule-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
