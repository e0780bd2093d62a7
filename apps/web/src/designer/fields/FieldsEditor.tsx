import { useTranslation } from 'react-i18next';
import type { FieldDefinition, FieldType, ItemFieldDefinition } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { ListEditor } from '../properties/ListEditor';
import { CommitInput } from './CommitInput';

const FIELD_TYPES: FieldType[] = ['string', 'text', 'number', 'boolean', 'date', 'enum', 'users', 'list'];
const ITEM_TYPES = new Set(['string', 'text', 'number', 'boolean', 'date']);

/** A list's item fields as the editor shows them: `sku:string`, `amount:number`. */
const itemFieldText = (item: ItemFieldDefinition) => `${item.name}:${item.type}`;
function parseItemField(text: string): ItemFieldDefinition {
  const [name = '', type = 'string'] = text.split(':').map((part) => part.trim());
  return { name, type: (ITEM_TYPES.has(type) ? type : 'string') as ItemFieldDefinition['type'] };
}

function freshName(fields: FieldDefinition[]): string {
  let n = fields.length + 1;
  while (fields.some((f) => f.name === `field${n}`)) n += 1;
  return `field${n}`;
}

/** The ticket fields the flow's conditions, forms and actions can use. Every edit is a field.* command. */
export function FieldsEditor() {
  const { t } = useTranslation();
  const fields = useDesignerStore((s) => s.definition.fields);
  const dispatch = useDesignerStore((s) => s.dispatch);

  function change(index: number, patch: (f: FieldDefinition) => FieldDefinition, mergeKey?: string) {
    const before = useDesignerStore.getState().definition.fields[index];
    if (before)
      dispatch({
        type: 'field.update',
        payload: { index, field: patch(before) },
        ...(mergeKey ? { mergeKey: `field:${index}:${mergeKey}` } : {}),
      });
  }

  return (
    <div className="fields-editor" data-testid="fields-editor">
      <h3>{t('designer.fields.title')}</h3>
      <p className="muted small">{t('designer.fields.hint')}</p>
      {fields.map((field, i) => (
        <div className="field-card" key={i} data-testid={`field-${i}`}>
          <div className="row">
            <label className="grow">
              {t('designer.fields.name')}
              <CommitInput
                testId={`field-name-${i}`}
                value={field.name}
                onCommit={(name) => change(i, (f) => ({ ...f, name: name.replace(/\s/g, '') }))}
              />
            </label>
            <label className="grow">
              {t('designer.fields.label')}
              <input
                data-testid={`field-label-${i}`}
                value={field.label ?? ''}
                onChange={(e) =>
                  change(
                    i,
                    (f) => {
                      const { label: _l, ...rest } = f;
                      return e.target.value ? { ...rest, label: e.target.value } : rest;
                    },
                    'label',
                  )
                }
              />
            </label>
          </div>
          <div className="row">
            <label>
              {t('designer.fields.type')}
              <select
                data-testid={`field-type-${i}`}
                value={field.type}
                onChange={(e) =>
                  change(i, (f) => {
                    const { options: _o, min: _min, max: _max, itemFields: _items, ...rest } = f;
                    const type = e.target.value as FieldType;
                    if (type === 'list')
                      return {
                        ...rest,
                        type,
                        itemFields: f.itemFields ?? [
                          { name: 'name', type: 'string' },
                          { name: 'amount', type: 'number' },
                        ],
                      };
                    return type === 'enum' ? { ...rest, type, options: f.options ?? [] } : { ...rest, type };
                  })
                }
              >
                {FIELD_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`designer.fields.types.${type}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input
                type="checkbox"
                data-testid={`field-required-${i}`}
                checked={field.required ?? false}
                onChange={(e) =>
                  change(i, (f) => {
                    const { required: _r, ...rest } = f;
                    return e.target.checked ? { ...rest, required: true } : rest;
                  })
                }
              />
              {t('designer.fields.required')}
            </label>
            <button
              type="button"
              className="danger"
              data-testid={`field-remove-${i}`}
              onClick={() => dispatch({ type: 'field.remove', payload: { index: i } })}
            >
              {t('common.remove')}
            </button>
          </div>
          {field.type === 'list' && (
            <ListEditor
              testId={`field-items-${i}`}
              label={t('designer.fields.itemFields')}
              items={(field.itemFields ?? []).map(itemFieldText)}
              onChange={(items) => change(i, (f) => ({ ...f, itemFields: items.map(parseItemField) }))}
            />
          )}
          {field.type === 'enum' && (
            <ListEditor
              testId={`field-options-${i}`}
              label={t('designer.fields.options')}
              items={field.options ?? []}
              onChange={(options) => change(i, (f) => ({ ...f, options }))}
            />
          )}
        </div>
      ))}
      <button
        type="button"
        data-testid="field-add"
        onClick={() =>
          dispatch({ type: 'field.add', payload: { field: { name: freshName(fields), type: 'string' } } })
        }
      >
        + {t('designer.fields.add')}
      </button>
    </div>
  );
}
