import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRule } from '@ticketflow/definition';
import { attachmentsApi, type Attachment } from './attachments.api';
import { FilePicker } from './FilePicker';

/**
 * Attach files from a step's form (an agent adds the receipt at review): the
 * files are uploaded at once, linked to the step, internal unless shared.
 * When the step requires a file (`rule`), says so with the rule's note (in the
 * UI language when the definition translates it) until the ticket has one.
 */
export function StepAttachment({
  taskId,
  ticketId,
  shared,
  rule,
  attachedBefore = false,
}: {
  taskId: string;
  ticketId: string;
  shared: boolean;
  rule?: AttachmentRule | null;
  /** The ticket already had a file when the card was loaded. */
  attachedBefore?: boolean;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<File[]>([]);
  const [added, setAdded] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const met = attachedBefore || added.length > 0;
  const upload = async () => {
    setBusy(true);
    setError(null);
    try {
      for (const file of chosen) {
        const stored = await attachmentsApi.upload(ticketId, file, {
          taskId,
          visibility: shared ? 'public' : 'internal',
        });
        setAdded((prev) => [...prev, stored]);
      }
      setChosen([]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="step-attachment" data-testid="step-attachment">
      {rule?.required && (
        <p
          className={`small step-attachment__rule${met ? ' muted' : ''}`}
          data-testid="step-attachment-rule"
          data-met={met}
        >
          {rule.note ? t('attachments.requiredWithNote', { note: rule.note }) : t('attachments.required')}
        </p>
      )}
      {!rule?.required && rule?.note && (
        <p className="small muted" data-testid="step-attachment-rule">
          {rule.note}
        </p>
      )}
      <FilePicker files={chosen} onChange={setChosen} testId="step-attachment-picker" />
      {chosen.length > 0 && (
        <button
          type="button"
          onClick={() => void upload()}
          disabled={busy}
          data-testid="step-attachment-upload"
        >
          {t('attachments.upload')}
        </button>
      )}
      {added.length > 0 && (
        <p className="small muted" data-testid="step-attachment-added">
          {t('attachments.attached', { names: added.map((file) => file.name).join(', ') })}
        </p>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
