import { describe, expect, it } from 'vitest';
import {
  automaticMailReason,
  senderDomainAllowed,
  spoofedSenderReason,
  stripQuotedReply,
} from './mail-guards.js';

const person = { from: 'rita@customer.test', subject: 'Refund', envelopeFrom: 'rita@customer.test' };
const headers = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('automaticMailReason', () => {
  it("lets a person's mail through, including Auto-Submitted: no", () => {
    expect(automaticMailReason(headers({}), person, ['support@acme.test'])).toBeUndefined();
    expect(automaticMailReason(headers({ 'auto-submitted': 'no' }), person, [])).toBeUndefined();
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
    [{ precedence: 'junk' }, 'Precedence: junk'],
    [{ 'x-autoreply': 'yes' }, 'an auto-reply header'],
    [{ 'x-auto-response-suppress': 'All' }, 'X-Auto-Response-Suppress: all'],
    [{ 'list-id': '<news.customer.test>' }, 'a mailing list message'],
  ])('drops mail with %o', (entries, reason) => {
    expect(automaticMailReason(headers(entries), person, [])).toBe(reason);
  });

  it('drops bounces, out-of-office subjects and mail from our own address', () => {
    expect(automaticMailReason(headers({}), { ...person, envelopeFrom: false }, [])).toContain('bounce');
    expect(automaticMailReason(headers({}), { ...person, from: 'MAILER-DAEMON@mx.test' }, [])).toContain(
      'bounce',
    );
    expect(automaticMailReason(headers({}), { ...person, subject: '自动回复: 我在休假' }, [])).toContain(
      'automatic reply',
    );
    expect(
      automaticMailReason(headers({}), { ...person, from: 'support@acme.test' }, ['support@acme.test']),
    ).toBe('mail from our own address');
  });
});

describe('spoofedSenderReason', () => {
  it('believes mail without Authentication-Results, or with a pass', () => {
    expect(spoofedSenderReason(headers({}))).toBeUndefined();
    expect(
      spoofedSenderReason(headers({ 'authentication-results': 'mx; spf=softfail; dkim=pass; dmarc=pass' })),
    ).toBeUndefined();
  });

  it('refuses a failed DMARC, or failed SPF and DKIM with nothing passing', () => {
    expect(spoofedSenderReason(headers({ 'authentication-results': 'mx; dmarc=fail' }))).toBe('DMARC failed');
    expect(spoofedSenderReason(headers({ 'authentication-results': 'mx; spf=fail; dkim=fail' }))).toBe(
      'SPF and DKIM failed',
    );
  });
});

describe('senderDomainAllowed', () => {
  it('allows any domain when none is listed, else the listed ones and their sub-domains only', () => {
    expect(senderDomainAllowed('a@x.test', [])).toBe(true);
    expect(senderDomainAllowed('a@mail.acme.test', ['acme.test'])).toBe(true);
    expect(senderDomainAllowed('a@evilacme.test', ['acme.test'])).toBe(false);
    expect(senderDomainAllowed('a@acme.test.evil.test', ['acme.test'])).toBe(false);
  });
});

describe('stripQuotedReply', () => {
  it('keeps the new text above an English or Chinese quote header and drops > lines', () => {
    expect(stripQuotedReply('Thanks!\r\n\r\nOn Mon, 1 Jan 2026, Support wrote:\r\n> old text')).toBe(
      'Thanks!',
    );
    expect(stripQuotedReply('收到，谢谢\n\n在 2026年1月1日，客服 写道：\n> 旧内容')).toBe('收到，谢谢');
    expect(stripQuotedReply('Yes\n> quoted\nmore')).toBe('Yes\nmore');
    expect(stripQuotedReply('Fine.\n-----Original Message-----\nFrom: x')).toBe('Fine.');
  });

  it('keeps the whole text when everything looks quoted', () => {
    expect(stripQuotedReply('> only a quote')).toBe('> only a quote');
  });
});
