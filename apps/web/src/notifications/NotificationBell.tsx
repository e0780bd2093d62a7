import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInboxLive } from '../live/use-inbox-live';
import { notificationsApi } from './notifications.api';
import './notifications.css';
import type { AppNotification } from '@ticketflow/contract';

/**
 * The header bell: unread count (refreshed on live inbox signals and each
 * minute), a list on click; opening one marks it read and goes to its ticket.
 * Renders nothing if the server has no notifications endpoint.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [count, setCount] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const refresh = useCallback(async () => {
    try {
      const { count: unread } = await notificationsApi.unreadCount();
      setCount(typeof unread === 'number' ? unread : null);
    } catch {
      setCount(null);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useInboxLive(refresh);

  useEffect(() => {
    if (!open) return undefined;
    notificationsApi.list().then(setItems, () => setItems([]));
    const close = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  if (count === null) return null;
  const choose = async (item: AppNotification) => {
    setOpen(false);
    if (!item.readAt) {
      await notificationsApi.markRead(item.id).catch(() => undefined);
      void refresh();
    }
    if (item.ticketId) void navigate(`/tickets/${item.ticketId}`);
  };
  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="bell__button"
        aria-label={`${t('notifications.bell')} — ${t('notifications.unread', { count })}`}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="notifications-bell"
      >
        <svg
          aria-hidden
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {count > 0 && (
          <span className="bell__count" data-testid="notifications-count">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div className="bell__panel" role="menu" data-testid="notifications-panel">
          {items === null && <p className="muted small">{t('common.loading')}</p>}
          {items?.length === 0 && <p className="muted small">{t('notifications.empty')}</p>}
          <ul>
            {items?.map((item) => (
              <li key={item.id} className={item.readAt ? 'is-read' : 'is-unread'}>
                <button
                  type="button"
                  role="menuitem"
                  onClick={() => void choose(item)}
                  data-testid={`notification-${item.id}`}
                >
                  <strong>{item.title}</strong>
                  {item.body && <span className="small">{item.body}</span>}
                  <time className="muted small">
                    {new Date(item.createdAt).toLocaleString(i18n.language)}
                  </time>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
