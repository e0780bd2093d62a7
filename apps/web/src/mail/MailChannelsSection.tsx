import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkflowSummary } from '@ticketflow/contract';
import { MailChannelForm, NEW_CHANNEL } from './MailChannelForm';
import { mailApi, type MailChannel, type MailChannelBody, type MailMessage } from './mail.api';
import './mail.css';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const bodyOf = ({ id: _id, ...body }: MailChannel): MailChannelBody => body;

/**
 * Admins: the inbound e-mail addresses (which workflow their mail starts,
 * mapping rules, sender policy) and the last e-mails received with what
 * became of each. Shown on the Rules page, beside routing.
 */
export function MailChannelsSection({ workflows }: { workflows: WorkflowSummary[] }) {
  const { t, i18n } = useTranslation();
  const [channels, setChannels] = useState<MailChannel[] | null>(null);
  const [messages, setMessages] = useState<MailMessage[]>([]);
  const [editing, setEditing] = useState<MailChannel | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [loaded, recent] = await Promise.all([mailApi.channels(), mailApi.messages()]);
      setChannels(loaded);
      setMessages(recent);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const save = async (body: MailChannelBody) => {
    setError(null);
    try {
      if (editing && editing !== 'new') await mailApi.replace(editing.id, body);
      else await mailApi.create(body);
      setEditing(null);
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const remove = async (channel: MailChannel) => {
    if (!window.confirm(t('mail.confirmDelete', { address: channel.address }))) return;
    await mailApi.remove(channel.id).catch((e: unknown) => setError(messageOf(e)));
    await reload();
  };

  return (
    <section className="card mail-channels" data-testid="mail-channels">
      <h2>{t('mail.title')}</h2>
      <p className="muted small">{t('mail.subtitle')}</p>
      {channels !== null && channels.length === 0 && <p className="muted">{t('mail.empty')}</p>}
      {channels !== null && channels.length > 0 && (
        <table className="rules-table" data-testid="mail-channels-table">
          <thead>
            <tr>
              <th>{t('mail.address')}</th>
              <th>{t('rules.workflow')}</th>
              <th>{t('mail.unknownSender')}</th>
              <th>{t('rules.enabled')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {channels.map((channel) => (
              <tr key={channel.id} className={channel.enabled ? undefined : 'muted'}>
                <td>{channel.address}</td>
                <td>{workflows.find((w) => w.key === channel.workflowKey)?.name ?? channel.workflowKey}</td>
                <td>{t(`mail.policies.${channel.unknownSender}`)}</td>
                <td>{channel.enabled ? t('common.yes') : t('common.no')}</td>
                <td className="row">
                  <button type="button" onClick={() => setEditing(channel)}>
                    {t('rules.edit')}
                  </button>
                  <button type="button" onClick={() => void remove(channel)}>
                    {t('rules.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing === null ? (
        <button type="button" data-testid="mail-new" onClick={() => setEditing('new')}>
          + {t('mail.new')}
        </button>
      ) : (
        <MailChannelForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? NEW_CHANNEL : bodyOf(editing)}
          workflows={workflows}
          error={error}
          onSave={(body) => void save(body)}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing === null && error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('mail.recent')}</h3>
      {messages.length === 0 ? (
        <p className="muted small">{t('mail.noMessages')}</p>
      ) : (
        <ul className="mail-messages" data-testid="mail-messages">
          {messages.map((message) => (
            <li key={message.id}>
              <span className={`mail-status mail-status--${message.status}`}>
                {t(`mail.status.${message.status}`)}
              </span>{' '}
              <span className="muted small">
                {new Date(message.receivedAt).toLocaleString(i18n.language)}
              </span>{' '}
              {message.from ?? '—'} · {message.subject ?? '—'}
              {message.ticketId && (
                <>
                  {' '}
                  → <Link to={`/tickets/${message.ticketId}`}>#{message.ticketNumber}</Link>
                </>
              )}
              {message.reason && <span className="muted small"> ({message.reason})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
