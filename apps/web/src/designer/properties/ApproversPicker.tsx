import { useTranslation } from 'react-i18next';
import type { Approvers } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { DirectoryRuleFields, type WhoRule } from './DirectoryRuleFields';
import { useDirectory } from './use-directory';

type ApproverKind = 'role' | 'users' | 'field' | 'group' | 'manager';

function kindOf(approvers: Approvers): ApproverKind {
  if ('role' in approvers) return 'role';
  if ('field' in approvers) return 'field';
  if ('users' in approvers) return 'users';
  return 'group' in approvers ? 'group' : 'manager';
}

/**
 * Who decides an approval: a role, named users, the users listed in a users field of the ticket, a
 * directory group (in a region) or a manager of the requester or the previous approver.
 */
export function ApproversPicker({
  approvers,
  onChange,
}: {
  approvers: Approvers;
  onChange: (a: Approvers) => void;
}) {
  const { t } = useTranslation();
  const { users, roles, groups } = useDirectory();
  const userFields = useDesignerStore((s) => s.definition.fields).filter((field) => field.type === 'users');
  const kind = kindOf(approvers);
  const fresh = (next: string): Approvers => {
    if (next === 'role') return { role: roles[0]?.name ?? 'manager' };
    if (next === 'field') return { field: userFields[0]?.name ?? '' };
    if (next === 'group') return { group: groups[0] ?? '' };
    if (next === 'manager') return { manager: 'requester' };
    return { users: [] };
  };
  return (
    <fieldset>
      <legend>{t('designer.props.approvers')}</legend>
      <label>
        {t('designer.props.assignTo')}
        <select
          data-testid="prop-approvers-kind"
          value={kind}
          onChange={(e) => onChange(fresh(e.target.value))}
        >
          <option value="role">{t('designer.props.aRole')}</option>
          <option value="users">{t('designer.props.someUsers')}</option>
          {(userFields.length > 0 || kind === 'field') && (
            <option value="field">{t('designer.props.usersField')}</option>
          )}
          <option value="group">{t('designer.props.aGroup')}</option>
          <option value="manager">{t('designer.props.aManager')}</option>
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
      {(kind === 'group' || kind === 'manager') && (
        <DirectoryRuleFields
          value={approvers as unknown as WhoRule}
          withStrategy={false}
          onChange={(next) => onChange(next as unknown as Approvers)}
        />
      )}
    </fieldset>
  );
}
