import { useTranslation } from 'react-i18next';
import type { Approvers } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { useDirectory } from './use-directory';

/** Who decides an approval: a role, named users, or the users listed in a users field of the ticket. */
export function ApproversPicker({
  approvers,
  onChange,
}: {
  approvers: Approvers;
  onChange: (a: Approvers) => void;
}) {
  const { t } = useTranslation();
  const { users, roles } = useDirectory();
  const userFields = useDesignerStore((s) => s.definition.fields).filter((field) => field.type === 'users');
  const kind = 'role' in approvers ? 'role' : 'field' in approvers ? 'field' : 'users';
  return (
    <fieldset>
      <legend>{t('designer.props.approvers')}</legend>
      <label>
        {t('designer.props.assignTo')}
        <select
          data-testid="prop-approvers-kind"
          value={kind}
          onChange={(e) =>
            onChange(
              e.target.value === 'role'
                ? { role: roles[0]?.name ?? 'manager' }
                : e.target.value === 'field'
                  ? { field: userFields[0]?.name ?? '' }
                  : { users: [] },
            )
          }
        >
          <option value="role">{t('designer.props.aRole')}</option>
          <option value="users">{t('designer.props.someUsers')}</option>
          {(userFields.length > 0 || kind === 'field') && (
            <option value="field">{t('designer.props.usersField')}</option>
          )}
        </select>
      </label>
      {'field' in approvers && (
        <label>
          {t('designer.props.usersFieldName')}
          <select
            data-testid="prop-approvers-field"
            value={approvers.field}
            onChange={(e) => onChange({ field: e.target.value })}
          >
            {!userFields.some((f) => f.name === approvers.field) && (
              <option value={approvers.field}>{approvers.field}</option>
            )}
            {userFields.map((f) => (
              <option key={f.name} value={f.name}>
                {f.label ?? f.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {'role' in approvers && (
        <label>
          {t('designer.props.role')}
          <select
            data-testid="prop-approvers-role"
            value={approvers.role}
            onChange={(e) => onChange({ role: e.target.value })}
          >
            {!roles.some((r) => r.name === approvers.role) && (
              <option value={approvers.role}>{approvers.role}</option>
            )}
            {roles.map((r) => (
              <option key={r.name} value={r.name}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {'users' in approvers && (
        <label>
          {t('designer.props.users')}
          <select
            multiple
            data-testid="prop-approvers-users"
            value={approvers.users}
            onChange={(e) => onChange({ users: Array.from(e.target.selectedOptions, (o) => o.value) })}
          >
            {users.map((u) => (
              <option key={u.id} value={u.username}>
                {u.displayName ?? u.username}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
