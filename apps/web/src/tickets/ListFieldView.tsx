import type { FieldDefinition } from '@ticketflow/definition';
import { formatValue } from '@ticketflow/rules';

/** A list field's items as a small table (one row per item, a column per item field); users as names. */
export function ListFieldView({
  field,
  value,
  locale,
}: {
  field: FieldDefinition;
  value: unknown[];
  locale: 'en' | 'zh';
}) {
  if (field.type === 'users') return <>{value.map(String).join(', ')}</>;
  const columns = field.itemFields ?? [];
  return (
    <table className="list-field-view small" data-testid={`ticket-field-${field.name}-items`}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.name} scope="col">
              {column.label ?? column.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {value.map((item, index) => (
          <tr key={index}>
            {columns.map((column) => {
              const cell = (item as Record<string, unknown> | null)?.[column.name];
              return (
                <td key={column.name}>
                  {cell === undefined || cell === null ? '—' : formatValue(cell, locale)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
