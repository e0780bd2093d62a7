import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Condition, FieldDefinition } from '@ticketflow/definition';
import { ConditionBuilder } from './ConditionBuilder';

const fields: FieldDefinition[] = [
  { name: 'refundAmount', type: 'number', label: 'Refund amount' },
  { name: 'channel', type: 'enum', options: ['phone', 'web', 'wechat'] },
  { name: 'vip', type: 'boolean' },
];

function Harness({ initial, onValue }: { initial?: Condition; onValue: (c: Condition) => void }) {
  const [condition, setCondition] = useState<Condition | undefined>(initial);
  return (
    <ConditionBuilder
      condition={condition}
      fields={fields}
      onChange={(c) => {
        setCondition(c);
        onValue(c);
      }}
    />
  );
}

describe('ConditionBuilder', () => {
  it('builds "refundAmount > 5000" from controls', () => {
    let value: Condition | undefined;
    render(<Harness onValue={(c) => (value = c)} />);
    fireEvent.click(screen.getByTestId('cond-add'));
    fireEvent.change(screen.getByTestId('cond-operator'), { target: { value: 'greaterThan' } });
    fireEvent.change(screen.getByTestId('cond-value'), { target: { value: '5000' } });
    fireEvent.blur(screen.getByTestId('cond-value'));
    expect(value).toEqual({ all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 5000 }] });
  });

  it('offers only operators that fit the field type and an option list for enums', () => {
    render(
      <Harness
        initial={{ all: [{ fact: 'channel', operator: 'equal', value: 'web' }] }}
        onValue={() => {}}
      />,
    );
    const operators = Array.from((screen.getByTestId('cond-operator') as HTMLSelectElement).options).map(
      (o) => o.value,
    );
    expect(operators).not.toContain('greaterThan');
    const value = screen.getByTestId('cond-value') as HTMLSelectElement;
    expect(Array.from(value.options).map((o) => o.value)).toEqual(['phone', 'web', 'wechat']);
  });

  it('switches the field and resets the value to fit it', () => {
    let value: Condition | undefined;
    render(
      <Harness
        initial={{ all: [{ fact: 'refundAmount', operator: 'equal', value: 3 }] }}
        onValue={(c) => (value = c)}
      />,
    );
    fireEvent.change(screen.getByTestId('cond-field'), { target: { value: 'vip' } });
    expect(value).toEqual({ all: [{ fact: 'vip', operator: 'equal', value: true }] });
  });

  it('groups with any and negates a rule', () => {
    let value: Condition | undefined;
    render(
      <Harness
        initial={{ all: [{ fact: 'vip', operator: 'equal', value: true }] }}
        onValue={(c) => (value = c)}
      />,
    );
    fireEvent.change(screen.getByTestId('cond-group-kind'), { target: { value: 'any' } });
    fireEvent.click(within(screen.getByTestId('cond-rule-0')).getByTestId('cond-not'));
    expect(value).toEqual({ any: [{ not: { fact: 'vip', operator: 'equal', value: true } }] });
  });

  it('asks for fields first when none are declared', () => {
    render(<ConditionBuilder condition={undefined} fields={[]} onChange={() => {}} />);
    expect(screen.getByTestId('cond-no-fields')).toBeTruthy();
  });
});
