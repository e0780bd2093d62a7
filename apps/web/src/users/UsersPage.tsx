import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { EmailEditor } from './EmailEditor';
import { RolesEditor } from './RolesEditor';
import { usersApi } from './users.api';
import type { AdminUser, RoleOption } from '@ticketflow/contract';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * /users (admins): every account with its roles; deactivate or reactivate,
 * sign out all of a user's sessions, and edit roles. Each change takes
 * effect at the user's next request.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useAuthStore((s) => s.user);
  const isAdmin = Boolean(me?.roles.includes('admin'));
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [roles, setRoles] = useState<RoleOption[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [editingEmail, setEditingEmail] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setUsers(await usersApi.list());
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    if (!isAdmin) return;
    void reload();
    usersApi
      .roles()
      .then(setRoles)
      .catch(() => setRoles([]));
  }, [isAdmin, reload]);

  if (!isAdmin) {
    return (
      <main className="page users-page" data-testid="page-users">
        <h1>{t('users.title')}</h1>
        <p className="muted">{t('users.adminOnly')}</p>
      </main>
    );
  }

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setError(null);
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
    } catch (e) {
      setError(messageOf(e));
    }
    await reload();
  };

  return (
    <main className="page users-page" data-testid="page-users">
      <nav className="org-tabs" aria-label={t('users.title')}>
        <span aria-current="page">{t('organisation.accountsTab')}</span>
        <Link to="/users/organisation" data-testid="users-organisation-link">
          {t('organisation.title')}
        </Link>
      </nav>
      <h1>{t('users.title')}</h1>
      <p className="muted">{t('users.subtitle')}</p>
      {error && (
        <p className="error" role="alert" data-testid="users-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {users === null && !error && <p className="muted">{t('common.loading')}</p>}
      {users && (
        <table className="users-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('users.user')}</th>
              <th>{t('users.email')}</th>
              <th>{t('users.roles')}</th>
              <th>{t('users.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr
                key={user.id}
                data-testid={`user-row-${user.username}`}
                className={user.active ? undefined : 'muted'}
              >
                <td>
                  {user.displayName} <span className="muted small">{user.username}</span>
                </td>
                <td data-testid={`user-email-${user.username}`}>
                  {editingEmail === user.id ? (
                    <EmailEditor
                      initial={user.email}
                      onCancel={() => setEditingEmail(null)}
                      onSave={(email) =>
                        act(
                          async () => {
                            await usersApi.setEmail(user.id, email);
                            setEditingEmail(null);
                          },
                          t('users.emailSaved', { name: user.username }),
                        )
                      }
                    />
                  ) : (
                    <span className="row wrap">
                      <span className="user-email">{user.email ?? '—'}</span>
                      <button
                        type="button"
                        className="link-button"
                        data-testid={`user-edit-email-${user.username}`}
                        disabled={editingEmail !== null}
                        onClick={() => setEditingEmail(user.id)}
                      >
                        {t('users.editEmail')}
                      </button>
                    </span>
                  )}
                </td>
                <td>
                  {editing === user.id ? (
                    <RolesEditor
                      options={roles}
                      initial={user.roles}
                      onCancel={() => setEditing(null)}
                      onSave={(next) =>
                        act(
                          async () => {
                            await usersApi.setRoles(user.id, next);
                            setEditing(null);
                          },
                          t('users.rolesSaved', { name: user.username }),
                        )
                      }
                    />
                  ) : (
                    user.roles.join(', ') || '—'
                  )}
                </td>
                <td data-testid={`user-status-${user.username}`}>
                  {user.active ? t('users.active') : t('users.inactive')}
                </td>
                <td>
                  <div className="row users-actions">
                    <button
                      type="button"
                      data-testid={`user-edit-${user.username}`}
                      disabled={editing !== null}
                      onClick={() => setEditing(user.id)}
                    >
                      {t('users.editRoles')}
                    </button>
                    <button
                      type="button"
                      data-testid={`user-sign-out-${user.username}`}
                      onClick={() =>
                        act(
                          () => usersApi.signOutEverywhere(user.id),
                          t('users.signedOut', { name: user.username }),
                        )
                      }
                    >
                      {t('users.signOutAll')}
                    </button>
                    {user.active ? (
                      <button
                        type="button"
                        data-testid={`user-deactivate-${user.username}`}
                        disabled={user.id === me?.id}
                        onClick={() =>
                          act(
                            () => usersApi.deactivate(user.id),
                            t('users.deactivated', { name: user.username }),
                          )
                        }
                      >
                        {t('users.deactivate')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        data-testid={`user-activate-${user.username}`}
                        onClick={() => act(() => usersApi.activate(user.id))}
                      >
                        {t('users.activate')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
