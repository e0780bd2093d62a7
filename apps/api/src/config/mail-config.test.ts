import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config.js';

describe('loadConfig: e-mail in and out', () => {
  it('has no inbound receiver unless MAIL_INBOUND_PORT is set, and listens on loopback by default', () => {
    expect(loadConfig({}).mail).toEqual({
      from: 'Ticketflow <no-reply@ticketflow.local>',
      inboundHost: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
    });
    const mail = loadConfig({
      MAIL_INBOUND_PORT: '2525',
      MAIL_INBOUND_HOST: '10.0.0.5',
      PUBLIC_URL: 'https://t.example.com/',
    }).mail;
    expect(mail).toMatchObject({
      inboundPort: 2525,
      inboundHost: '10.0.0.5',
      publicUrl: 'https://t.example.com',
    });
  });

  it('names MAIL_INBOUND_PORT and PUBLIC_URL when they are wrong', () => {
    expect(() => loadConfig({ MAIL_INBOUND_PORT: 'smtp' })).toThrow(
      /^MAIL_INBOUND_PORT: "smtp" is not a whole number/,
    );
    expect(() => loadConfig({ MAIL_INBOUND_PORT: '70000' })).toThrow(/^MAIL_INBOUND_PORT: /);
    expect(() => loadConfig({ PUBLIC_URL: 'tickets.example.com' })).toThrow(/^PUBLIC_URL: /);
  });
});
