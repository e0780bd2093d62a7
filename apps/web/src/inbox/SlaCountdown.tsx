import { useTranslation } from 'react-i18next';
import { formatCountdown } from './countdown';

/** "3h 05m left" / "12m 40s overdue", coloured by urgency; "No SLA" without a due time. */
export function SlaCountdown({ dueAt, now }: { dueAt?: string; now: number }) {
  const { t, i18n } = useTranslation();
  if (!dueAt) {
    return (
      <span className="sla sla--none" data-testid="sla" data-level="none">
        {t('inbox.countdown.none')}
      </span>
    );
  }
  const units = {
    d: t('inbox.units.d'),
    h: t('inbox.units.h'),
    m: t('inbox.units.m'),
    s: t('inbox.units.s'),
  };
  const countdown = formatCountdown(dueAt, now, units);
  return (
    <time
      className={`sla sla--${countdown.level}`}
      dateTime={dueAt}
      title={new Date(dueAt).toLocaleString(i18n.language)}
      data-testid="sla"
      data-level={countdown.level}
    >
      {t(countdown.overdue ? 'inbox.countdown.overdue' : 'inbox.countdown.left', { time: countdown.text })}
    </time>
  );
}
