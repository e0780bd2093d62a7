import { useTranslation } from 'react-i18next';
import type { ActionNode, ActionSpec, HttpMethod } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { FieldValueInput } from '../fields/FieldValueInput';
import { KeyValueEditor } from './KeyValueEditor';
import { DocumentActionEditor } from './DocumentActionEditor';
import { useDirectory } from './use-directory';

interface Props {
  node: ActionNode;
  update: (change: (n: ActionNode) => ActionNode, mergeKey?: string) => void;
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function defaultSpec(type: ActionSpec['type']): ActionSpec {
  if (type === 'http') return { type, method: 'POST', url: 'https://' };
  if (type === 'notify') return { type, to: { requester: true }, template: '' };
  if (type === 'document') return { type, title: 'Report #{{ticket.number}}' };
  return { type: 'set-fields', values: {} };
}

/** Settings of an action node: set ticket fields, call an HTTP endpoint, or notify someone. */
export function ActionEditor({ node, update }: Props) {
  const { t } = useTranslation();
  const fields = useDesignerStore((s) => s.definition.fields);
  const { users, roles } = useDirectory();
  const spec = node.action;
  const setSpec = (next: ActionSpec, mergeKey?: string) => update((n) => ({ ...n, action: next }), mergeKey);
  const fieldNames = fields.map((f) => f.name);

  return (
    <fieldset>
      <legend>{t('designer.props.action')}</legend>
      <select
        data-testid="prop-action-type"
        value={spec.type}
        onChange={(e) => setSpec(defaultSpec(e.target.value as ActionSpec['type']))}
      >
        <option value="set-fields">{t('designer.props.actionSetFields')}</option>
        <option value="http">{t('designer.props.actionHttp')}</option>
        <option value="notify">{t('designer.props.actionNotify')}</option>
        <option value="document">{t('designer.props.actionDocument')}</option>
      </select>

      {spec.type === 'set-fields' && (
        <div className="rows">
          {fields.length === 0 && <p className="muted small">{t('designer.props.noFieldsYet')}</p>}
          {fields.map((f) => {
            const set = f.name in spec.values;
            return (
              <div className="row" key={f.name}>
                <label className="check">
                  <input
                    type="checkbox"
                    data-testid={`prop-setfield-${f.name}-on`}
                    checked={set}
                    onChange={(e) => {
                      const values = { ...spec.values };
                      if (e.target.checked)
                        values[f.name] =
                          f.type === 'number' ? 0 : f.type === 'boolean' ? true : (f.options?.[0] ?? '');
                      else delete values[f.name];
                      setSpec({ ...spec, values });
                    }}
                  />
                  {f.label ?? f.name}
                </label>
                {set && (
                  <FieldValueInput
                    field={f}
                    testId={`prop-setfield-${f.name}`}
                    value={spec.values[f.name]}
                    onChange={(v) =>
                      setSpec({ ...spec, values: { ...spec.values, [f.name]: v } }, `set:${f.name}`)
                    }
                  />
                )}
              </div>
            );
          })}
        </div>
      )}

      {spec.type === 'http' && (
        <>
          <div className="row">
            <select
              data-testid="prop-http-method"
              value={spec.method}
              onChange={(e) => setSpec({ ...spec, method: e.target.value as HttpMethod })}
            >
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
            <input
              className="grow"
              data-testid="prop-http-url"
              aria-label={t('designer.props.url')}
              value={spec.url}
              onChange={(e) => setSpec({ ...spec, url: e.target.value }, 'url')}
            />
          </div>
          <KeyValueEditor
            testId="prop-http-body"
            label={t('designer.props.httpBody')}
            hint={t('designer.props.placeholderHint', {
              fieldsExample: '{{fields.name}}',
              ticketExample: '{{ticket.id}}',
            })}
            value={(spec.body && typeof spec.body === 'object' ? spec.body : {}) as Record<string, string>}
            onChange={(body) => {
              const { body: _b, ...rest } = spec;
              setSpec(Object.keys(body).length ? { ...rest, body } : rest, 'body');
            }}
          />
          <KeyValueEditor
            testId="prop-http-mapping"
            label={t('designer.props.responseMapping')}
            keyOptions={fieldNames}
            keyLabel={t('designer.props.field')}
            valueLabel={t('designer.props.responsePath')}
            value={spec.responseMapping ?? {}}
            onChange={(responseMapping) => {
              const { responseMapping: _m, ...rest } = spec;
              setSpec(Object.keys(responseMapping).length ? { ...rest, responseMapping } : rest, 'mapping');
            }}
          />
        </>
      )}

      {spec.type === 'document' && <DocumentActionEditor spec={spec} setSpec={setSpec} />}

      {spec.type === 'notify' && (
        <>
          <label>
            {t('designer.props.notifyTo')}
            <select
              data-testid="prop-notify-to-kind"
              value={'requester' in spec.to ? 'requester' : 'user' in spec.to ? 'user' : 'role'}
              onChange={(e) => {
                const kind = e.target.value;
                const to =
                  kind === 'requester'
                    ? { requester: true as const }
                    : kind === 'user'
                      ? { user: users[0]?.username ?? '' }
                      : { role: roles[0]?.name ?? '' };
                setSpec({ ...spec, to });
              }}
            >
              <option value="requester">{t('designer.props.theRequester')}</option>
              <option value="user">{t('designer.props.aUser')}</option>
              <option value="role">{t('designer.props.aRole')}</option>
            </select>
          </label>
          {'user' in spec.to && (
            <select
              data-testid="prop-notify-to"
              value={spec.to.user}
              onChange={(e) => setSpec({ ...spec, to: { user: e.target.value } })}
            >
              {users.map((u) => (
                <option key={u.id} value={u.username}>
                  {u.displayName ?? u.username}
                </option>
              ))}
            </select>
          )}
          {'role' in spec.to && (
            <select
              data-testid="prop-notify-to"
              value={spec.to.role}
              onChange={(e) => setSpec({ ...spec, to: { role: e.target.value } })}
            >
              {roles.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
          <label>
            {t('designer.props.template')}
            <textarea
              data-testid="prop-notify-template"
              rows={3}
              value={spec.template}
              onChange={(e) => setSpec({ ...spec, template: e.target.value }, 'template')}
            />
          </label>
        </>
      )}
    </fieldset>
  );
}
