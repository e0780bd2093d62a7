import { useTranslation } from 'react-i18next';
import type { ApprovalGroup } from '@ticketflow/definition';

interface Props {
  groups: ApprovalGroup[];
  roles: { name: string; label: string }[];
  onChange: (groups: ApprovalGroup[]) => void;
}

/**
 * A composite policy's groups: for each, the role whose members approve and how many
 * approvals it needs ("2 of finance and 1 of legal"). A person in two of the roles is
 * counted once, for one group.
 */
export function GroupsPolicyEditor({ groups, roles, onChange }: Props) {
  const { t } = useTranslation();
  const replace = (index: number, group: ApprovalGroup) =>
    onChange(groups.map((g, i) => (i === index ? group : g)));
  const unused = roles.find((role) => !groups.some((group) => group.role === role.name));
  return (
    <div className="policy-groups" data-testid="prop-policy-groups">
      <p className="muted small">{t('designer.props.groupsHint')}</p>
      {groups.map((group, index) => (
        <div className="row" key={`${group.role}-${index}`}>
          <input
            type="number"
            min={1}
            aria-label={t('designer.props.groupCount')}
            data-testid={`prop-group-count-${index}`}
            value={group.count}
            onChange={(e) => replace(index, { ...group, count: Math.max(1, Number(e.target.value) || 1) })}
          />
          <span className="muted small">{t('designer.props.groupOf')}</span>
          <select
            aria-label={t('designer.props.role')}
            data-testid={`prop-group-role-${index}`}
            value={group.role}
            onChange={(e) => replace(index, { ...group, role: e.target.value })}
          >
            {!roles.some((r) => r.name === group.role) && <option value={group.role}>{group.role}</option>}
            {roles.map((r) => (
              <option key={r.name} value={r.name}>
                {r.label}
              </option>
            ))}
          </select>
          {groups.length > 1 && (
            <button
              type="button"
              className="link"
              onClick={() => onChange(groups.filter((_, i) => i !== index))}
            >
              {t('common.remove')}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        data-testid="prop-group-add"
        disabled={!unused}
        onClick={() => unused && onChange([...groups, { role: unused.name, count: 1 }])}
      >
        {t('designer.props.groupAdd')}
      </button>
    </div>
  );
}
