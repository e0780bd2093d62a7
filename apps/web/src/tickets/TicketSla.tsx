import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../http/api-client';
import { formatCountdown } from '../inbox/countdown';
import { useNow } from '../inbox/use-now';
import type { SlaClock, TicketSla as TicketSlaAnswer } from '@ticketflow/contract';

/** The ticket's SLA clocks (GET /api/tickets/:id/sla): response and resolution, with a countdown while running. */
export function TicketSla({ ticketId, refreshKey }: { ticketId: string; refreshKey: unknown }) {
  const { t } = useTranslation();
  const now = useNow();
  const [clocks, setClocks] = useState<SlaClock[]>([]);
  useEffect(() => {
    let live = true;
    api.get<TicketSlaAnswer>(`/tickets/${encodeURIComponent(ticketId)}/sla`).then(
      (answer) => live && setClocks(Array.isArray(answer?.clocks) ? answer.clocks : []),
      () => live && setClocks([]),
    );
    return () => {
      live = false;
    };
  }, [ticketId, refreshKey]);
  if (clocks.length === 0) return null;
  const units = {
    d: t('inbox.units.d'),
    h: t('inbox.units.h'),
    m: t('inbox.units.m'),
    s: t('inbox.units.s'),
  };
  return (
    <div className="ticket-sla" data-testid="ticket-sla">
      {clocks.map((clock) => {
        const countdown =
          clock.dueAt && clock.status === 'running' ? formatCountdown(clock.dueAt, now, units) : null;
        return (
          <span
            key={clock.kind}
            className={`sla sla--${countdown?.level ?? (clock.status === 'breached' ? 'overdue' : 'none')}`}
            data-testid={`sla-${clock.kind}`}
            data-status={clock.status}
          >
            {t(`tickets.sla.${clock.kind}`, { defaultValue: clock.kind })}:{' '}
            {countdown
              ? t(countdown.overdue ? 'inbox.countdown.overdue' : 'inbox.countdown.left', {
                  time: countdown.text,
                })
              : t(`tickets.sla.status.${clock.status}`, { defaultValue: clock.status })}
          </span>
        );
      })}
    </div>
  );
}
