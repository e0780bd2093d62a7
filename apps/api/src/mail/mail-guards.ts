/** Headers of an inbound e-mail, names in lower case, values as text. */
export type MailHeaders = Map<string, string>;

const AUTO_SUBJECT =
  /^(auto(matic)?[ -]?(reply|response)|out of (the )?office|自动回复|undeliverable|delivery status notification|mail delivery failed)/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;

/**
 * Why an e-mail must not become a ticket or comment because a machine wrote
 * it (RFC 3834 `Auto-Submitted`, `Precedence: bulk|junk|list`, Microsoft's
 * `X-Auto-Response-Suppress`, `X-Autoreply`, bounces, mail from ourselves),
 * or undefined for a person's mail. Answering those would start a mail loop. Pure.
 */
export function automaticMailReason(
  headers: MailHeaders,
  mail: { from: string; subject: string; envelopeFrom: string | false | undefined },
  ownAddresses: string[],
): string | undefined {
  const autoSubmitted = headers.get('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = headers.get('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence))
    return `Precedence: ${precedence}`;
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return 'an auto-reply header';
  const suppress = headers.get('x-auto-response-suppress')?.toLowerCase() ?? '';
  if (/\b(all|oof|autoreply)\b/.test(suppress)) return `X-Auto-Response-Suppress: ${suppress}`;
  if (headers.has('list-id') || headers.has('list-unsubscribe')) return 'a mailing list message';
  if (mail.envelopeFrom === false || mail.envelopeFrom === '') return 'a bounce (empty envelope sender)';
  if (BOUNCE_SENDER.test(mail.from)) return `a bounce from ${mail.from}`;
  if (AUTO_SUBJECT.test(mail.subject.trim())) return 'an automatic reply (subject)';
  if (ownAddresses.includes(mail.from.toLowerCase())) return 'mail from our own address';
  return undefined;
}

/**
 * Why the sender cannot be believed: the receiving mail server that relays
 * to us recorded a failed DMARC, or a failed SPF/DKIM with no pass, in
 * `Authentication-Results` (RFC 8601). Undefined when nothing says it is
 * forged (a relay that does not check leaves the header out). Pure.
 */
export function spoofedSenderReason(headers: MailHeaders): string | undefined {
  const results = headers.get('authentication-results')?.toLowerCase();
  if (!results) return undefined;
  if (/\bdmarc=fail\b/.test(results)) return 'DMARC failed';
  const failed = /\b(spf|dkim)=(fail|softfail)\b/.test(results);
  const passed = /\b(spf|dkim)=pass\b/.test(results);
  return failed && !passed ? 'SPF and DKIM failed' : undefined;
}

/** Whether the address's domain is one of `domains` (or a sub-domain); an empty list allows every domain. Pure. */
export function senderDomainAllowed(address: string, domains: string[]): boolean {
  if (domains.length === 0) return true;
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

const QUOTE_MARKERS = [
  /^On .{1,200}wrote:\s*$/,
  /^在.{1,200}写道[:：]\s*$/,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^-{2,}\s*原始邮件\s*-{2,}\s*$/,
  /^From: .+$/,
  /^发件人[:：].+$/,
];

/**
 * The new part of a reply: the text above the quoted message ("On … wrote:",
 * "在 … 写道：", "-----Original Message-----", a From: line, or `>` lines),
 * trimmed. The whole text when nothing looks quoted. Pure.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (QUOTE_MARKERS.some((marker) => marker.test(trimmed))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  const reply = kept.join('\n').trim();
  return reply === '' ? text.trim() : reply;
}
