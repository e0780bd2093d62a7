import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { isApiError } from '../http/api-error';
import { workflowsApi } from '../http/workflows.api';
import { catalogueApi, inLanguage, type Bilingual } from '../catalogue/catalogue.api';
import { ruleText } from '../http/problem-text';
import { FieldInput } from './FieldInput';
import { FilePicker } from '../attachments/FilePicker';
import { attachFiles } from '../attachments/attach-files';
import { readFieldValues, serverFieldErrors, type FieldError, type RawValues } from './field-form';
import { ticketsApi } from './tickets.api';
import { useWorkflowVersion } from './use-workflow-version';
import { attachmentRuleOf } from '@ticketflow/definition';
import './tickets.css';
import { PRIORITIES, type Priority, type WorkflowSummary } from '@ticketflow/contract';

/** The longest title the server accepts (CreateTicketDto); the form counts characters against it. */
export const TITLE_MAX_LENGTH = 200;

/**
 * /tickets/new: pick a published workflow, fill the form generated from its
 * typed fields; errors show per field, from the browser's checks first and the
 * server's 400 `details` after.
 */
export function CreateTicketPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [workflowKey, setWorkflowKey] = useState(params.get('workflow') ?? '');
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [raw, setRaw] = useState<RawValues>({});
  const [errors, setErrors] = useState<Record<string, FieldError | string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<File[]>([]);

  // Requesters choose among the catalogue's request types (by their titles); staff among every published workflow.
  const isStaff = useAuthStore((s) => Boolean(s.user?.roles.some((role) => role !== 'requester')));
  const [titles, setTitles] = useState<ReadonlyMap<string, Bilingual> | null>(null);
  useEffect(() => {
    Promise.all([workflowsApi.list(), isStaff ? Promise.resolve(null) : catalogueApi.list()]).then(
      ([list, catalogue]) => {
        const published = list.filter((w) => w.latestVersion !== null);
        if (!catalogue) return setWorkflows(published);
        const byKey = new Map(catalogue.entries.map((entry) => [entry.workflowKey, entry.title]));
        setTitles(byKey);
        setWorkflows(
          catalogue.entries.flatMap((entry) => published.filter((w) => w.key === entry.workflowKey)),
        );
      },
      (error: unknown) => setFormError(error instanceof Error ? error.message : String(error)),
    );
  }, [isStaff]);

  const latest = workflows?.find((w) => w.key === workflowKey)?.latestVersion ?? null;
  const { version } = useWorkflowVersion(workflowKey || undefined, latest);
  const fields = useMemo(() => version?.definition.fields ?? [], [version]);
  // Steps further on that need a file (the refund's review needs the receipt): said here, so it comes with the request.
  const fileSteps = useMemo(
    () =>
      (version?.definition.nodes ?? []).flatMap((node) => {
        const rule = attachmentRuleOf(node);
        return rule?.required ? [{ id: node.id, name: node.name ?? node.id, note: rule.note }] : [];
      }),
    [version],
  );
  // Requesters choose a priority only where the workflow allows it (the server refuses it otherwise).
  const mayChoosePriority = isStaff || version?.definition.requesterPriority === true;

  const chooseWorkflow = (key: string) => {
    setWorkflowKey(key);
    setRaw({});
    setErrors({});
    setFormError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const read = readFieldValues(fields, raw);
    const nextErrors: Record<string, FieldError | string> = { ...read.errors };
    if (!workflowKey) nextErrors.workflowKey = { key: 'required' };
    if (title.trim() === '') nextErrors.title = { key: 'required' };
    else if ([...title.trim()].length > TITLE_MAX_LENGTH)
      nextErrors.title = { key: 'tooLong', params: { max: TITLE_MAX_LENGTH } };
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) {
      setFormError(t('tickets.create.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const ticket = await ticketsApi.create({
        workflowKey,
        title: title.trim(),
        fields: read.values,
        priority: mayChoosePriority ? priority : 'normal',
      });
      // Files go up once the ticket exists; one that is refused is named, and the ticket page can take it again.
      const refused = await attachFiles(ticket.id, files);
      void navigate(
        `/tickets/${ticket.id}`,
        refused.length ? { state: { attachmentErrors: refused } } : undefined,
      );
    } catch (error) {
      if (isApiError(error) && error.status === 400) {
        const fromServer = serverFieldErrors(error.details, (problem) =>
          ruleText(t, (key) => i18n.exists(key), problem),
        );
        setErrors(fromServer);
        setFormError(Object.keys(fromServer).length ? t('tickets.create.fixErrors') : error.message);
      } else {
        setFormError(
          t('tickets.create.failed', { message: error instanceof Error ? error.message : String(error) }),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  const clearError = (name: string) =>
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const next = { ...prev };
      delete next[name];
      return next;
    });

  const setField = (name: string, value: string | boolean) => {
    setRaw((prev) => ({ ...prev, [name]: value }));
    clearError(name);
  };

  return (
    <main className="page ticket-create" data-testid="ticket-create">
      <p className="crumbs">
        {isStaff ? (
          <Link to="/tickets">{t('tickets.detail.back')}</Link>
        ) : (
          <Link to="/catalogue" data-testid="back-to-catalogue">
            {t('tickets.create.backToCatalogue')}
          </Link>
        )}
      </p>
      <h1>{t('tickets.create.title')}</h1>
      {workflows && workflows.length === 0 && <p className="muted">{t('tickets.create.noWorkflows')}</p>}
      <form className="card form-grid" onSubmit={submit} noValidate data-testid="ticket-form">
        <label>
          <span>
            {t('tickets.create.workflow')}
            <span className="required-mark"> *</span>
          </span>
          <select
            value={workflowKey}
            onChange={(e) => chooseWorkflow(e.target.value)}
            data-testid="ticket-workflow"
            aria-invalid={errors.workflowKey ? true : undefined}
          >
            <option value="">{t('tickets.create.chooseWorkflow')}</option>
            {(workflows ?? []).map((w) => (
              <option key={w.key} value={w.key}>
                {titles
                  ? inLanguage(titles.get(w.key) ?? { en: w.name, zh: w.name }, i18n.language)
                  : t('tickets.create.workflowOption', { name: w.name, version: w.latestVersion })}
              </option>
            ))}
          </select>
        </label>
        {errors.workflowKey && (
          <span className="field-error" data-testid="ticket-workflow-error">
            {t('tickets.errors.required')}
          </span>
        )}
        <FieldInput
          field={{ name: 'title', type: 'string', label: t('tickets.create.ticketTitle') }}
          value={title}
          onChange={(value) => {
            setTitle(String(value));
            clearError('title');
          }}
          error={errors.title}
          required
          maxLength={TITLE_MAX_LENGTH}
          testId="ticket-title"
        />
        {mayChoosePriority && (
          <label>
            {t('tickets.create.priority')}
            <select
              value={priority}
              onChange={(e) => setPriority(e.target.value as Priority)}
              data-testid="ticket-priority"
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`tickets.priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {fields.length > 0 && <h2 className="form-section">{t('tickets.create.fields')}</h2>}
        {fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            value={raw[field.name]}
            onChange={(value) => setField(field.name, value)}
            error={errors[field.name]}
            required={field.required}
            testId={`ticket-field-${field.name}`}
          />
        ))}
        <h2 className="form-section">{t('attachments.title')}</h2>
        <FilePicker
          files={files}
          onChange={setFiles}
          note={t('attachments.createNote')}
          testId="ticket-files"
        />
        {fileSteps.map((step) => (
          <p key={step.id} className="small step-attachment__rule" data-testid="ticket-files-needed">
            {step.note
              ? t('attachments.neededAtWithNote', { step: step.name, note: step.note })
              : t('attachments.neededAt', { step: step.name })}
          </p>
        ))}
        {formError && (
          <p className="error" role="alert" data-testid="ticket-form-error">
            {formError}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="ticket-submit">
            {t('tickets.create.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
