import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../auth/auth.store';
import { api } from '../http/api-client';
import type { OrganisationSettings } from '@ticketflow/contract';

/** The IANA zones this browser knows, for the admin's choice; a short list where Intl cannot list them. */
function knownZones(current: string): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [
    'UTC',
    'Asia/Shanghai',
    'Asia/Hong_Kong',
    'Asia/Singapore',
    'Europe/London',
    'Europe/Berlin',
    'America/New_York',
  ];
  return [...new Set(['UTC', current, ...zones])];
}

/**
 * Which time zone report days are counted in (the organisation's, set by an
 * admin): a sentence for everyone, a select and Save for admins.
 * Side effects: one GET on mount, one PUT on Save.
 */
export function TimeZoneSetting({ onChanged }: { onChanged?: (zone: string) => void }) {
  const { t } = useTranslation();
  const isAdmin = useAuthStore((s) => Boolean(s.user?.roles.includes('admin')));
  const [saved, setSaved] = useState<string>();
  const [choice, setChoice] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    let live = true;
    api.get<OrganisationSettings>('/settings/organisation').then(
      (settings) => {
        if (!live || typeof settings?.timeZone !== 'string') return;
        setSaved(settings.timeZone);
        setChoice(settings.timeZone);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (!saved) return null;

  async function save() {
    try {
      const next = await api.put<OrganisationSettings>('/settings/organisation', { timeZone: choice });
      setSaved(next.timeZone);
      setMessage({ ok: true, text: t('reports.timeZone.saved') });
      onChanged?.(next.timeZone);
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="time-zone-setting muted small" data-testid="report-time-zone">
      {isAdmin ? (
        <label>
          {t('reports.timeZone.label')}{' '}
          <select
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            data-testid="report-time-zone-select"
          >
            {knownZones(saved).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            onClick={() => void save()}
            disabled={choice === saved}
            data-testid="report-time-zone-save"
          >
            {t('reports.timeZone.save')}
          </button>
        </label>
      ) : (
        <span>{t('reports.timeZone.current', { zone: saved })}</span>
      )}
      {message && (
        <span className={message.ok ? 'ok' : 'error'} role="status">
          {' '}
          {message.text}
        </span>
      )}
    </div>
  );
}
