import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../auth/auth.store';
import { MailChannelsSection } from '../mail/MailChannelsSection';
import { RuleForm } from './RuleForm';
import { bodyOf, rulesApi } from './rules.api';
import { moveRule, newRuleBody, sortRules } from './rule-model';
import type { AutomationRule, RuleBody, WorkflowSummary } from '@ticketflow/contract';

type Editing = { mode: 'new' } | { mode: 'edit'; rule: AutomationRule } | null;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * /rules (admins): the routing and automation rules in evaluation order, with
 * create / edit / delete, enable / disable and reordering.
 */
export function RulesPage() {
  const { t } = useTranslation();
  const isAdmin = useAuthStore((s) => Boolean(s.user?.roles.includes('admin')));
  const [rules, setRules] = useState<AutomationRule[] | null>(null);
  const [workflows, setWorkflows] = useState<WorkflowSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);

  const reload = useCallback(async () => {
    try {
      setRules(sortRules(await rulesApi.list()));
      setLoadError(null);
    } catch (e) {
      setLoadError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    if (!isAdmin) return;
    void reload();
    rulesApi
      .workflows()
      .then(setWorkflows)
      .catch(() => setWorkflows([]));
  }, [isAdmin, reload]);

  if (!isAdmin) {
    return (
      <main className="page rules-page" data-testid="page-rules">
        <h1>{t('rules.title')}</h1>
        <p className="muted" data-testid="rules-admin-only">
          {t('rules.adminOnly')}
        </p>
      </main>
    );
  }

  const save = async (body: RuleBody) => {
    setSaving(true);
    setFormError(null);
    try {
      if (editing?.mode === 'edit') await rulesApi.replace(editing.rule.id, body);
      else await rulesApi.create(body);
      setEditing(null);
      await reload();
    } catch (e) {
      setFormError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const act = async (work: () => Promise<unknown>) => {
    setListError(null);
    try {
      await work();
    } catch (e) {
      setListError(messageOf(e));
    }
    await reload();
  };

  const remove = (rule: AutomationRule) => {
    if (!window.confirm(t('rules.confirmDelete', { name: rule.name }))) return;
    void act(() => rulesApi.remove(rule.id));
  };
  const toggle = (rule: AutomationRule) =>
    void act(() => rulesApi.replace(rule.id, { ...bodyOf(rule), enabled: !rule.enabled }));
  const move = (rule: AutomationRule, direction: -1 | 1) => {
    const changed = moveRule(rules ?? [], rule.id, direction);
    if (changed.length)
      void act(async () => {
        for (const r of changed) await rulesApi.replace(r.id, bodyOf(r));
      });
  };
  const startEdit = (next: Editing) => {
    setFormError(null);
    setEditing(next);
  };

  const list = rules ?? [];
  return (
    <main className="page rules-page" data-testid="page-rules">
      <h1>{t('rules.title')}</h1>
      <p className="muted">{t('rules.subtitle')}</p>
      {loadError && (
        <p className="error" role="alert" data-testid="rules-load-error">
          {loadError}
        </p>
      )}
      {listError && (
        <p className="error" role="alert" data-testid="rules-list-error">
          {listError}
        </p>
      )}
      {rules === null && !loadError && <p className="muted">{t('common.loading')}</p>}
      {rules !== null && list.length === 0 && (
        <p className="muted" data-testid="rules-empty">
          {t('rules.empty')}
        </p>
      )}
      {list.length > 0 && (
        <table className="rules-table" data-testid="rules-table">
          <thead>
            <tr>
              <th>{t('rules.position')}</th>
              <th>{t('rules.name')}</th>
              <th>{t('rules.trigger')}</th>
              <th>{t('rules.actionsTitle')}</th>
              <th>{t('rules.enabled')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((rule, i) => {
              const prev = list[i - 1];
              const next = list[i + 1];
              return (
                <tr
                  key={rule.id}
                  data-testid={`rule-row-${rule.id}`}
                  className={rule.enabled ? undefined : 'muted'}
                >
                  <td data-testid={`rule-position-${rule.id}`}>{rule.position}</td>
                  <td>
                    {rule.name}
                    {rule.stopProcessing && <span className="muted small"> · {t('rules.stops')}</span>}
                  </td>
                  <td>{t(`rules.triggers.${rule.trigger}`)}</td>
                  <td>{rule.actions.map((a) => t(`rules.actions.${a.type}`)).join(', ') || '—'}</td>
                  <td>
                    <input
                      type="checkbox"
                      data-testid={`rule-toggle-${rule.id}`}
                      aria-label={t('rules.enabled')}
                      checked={rule.enabled}
                      onChange={() => toggle(rule)}
                    />
                  </td>
                  <td className="row">
                    <button
                      type="button"
                      data-testid={`rule-up-${rule.id}`}
                      aria-label={t('rules.moveUp')}
                      disabled={prev?.trigger !== rule.trigger}
                      onClick={() => move(rule, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      data-testid={`rule-down-${rule.id}`}
                      aria-label={t('rules.moveDown')}
                      disabled={next?.trigger !== rule.trigger}
                      onClick={() => move(rule, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      data-testid={`rule-edit-${rule.id}`}
                      onClick={() => startEdit({ mode: 'edit', rule })}
                    >
                      {t('rules.edit')}
                    </button>
                    <button type="button" data-testid={`rule-delete-${rule.id}`} onClick={() => remove(rule)}>
                      {t('rules.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing === null ? (
        <button type="button" data-testid="rule-new" onClick={() => startEdit({ mode: 'new' })}>
          + {t('rules.new')}
        </button>
      ) : (
        <section className="rule-editor">
          <h2>
            {editing.mode === 'new' ? t('rules.new') : t('rules.editTitle', { name: editing.rule.name })}
          </h2>
          <RuleForm
            key={editing.mode === 'edit' ? editing.rule.id : 'new'}
            initial={editing.mode === 'edit' ? bodyOf(editing.rule) : newRuleBody(list)}
            workflows={workflows}
            error={formError}
            saving={saving}
            onSave={(body) => void save(body)}
            onCancel={() => setEditing(null)}
          />
        </section>
      )}
      <MailChannelsSection workflows={workflows} />
    </main>
  );
}
