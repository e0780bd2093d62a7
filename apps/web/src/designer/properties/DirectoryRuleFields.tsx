import { useTranslation } from 'react-i18next';
import type { AssigneeFallback, AssignmentStrategy } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { useDirectory } from './use-directory';

/** An assignee or approvers object as the editor reads it (any of the shapes of the format). */
export type WhoRule = Record<string, unknown>;

interface Props {
  value: WhoRule;
  onChange: (next: WhoRule) => void;
  /** Tasks pick one person; approvals ask everyone found. */
  withStrategy: boolean;
}

/** Drops keys whose value is undefined, so the definition carries no empty properties. Pure. */
function compact(rule: WhoRule): WhoRule {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined && v !== ''));
}

/**
 * The organisation-directory part of a step's "who": whose manager and how
 * many levels up; a group; the region (fixed, or the ticket's from a field);
 * skills; for tasks how one person is picked; and where the step goes when
 * nobody is found (fallback). Shown under the kind picker of tasks and
 * approvals.
 */
export function DirectoryRuleFields({ value, onChange, withStrategy }: Props) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const fields = useDesignerStore((s) => s.definition.fields);
  const set = (patch: WhoRule) => onChange(compact({ ...value, ...patch }));
  const isManager = 'manager' in value;
  const hasMembers = 'role' in value || 'group' in value;
  const filtered =
    isManager ||
    'group' in value ||
    Boolean(value.region ?? value.regionField ?? (value.skills as string[] | undefined)?.length);
  const regionMode = value.regionField !== undefined ? 'field' : value.region !== undefined ? 'fixed' : '';
  const regionFields = fields.filter((f) => f.type === 'string' || f.type === 'enum');
  const fallback = value.fallback as AssigneeFallback | undefined;
  const fallbackKind = !fallback
    ? ''
    : 'role' in fallback
      ? 'role'
      : 'user' in fallback
        ? 'user'
        : 'incident';

  return (
    <>
      {isManager && (
        <>
          <label>
            {t('designer.props.managerOf')}
            <select
              data-testid="prop-manager-of"
              value={String(value.manager)}
              onChange={(e) => set({ manager: e.target.value })}
            >
              <option value="requester">{t('designer.props.managerOfRequester')}</option>
              <option value="previous-approver">{t('designer.props.managerOfPrevious')}</option>
            </select>
          </label>
          <label>
            {t('designer.props.managerLevels')}
            <input
              type="number"
              min={1}
              max={10}
              data-testid="prop-manager-levels"
              value={Number(value.levels ?? 1)}
              onChange={(e) => {
                const levels = Math.min(10, Math.max(1, Number(e.target.value) || 1));
                set({ levels: levels === 1 ? undefined : levels });
              }}
            />
          </label>
        </>
      )}
      {'group' in value && (
        <label>
          {t('designer.props.group')}
          <input
            data-testid="prop-group"
            list="directory-groups"
            value={String(value.group)}
            onChange={(e) => set({ group: e.target.value })}
          />
          <datalist id="directory-groups">
            {(directory.groups ?? []).map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </label>
      )}
      {hasMembers && (
        <>
          <label>
            {t('designer.props.region')}
            <select
              data-testid="prop-region-mode"
              value={regionMode}
              onChange={(e) =>
                set(
                  e.target.value === 'field'
                    ? { region: undefined, regionField: regionFields[0]?.name ?? 'region' }
                    : e.target.value === 'fixed'
                      ? { regionField: undefined, region: directory.regions?.[0] ?? '' }
                      : { region: undefined, regionField: undefined },
                )
              }
            >
              <option value="">{t('designer.props.regionAny')}</option>
              <option value="fixed">{t('designer.props.regionFixed')}</option>
              <option value="field">{t('designer.props.regionFromField')}</option>
            </select>
          </label>
          {regionMode === 'fixed' && (
            <label>
              {t('designer.props.regionName')}
              <input
                data-testid="prop-region"
                list="directory-regions"
                value={String(value.region ?? '')}
                onChange={(e) => onChange({ ...value, region: e.target.value })}
              />
              <datalist id="directory-regions">
                {(directory.regions ?? []).map((r) => (
                  <option key={r} value={r} />
                ))}
              </datalist>
            </label>
          )}
          {regionMode === 'field' && (
            <label>
              {t('designer.props.regionField')}
              <select
                data-testid="prop-region-field"
                value={String(value.regionField)}
                onChange={(e) => set({ regionField: e.target.value })}
              >
                {!regionFields.some((f) => f.name === value.regionField) && (
                  <option value={String(value.regionField)}>{String(value.regionField)}</option>
                )}
                {regionFields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label ?? f.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('designer.props.skills')}
            <input
              data-testid="prop-skills"
              placeholder={t('designer.props.skillsHint')}
              value={((value.skills as string[] | undefined) ?? []).join(', ')}
              onChange={(e) => {
                const skills = e.target.value
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean);
                set({ skills: skills.length > 0 ? skills : undefined });
              }}
            />
          </label>
        </>
      )}
      {withStrategy && hasMembers && (
        <label>
          {t('designer.props.strategy')}
          <select
            data-testid="prop-assignee-strategy"
            value={String(value.strategy ?? '')}
            onChange={(e) =>
              set({ strategy: (e.target.value || undefined) as AssignmentStrategy | undefined })
            }
          >
            <option value="">{t('designer.props.strategyPool')}</option>
            <option value="round-robin">{t('designer.props.strategyRoundRobin')}</option>
            <option value="least-loaded">{t('designer.props.strategyLeastLoaded')}</option>
          </select>
        </label>
      )}
      {filtered && (
        <>
          <label>
            {t('designer.props.fallback')}
            <select
              data-testid="prop-fallback-kind"
              value={fallbackKind}
              onChange={(e) => {
                const kind = e.target.value;
                set({
                  fallback:
                    kind === 'role'
                      ? { role: directory.roles[0]?.name ?? 'manager' }
                      : kind === 'user'
                        ? { user: directory.users[0]?.username ?? '' }
                        : kind === 'incident'
                          ? { incident: true }
                          : undefined,
                });
              }}
            >
              <option value="">
                {t(
                  isManager || 'group' in value
                    ? 'designer.props.fallbackIncidentDefault'
                    : 'designer.props.fallbackWholeRole',
                )}
              </option>
              <option value="role">{t('designer.props.fallbackRole')}</option>
              <option value="user">{t('designer.props.fallbackUser')}</option>
              <option value="incident">{t('designer.props.fallbackIncident')}</option>
            </select>
          </label>
          {fallback && 'role' in fallback && (
            <select
              data-testid="prop-fallback-role"
              aria-label={t('designer.props.fallbackRole')}
              value={fallback.role}
              onChange={(e) => set({ fallback: { role: e.target.value } })}
            >
              {directory.roles.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
          {fallback && 'user' in fallback && (
            <select
              data-testid="prop-fallback-user"
              aria-label={t('designer.props.fallbackUser')}
              value={fallback.user}
              onChange={(e) => set({ fallback: { user: e.target.value } })}
            >
              {directory.users.map((u) => (
                <option key={u.id} value={u.username}>
                  {u.displayName ?? u.username}
                </option>
              ))}
            </select>
          )}
        </>
      )}
      {filtered && <p className="small muted">{t('designer.props.fallbackHint')}</p>}
    </>
  );
}
