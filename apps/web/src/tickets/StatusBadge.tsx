import { useTranslation } from 'react-i18next';
import { outcomeLabel } from '../i18n/labels';
import type { TicketStatus } from '@ticketflow/contract';

/** A ticket's status (and outcome, once finished) as a coloured pill. */
export function StatusBadge({ status, outcome }: { status: TicketStatus; outcome?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} data-testid="ticket-status" data-status={status}>
      {t(`tickets.status.${status}`)}
      {outcome && status !== 'cancelled' ? `${t('common.dotSeparator')}${outcomeLabel(t, outcome)}` : ''}
    </span>
  );
}
