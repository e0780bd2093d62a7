import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { OrganisationImport } from './OrganisationImport';
import { organisationApi, splitNames, type OrgPatch, type OrgPerson } from './organisation.api';
import './organisation.css';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One row being edited: the text of each box. */
interface Draft {
  manager: string;
  groups: string;
  regions: string;
  skills: string;
}

const draftOf = (person: OrgPerson): Draft => ({
  manager: person.manager ?? '',
  groups: person.groups.join(', '),
  regions: person.regions.join(', '),
  skills: person.skills.join(', '),
});

/**
 * /users/organisation (admins): who reports to whom, groups, regions and
 * skills — what steps assigned to "the requester's manager" or "a store
 * owner in the ticket's region" read — edited per user or imported from CSV.
 */
export function OrganisationPage() {
  const { t } = useTranslation();
  const isAdmin = useAuthStore((s) => Boolean(s.user?.roles.includes('admin')));
  const [people, setPeople] = useState<OrgPerson[] | null>(null);
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setPeople(await organisationApi.list());
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    if (isAdmin) void reload();
  }, [isAdmin, reload]);

  if (!isAdmin) {
    return (
      <main className="page users-page" data-testid="page-organisation">
        <h1>{t('organisation.title')}</h1>
        <p className="muted">{t('users.adminOnly')}</p>
      </main>
    );
  }

  const save = async (person: OrgPerson, draft: Draft) => {
    setError(null);
    setNotice(null);
    const patch: OrgPatch = {
      manager: draft.manager || null,
      groups: splitNames(draft.groups),
      regions: splitNames(draft.regions),
      skills: splitNames(draft.skills),
    };
    try {
      await organisationApi.update(person.id, patch);
      setEditing(null);
      setNotice(t('organisation.saved', { name: person.username }));
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const box = (key: keyof Draft, label: string) =>
    editing && (
      <input
        aria-label={label}
        data-testid={`org-edit-${key}`}
        value={editing.draft[key]}
        onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, [key]: e.target.value } })}
      />
    );

  return (
    <main className="page users-page organisation-page" data-testid="page-organisation">
      <nav className="org-tabs" aria-label={t('users.title')}>
        <Link to="/users">{t('organisation.accountsTab')}</Link>
        <span aria-current="page">{t('organisation.title')}</span>
      </nav>
      <h1>{t('organisation.title')}</h1>
      <p className="muted">{t('organisation.subtitle')}</p>
      {error && (
        <p className="error" role="alert" data-testid="org-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="org-notice">
          {notice}
        </p>
      )}
      {people === null && !error && <p className="muted">{t('common.loading')}</p>}
      {people && (
        <table className="users-table org-table" data-testid="org-table">
          <thead>
            <tr>
              <th>{t('users.user')}</th>
              <th>{t('organisation.manager')}</th>
              <th>{t('organisation.groups')}</th>
              <th>{t('organisation.regions')}</th>
              <th>{t('organisation.skills')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {people.map((person) => {
              const open = editing?.id === person.id;
              return (
                <tr
                  key={person.id}
                  data-testid={`org-row-${person.username}`}
                  className={person.active ? undefined : 'muted'}
                >
                  <td>
                    {person.displayName} <span className="muted small">{person.username}</span>
                  </td>
                  <td data-label={t('organisation.manager')}>
                    {open && editing ? (
                      <select
                        aria-label={t('organisation.manager')}
                        data-testid="org-edit-manager"
                        value={editing.draft.manager}
                        onChange={(e) =>
                          setEditing({ ...editing, draft: { ...editing.draft, manager: e.target.value } })
                        }
                      >
                        <option value="">{t('organisation.noManager')}</option>
                        {people
                          .filter((other) => other.id !== person.id)
                          .map((other) => (
                            <option key={other.id} value={other.username}>
                              {other.displayName} ({other.username})
                            </option>
                          ))}
                      </select>
                    ) : (
                      (person.manager ?? '—')
                    )}
                  </td>
                  <td data-label={t('organisation.groups')}>
                    {open ? box('groups', t('organisation.groups')) : person.groups.join(', ') || '—'}
                  </td>
                  <td data-label={t('organisation.regions')}>
                    {open ? box('regions', t('organisation.regions')) : person.regions.join(', ') || '—'}
                  </td>
                  <td data-label={t('organisation.skills')}>
                    {open ? box('skills', t('organisation.skills')) : person.skills.join(', ') || '—'}
                  </td>
                  <td>
                    {open && editing ? (
                      <div className="row users-actions">
                        <button
                          type="button"
                          className="primary"
                          data-testid="org-save"
                          onClick={() => save(person, editing.draft)}
                        >
                          {t('organisation.save')}
                        </button>
                        <button type="button" data-testid="org-cancel" onClick={() => setEditing(null)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    ) : (
                      <button
                        type="button"
                        data-testid={`org-edit-row-${person.username}`}
                        disabled={editing !== null}
                        onClick={() => setEditing({ id: person.id, draft: draftOf(person) })}
                      >
                        {t('organisation.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <OrganisationImport onImported={() => void reload()} />
    </main>
  );
}
