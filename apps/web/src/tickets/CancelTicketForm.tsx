import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from './tickets.api';
import type { Ticket } from '@ticketflow/contract';

/** "Cancel ticket" with a required reason; shown to the requester and admins while the ticket runs. */
export function CancelTicketForm({
  ticket,
  onCancelled,
}: {
  ticket: Ticket;
  onCancelled: (ticket: Ticket) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)} data-testid="cancel-ticket">
        {t('tickets.cancel.button')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('tickets.cancel.reasonRequired'));
      return;
    }
    setBusy(true);
    try {
      onCancelled(await ticketsApi.cancel(ticket.id, reason.trim()));
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="cancel-form card" onSubmit={submit} noValidate data-testid="cancel-form">
      <label>
        {t('tickets.cancel.reason')}
        <textarea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="cancel-reason"
          aria-invalid={error ? true : undefined}
        />
      </label>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.close')}
        </button>
        <button type="submit" className="danger" disabled={busy} data-testid="cancel-confirm">
          {t('tickets.cancel.confirm')}
        </button>
      </div>
    </form>
  );
}
