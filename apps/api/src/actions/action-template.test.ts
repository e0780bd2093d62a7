import { describe, expect, it } from 'vitest';
import { mapResponse, renderBody, renderText } from './action-template.js';

const context = {
  ticket: { id: 't-1', title: 'Refund', number: 7 },
  fields: { amount: 6200, name: 'A & B', vip: true },
};

describe('action placeholders', () => {
  it('fills {{fields.x}} and {{ticket.id}} in text, URL-encoding when asked, unknown names empty', () => {
    expect(
      renderText('/orders/{{ticket.id}}?who={{fields.name}}&x={{fields.none}}', context, encodeURIComponent),
    ).toBe('/orders/t-1?who=A%20%26%20B&x=');
    expect(renderText('Refund {{ fields.amount }} for #{{ticket.number}}', context)).toBe(
      'Refund 6200 for #7',
    );
  });

  it('keeps the type of a value that is a whole string in a JSON body', () => {
    expect(
      renderBody(
        {
          amount: '{{fields.amount}}',
          vip: '{{fields.vip}}',
          note: 'for {{ticket.title}}',
          list: ['{{ticket.id}}', 3],
        },
        context,
      ),
    ).toEqual({
      amount: 6200,
      vip: true,
      note: 'for Refund',
      list: ['t-1', 3],
    });
  });
});

describe('mapResponse', () => {
  it('reads dotted paths into ticket fields and leaves missing ones out', () => {
    const response = { label: { number: 'SF1' }, items: [{ id: 9 }], price: 0 };
    expect(
      mapResponse(response, {
        trackingNo: 'label.number',
        first: 'items.0.id',
        price: 'price',
        missing: 'label.none.deeper',
      }),
    ).toEqual({ trackingNo: 'SF1', first: 9, price: 0 });
  });

  it('does not walk into the prototype', () => {
    expect(mapResponse({}, { x: 'constructor.name' })).toEqual({});
  });
});
