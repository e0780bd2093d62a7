import { describe, expect, it } from 'vitest';
import { checkTargetUrl, hostMatches, TargetRefusedError } from './http-target-policy.js';

describe('hostMatches', () => {
  it('matches exact names, wildcard domains and any host', () => {
    expect(hostMatches('api.example.com', ['api.example.com'])).toBe(true);
    expect(hostMatches('API.Example.com.', ['api.example.com'])).toBe(true);
    expect(hostMatches('a.b.example.com', ['*.example.com'])).toBe(true);
    expect(hostMatches('example.com', ['*.example.com'])).toBe(true);
    expect(hostMatches('badexample.com', ['*.example.com'])).toBe(false);
    expect(hostMatches('anything.test', ['*'])).toBe(true);
    expect(hostMatches('[::1]', ['::1'])).toBe(true);
    expect(hostMatches('127.0.0.1', ['localhost'])).toBe(false);
  });
});

describe('checkTargetUrl', () => {
  const rules = { allowedHosts: ['*.partner.example'], allowPrivateHosts: ['127.0.0.1'] };

  it('accepts an allowed public host and an allowed private one', () => {
    expect(checkTargetUrl('https://api.partner.example/x?y=1', rules).pathname).toBe('/x');
    expect(checkTargetUrl('http://127.0.0.1:9000/hook', rules).port).toBe('9000');
    expect(checkTargetUrl('http://2130706433:9000/hook', rules).hostname).toBe('127.0.0.1');
  });

  it('refuses credentials, other schemes, unlisted hosts and private addresses', () => {
    expect(() => checkTargetUrl('https://u:p@api.partner.example/', rules)).toThrow(/user:password/);
    expect(() => checkTargetUrl('gopher://api.partner.example/', rules)).toThrow(/Only http and https/);
    expect(() => checkTargetUrl('https://other.example/', rules)).toThrow(/allow-list/);
    expect(() => checkTargetUrl('http://10.0.0.1/', { allowedHosts: ['*'], allowPrivateHosts: [] })).toThrow(
      TargetRefusedError,
    );
    expect(() => checkTargetUrl('not a url', rules)).toThrow(/not a URL/);
  });
});
