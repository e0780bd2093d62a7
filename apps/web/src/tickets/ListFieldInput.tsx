import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@ticketflow/definition';

interface Props {
  field: FieldDefinition;
  /** The rows as JSON text (`[{ "sku": "LT-14", "amount": "1800" }]`); `readFieldValues` types them. */
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

type Row = Record<string, string>;

function rowsOf(value: string): Row[] {
  try {
    const rows = JSON.parse(value) as unknown;
    return Array.isArray(rows) ? (rows as Row[]) : [];
  } catch {
    return [];
  }
}

/**
 * A list field's items as a small table: one input per item field, a row per
 * item, add and remove. A task or approval with `forEach` on this field runs
 * once per row.
 */
export function ListFieldInput({ field, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const rows = rowsOf(value);
  const itemFields = field.itemFields ?? [];
  const write = (next: Row[]) => onChange(JSON.stringify(next));
  return (
    <div className="list-field" data-testid={testId}>
      <table>
        <thead>
          <tr>
            {itemFields.map((item) => (
              <th key={item.name} scope="col">
                {item.label ?? item.name}
              </th>
            ))}
            <th aria-hidden />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {itemFields.map((item) => (
                <td key={item.name}>
                  <input
                    aria-label={`${item.label ?? item.name} ${index + 1}`}
                    data-testid={`${testId}-${index}-${item.name}`}
                    inputMode={item.type === 'number' ? 'decimal' : undefined}
                    type={item.type === 'date' ? 'date' : 'text'}
                    value={row[item.name] ?? ''}
                    onChange={(e) =>
                      write(rows.map((r, i) => (i === index ? { ...r, [item.name]: e.target.value } : r)))
                    }
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => write(rows.filter((_, i) => i !== index))}
                >
                  {t('common.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid={`${testId}-add`} onClick={() => write([...rows, {}])}>
        + {t('tickets.create.addItem')}
      </button>
    </div>
  );
}
