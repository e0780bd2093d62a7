import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMapping, WorkflowSummary } from '@ticketflow/contract';
import type { MailChannelBody } from './mail.api';

export const NEW_CHANNEL: MailChannelBody = {
  address: '',
  enabled: true,
  workflowKey: '',
  titleTemplate: '{{subject}}',
  fieldMappings: [],
  unknownSender: 'reject',
  fallbackRequester: null,
  allowedDomains: [],
  maxBytes: 10 * 1024 * 1024,
};

/** The form of one inbound e-mail channel; field mappings are edited as JSON (the same rules as intake channels). */
export function MailChannelForm({
  initial,
  workflows,
  error,
  onSave,
  onCancel,
}: {
  initial: MailChannelBody;
  workflows: WorkflowSummary[];
  error: string | null;
  onSave: (body: MailChannelBody) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const [domains, setDomains] = useState(initial.allowedDomains.join(', '));
  const [mappings, setMappings] = useState(JSON.stringify(initial.fieldMappings, null, 1));
  const [mappingError, setMappingError] = useState<string | null>(null);
  const set = <K extends keyof MailChannelBody>(key: K, value: MailChannelBody[K]) =>
    setBody((old) => ({ ...old, [key]: value }));

  const submit = () => {
    let fieldMappings: FieldMapping[];
    try {
      fieldMappings = JSON.parse(mappings.trim() || '[]') as FieldMapping[];
      if (!Array.isArray(fieldMappings)) throw new Error('not a list');
    } catch {
      setMappingError(t('mail.mappingsInvalid'));
      return;
    }
    setMappingError(null);
    const allowedDomains = domains
      .split(/[\s,，]+/)
      .map((domain) => domain.trim().toLowerCase())
      .filter((domain) => domain !== '');
    onSave({
      ...body,
      fieldMappings,
      allowedDomains,
      fallbackRequester: body.unknownSender === 'fallback' ? body.fallbackRequester : null,
    });
  };

  return (
    <form
      className="mail-channel-form"
      data-testid="mail-channel-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        {t('mail.address')}
        <input
          type="email"
          required
          value={body.address}
          onChange={(e) => set('address', e.target.value)}
          data-testid="mail-address"
        />
      </label>
      <label>
        {t('rules.workflow')}
        <select
          required
          value={body.workflowKey}
          onChange={(e) => set('workflowKey', e.target.value)}
          data-testid="mail-workflow"
        >
          <option value="">—</option>
          {workflows.map((w) => (
            <option key={w.key} value={w.key}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mail.titleTemplate')}
        <input value={body.titleTemplate} onChange={(e) => set('titleTemplate', e.target.value)} />
      </label>
      <label>
        {t('mail.unknownSender')}
        <select
          value={body.unknownSender}
          onChange={(e) => set('unknownSender', e.target.value as MailChannelBody['unknownSender'])}
        >
          <option value="reject">{t('mail.policies.reject')}</option>
          <option value="fallback">{t('mail.policies.fallback')}</option>
        </select>
      </label>
      {body.unknownSender === 'fallback' && (
        <label>
          {t('mail.fallbackRequester')}
          <input
            value={body.fallbackRequester ?? ''}
            onChange={(e) => set('fallbackRequester', e.target.value || null)}
          />
        </label>
      )}
      <label>
        {t('mail.allowedDomains')}
        <input
          value={domains}
          placeholder={t('mail.domainsPlaceholder')}
          onChange={(e) => setDomains(e.target.value)}
        />
      </label>
      <label>
        {t('mail.maxMegabytes')}
        <input
          type="number"
          min={1}
          max={50}
          value={Math.round(body.maxBytes / 1048576)}
          onChange={(e) => set('maxBytes', Math.max(1, Number(e.target.value)) * 1048576)}
        />
      </label>
      <label className="mail-channel-form__wide">
        {t('mail.mappings')}
        <textarea
          rows={4}
          value={mappings}
          onChange={(e) => setMappings(e.target.value)}
          spellCheck={false}
        />
        <span className="muted small">{t('mail.mappingsHint')}</span>
      </label>
      <label className="mail-channel-form__check">
        <input type="checkbox" checked={body.enabled} onChange={(e) => set('enabled', e.target.checked)} />{' '}
        {t('rules.enabled')}
      </label>
      {(mappingError ?? error) && (
        <p className="error" role="alert">
          {mappingError ?? error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" data-testid="mail-save">
          {t('mail.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
