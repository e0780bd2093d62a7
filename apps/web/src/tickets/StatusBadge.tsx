import { useTranslation } from 'react-i18next';
import { outcomeLabel } from '../i18n/labels';
import type { TicketStatus } from '@ticketflow/contract';

/** A ticket's status (and outcome, once finished) as a coloured pill. */
export function StatusBadge({
  status,
  outcome,
  testId = 'ticket-status',
}: {
  status: TicketStatus;
  outcome?: string;
  /** Another ticket's badge on this page (a sub-flow child) needs its own test id. */
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} data-testid={testId} data-status={status}>
      {t(`tickets.status.${status}`)}
      {outcome && status !== 'cancelled' ? `${t('common.dotSeparator')}${outcomeLabel(t, outcome)}` : ''}
    </span>
  );
}
