import { useTranslation } from 'react-i18next';
import type { Assignee, AssignmentStrategy } from '@ticketflow/definition';
import { useDirectory } from './use-directory';

/** Task assignee: one user, or a role with an optional strategy. */
export function AssigneePicker({ value, onChange }: { value: Assignee; onChange: (a: Assignee) => void }) {
  const { t } = useTranslation();
  const { users, roles } = useDirectory();
  const kind = 'user' in value ? 'user' : 'role';
  return (
    <fieldset>
      <legend>{t('designer.props.assignee')}</legend>
      <label>
        {t('designer.props.assignTo')}
        <select
          data-testid="prop-assignee-kind"
          value={kind}
          onChange={(e) =>
            onChange(
              e.target.value === 'user'
                ? { user: users[0]?.username ?? '' }
                : { role: roles[0]?.name ?? 'agent' },
            )
          }
        >
          <option value="role">{t('designer.props.aRole')}</option>
          <option value="user">{t('designer.props.aUser')}</option>
        </select>
      </label>
      {'user' in value ? (
        <label>
          {t('designer.props.user')}
          <select
            data-testid="prop-assignee-user"
            value={value.user}
            onChange={(e) => onChange({ user: e.target.value })}
          >
            {!users.some((u) => u.username === value.user) && (
              <option value={value.user}>{value.user || '—'}</option>
            )}
            {users.map((u) => (
              <option key={u.id} value={u.username}>
                {u.displayName ?? u.username}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            {t('designer.props.role')}
            <select
              data-testid="prop-assignee-role"
              value={value.role}
              onChange={(e) => onChange({ ...value, role: e.target.value })}
            >
              {!roles.some((r) => r.name === value.role) && <option value={value.role}>{value.role}</option>}
              {roles.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('designer.props.strategy')}
            <select
              data-testid="prop-assignee-strategy"
              value={value.strategy ?? ''}
              onChange={(e) => {
                const { strategy: _s, ...rest } = value;
                onChange(e.target.value ? { ...rest, strategy: e.target.value as AssignmentStrategy } : rest);
              }}
            >
              <option value="">{t('designer.props.strategyPool')}</option>
              <option value="round-robin">{t('designer.props.strategyRoundRobin')}</option>
              <option value="least-loaded">{t('designer.props.strategyLeastLoaded')}</option>
            </select>
          </label>
        </>
      )}
    </fieldset>
  );
}
