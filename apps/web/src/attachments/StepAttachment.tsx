import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentsApi, type Attachment } from './attachments.api';
import { FilePicker } from './FilePicker';

/**
 * Attach files from a step's form (an agent adds the receipt at review): the
 * files are uploaded at once, linked to the step, internal unless shared.
 */
export function StepAttachment({
  taskId,
  ticketId,
  shared,
}: {
  taskId: string;
  ticketId: string;
  shared: boolean;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<File[]>([]);
  const [added, setAdded] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
