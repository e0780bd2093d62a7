import { type AddressRange, classifyAddress, describeRange } from './address-classifier.js';

/** Where HTTP actions may go: the allow-list and the hosts allowed to be private (both lower-case). */
export interface TargetRules {
  allowedHosts: string[];
  allowPrivateHosts: string[];
}

/** A call refused before any byte was sent: permanent, never retried. */
export class TargetRefusedError extends Error {
  override readonly name = 'TargetRefusedError';
}

const NAMED_RANGES: [RegExp, AddressRange][] = [
  [/^(.+\.)?localhost$/, 'loopback'],
  [/^metadata(\.google\.internal)?$/, 'metadata'],
];

function bare(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/** True when `host` matches an entry: exact, `*` (anything), or `*.example.com` (the domain and below). Pure. */
export function hostMatches(host: string, entries: string[]): boolean {
  const name = bare(host);
  return entries.some((entry) => {
    const pattern = bare(entry);
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) return name === pattern.slice(2) || name.endsWith(pattern.slice(1));
    return (
      name === pattern ||
      (classifyAddress(pattern) !== undefined && normalisedAddress(pattern) === normalisedAddress(name))
    );
  });
}

function normalisedAddress(text: string): string {
  try {
    return new URL(`http://${text.includes(':') ? `[${text}]` : text}/`).hostname;
  } catch {
    return text;
  }
}

/** The range a literal or well-known host name lies in, `null` if public, `undefined` if it must be resolved. Pure. */
export function rangeOfHost(host: string): AddressRange | null | undefined {
  const name = bare(host);
  const literal = classifyAddress(name);
  if (literal !== undefined) return literal;
  return NAMED_RANGES.find(([pattern]) => pattern.test(name))?.[1];
}

/**
 * Checks an HTTP action's URL before sending: http or https only, no
 * credentials, a host on the allow-list, and not a private / loopback /
 * link-local / metadata address written literally in any spelling (the URL
 * parser turns `2130706433` and `0177.0.0.1` into `127.0.0.1`) unless the
 * host is allowed to be private. Returns the parsed URL; throws
 * {@link TargetRefusedError}. Pure.
 */
export function checkTargetUrl(raw: string, rules: TargetRules): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefusedError(`"${raw.slice(0, 100)}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TargetRefusedError(`Only http and https URLs may be called, not "${url.protocol}".`);
  }
  if (url.username !== '' || url.password !== '')
    throw new TargetRefusedError('URLs with user:password@ are refused; send credentials in a header.');
  const host = url.hostname;
  const privateAllowed = hostMatches(host, rules.allowPrivateHosts);
  if (!privateAllowed && !hostMatches(host, rules.allowedHosts)) {
    throw new TargetRefusedError(
      `Host "${host}" is not on the HTTP action allow-list; an admin adds it in Settings or HTTP_ACTION_ALLOWED_HOSTS.`,
    );
  }
  const range = rangeOfHost(host);
  if (range && !privateAllowed)
    throw new TargetRefusedError(
      `Host "${host}" is ${describeRange(range)}; HTTP actions may only call public addresses.`,
    );
  return url;
}

/** Checks one address a host name resolved to; throws {@link TargetRefusedError} for a non-public one unless allowed. Pure. */
export function checkResolvedAddress(host: string, address: string, rules: TargetRules): void {
  if (hostMatches(host, rules.allowPrivateHosts)) return;
  const range = classifyAddress(address);
  if (range === undefined)
    throw new TargetRefusedError(`Host "${host}" resolved to "${address}", which is not an IP address.`);
  if (range)
    throw new TargetRefusedError(
      `Host "${host}" resolves to ${address}, ${describeRange(range)}; HTTP actions may only call public addresses.`,
    );
}
