import { useTranslation } from 'react-i18next';
import type { Assignee } from '@ticketflow/definition';
import { DirectoryRuleFields, type WhoRule } from './DirectoryRuleFields';
import { useDirectory } from './use-directory';

type Kind = 'role' | 'user' | 'group' | 'manager';

const kindOf = (value: Assignee): Kind =>
  'user' in value ? 'user' : 'group' in value ? 'group' : 'manager' in value ? 'manager' : 'role';

/** Task assignee: one user; a role or a group (region, skills, how one is picked); or a manager. */
export function AssigneePicker({ value, onChange }: { value: Assignee; onChange: (a: Assignee) => void }) {
  const { t } = useTranslation();
  const { users, roles, groups } = useDirectory();
  const kind = kindOf(value);
  const fresh: Record<Kind, () => Assignee> = {
    role: () => ({ role: roles[0]?.name ?? 'agent' }),
    user: () => ({ user: users[0]?.username ?? '' }),
    group: () => ({ group: groups?.[0] ?? '' }),
    manager: () => ({ manager: 'requester' }),
  };
  return (
    <fieldset>
      <legend>{t('designer.props.assignee')}</legend>
      <label>
        {t('designer.props.assignTo')}
        <select
          data-testid="prop-assignee-kind"
          value={kind}
          onChange={(e) => onChange(fresh[e.target.value as Kind]())}
        >
          <option value="role">{t('designer.props.aRole')}</option>
          <option value="user">{t('designer.props.aUser')}</option>
          <option value="group">{t('designer.props.aGroup')}</option>
          <option value="manager">{t('designer.props.aManager')}</option>
        </select>
      </label>
      {'user' in value && (
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
      )}
      {'role' in value && (
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
      )}
      {!('user' in value) && (
        <DirectoryRuleFields
          value={value as unknown as WhoRule}
          withStrategy
          onChange={(next) => onChange(next as unknown as Assignee)}
        />
      )}
    </fieldset>
  );
}
