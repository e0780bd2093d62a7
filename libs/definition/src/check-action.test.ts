import { describe, expect, it } from 'vitest';
import { isHttpUrl } from './check-action.js';
import { around, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const action = (spec: Record<string, unknown>) => () => around(node.action('act', spec), ['ok', 'failed']);
const http = (extra: Record<string, unknown>) =>
  action({ type: 'http', method: 'POST', url: 'https://carrier.example.com/labels', ...extra });

testRules([
  {
    when: 'an action type is unknown',
    code: 'invalid-action',
    trigger: action({ type: 'sms' }),
    pass: action({ type: 'notify', to: { role: 'finance' }, template: 'refund-ready' }),
  },
  {
    when: 'an http url is relative',
    code: 'invalid-action',
    trigger: http({ url: '/labels' }),
    pass: http({ url: 'http://localhost:8080/labels?ticket={{ticket.id}}' }),
  },
  {
    when: 'an http url is not http(s)',
    code: 'invalid-action',
    trigger: http({ url: 'file:///etc/passwd' }),
    pass: http({ url: 'https://carrier.example.com' }),
  },
  {
    when: 'an http url carries credentials',
    code: 'invalid-action',
    trigger: http({ url: 'https://user:pw@carrier.example.com/' }),
    pass: http({}),
  },
  {
    when: 'an http method is not in the list',
    code: 'invalid-action',
    trigger: http({ method: 'TRACE' }),
    pass: http({ method: 'PATCH' }),
  },
  {
    when: 'an http header value is a number',
    code: 'invalid-action',
    trigger: http({ headers: { 'X-Tries': 3 } }),
    pass: http({ headers: { 'X-Tries': '3' }, body: { id: '{{ticket.id}}' } }),
  },
  {
    when: 'a notification has no recipient',
    code: 'invalid-action',
    trigger: action({ type: 'notify', template: 'x' }),
    pass: action({ type: 'notify', to: { user: 'ann' }, template: 'x' }),
  },
  {
    when: 'a notification goes to requester: false',
    code: 'invalid-action',
    trigger: action({ type: 'notify', to: { requester: false }, template: 'x' }),
    pass: action({ type: 'notify', to: { requester: true }, template: 'x' }),
  },
  {
    when: 'set-fields has no values',
    code: 'invalid-action',
    trigger: action({ type: 'set-fields' }),
    pass: action({ type: 'set-fields', values: { amount: 1 } }),
  },
  {
    when: 'an action node has no action',
    code: 'missing-property',
    trigger: () => around(node.raw('act', 'action'), ['ok', 'failed']),
    pass: action({ type: 'set-fields', values: {} }),
  },
]);

describe('isHttpUrl', () => {
  it('accepts absolute http(s) URLs with a literal host', () => {
    expect(isHttpUrl('https://api.example.com/v1/x?y=1#z')).toBe(true);
    expect(isHttpUrl('http://[::1]:8080/')).toBe(true);
  });

  it('rejects placeholders in the host, other schemes and pathological input quickly', () => {
    expect(isHttpUrl('https://{{fields.host}}/x')).toBe(false);
    expect(isHttpUrl('ftp://example.com')).toBe(false);
    const started = Date.now();
    expect(isHttpUrl(`http://${'a'.repeat(2000)}!`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(50);
  });
});
