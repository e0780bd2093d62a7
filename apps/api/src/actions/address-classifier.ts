import { isIPv4, isIPv6 } from 'node:net';

/** Why an address may not be called from an HTTP action; `null` for a public address. */
export type AddressRange =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unique-local'
  | 'multicast'
  | 'reserved'
  | 'metadata';

const V4_RANGES: [number, number, AddressRange][] = [
  [ipv4(169, 254, 169, 254), 32, 'metadata'],
  [ipv4(100, 100, 100, 200), 32, 'metadata'],
  [ipv4(0, 0, 0, 0), 8, 'unspecified'],
  [ipv4(10, 0, 0, 0), 8, 'private'],
  [ipv4(100, 64, 0, 0), 10, 'cgnat'],
  [ipv4(127, 0, 0, 0), 8, 'loopback'],
  [ipv4(169, 254, 0, 0), 16, 'link-local'],
  [ipv4(172, 16, 0, 0), 12, 'private'],
  [ipv4(192, 0, 0, 0), 24, 'reserved'],
  [ipv4(192, 0, 2, 0), 24, 'reserved'],
  [ipv4(192, 88, 99, 0), 24, 'reserved'],
  [ipv4(192, 168, 0, 0), 16, 'private'],
  [ipv4(198, 18, 0, 0), 15, 'reserved'],
  [ipv4(198, 51, 100, 0), 24, 'reserved'],
  [ipv4(203, 0, 113, 0), 24, 'reserved'],
  [ipv4(224, 0, 0, 0), 4, 'multicast'],
  [ipv4(240, 0, 0, 0), 4, 'reserved'],
];

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}

/**
 * Reads an IPv4 address in any spelling `inet_aton` accepts — dotted with one
 * to four parts, each decimal, octal (`0177`) or hex (`0x7f`), or one number
 * (`2130706433`) — as a 32-bit number; `null` when it is not one. Pure.
 */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((part) => part === '')) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]*$/.test(part)) value = parseInt(part, 8);
    else if (/^[1-9][0-9]*$/.test(part)) value = Number(part);
    else return null;
    values.push(value);
  }
  const last = values.pop() as number;
  if (values.some((value) => value > 255)) return null;
  const room = 2 ** (8 * (4 - values.length));
  if (last >= room) return null;
  return values.reduce((sum, value, index) => sum + value * 2 ** (8 * (3 - index)), 0) + last;
}

/** Eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail), or `null`. Pure. */
export function parseIpv6(text: string): number[] | null {
  let address = text.replace(/^\[|\]$/g, '').toLowerCase();
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  if (!isIPv6(address)) return null;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail) {
    const v4 = parseIpv4(tail[1] as string) ?? 0;
    address = `${address.slice(0, -(tail[1] as string).length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, rest] = address.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const fill = rest === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right].map((group) => parseInt(group, 16));
  return groups.length === 8 &&
    groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : null;
}

function classifyIpv4(value: number): AddressRange | null {
  for (const [base, bits, range] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === base) return range;
  }
  if (value === 0xffffffff) return 'reserved';
  return null;
}

function classifyIpv6(groups: number[]): AddressRange | null {
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = ((g6 << 16) >>> 0) + g7;
  const zeroUpTo = (n: number) => groups.slice(0, n).every((group) => group === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g7 === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  if (zeroUpTo(5) && g5 === 0xffff) return classifyIpv4(embedded) ?? null;
  if (zeroUpTo(6)) return classifyIpv4(embedded) ?? 'reserved';
  if (g0 === 0x64 && g1 === 0xff9b) return classifyIpv4(embedded);
  if (g0 === 0x2002) return classifyIpv4(((g1 << 16) >>> 0) + (groups[2] ?? 0));
  if (
    g0 === 0xfd00 &&
    groups.slice(1, 7).every((group, i) => group === [0xec2, 0, 0, 0, 0, 0][i]) &&
    g7 === 0x254
  )
    return 'metadata';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'private';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0xdb8) return 'reserved';
  return null;
}

/**
 * Classifies an IP address written in any form (dotted IPv4, decimal / octal
 * / hex IPv4, IPv6 with or without brackets, IPv4-mapped IPv6): the range that
 * makes it unsafe to call, `null` for a public address, `undefined` when the
 * text is not an IP address at all (a host name). Pure.
 */
export function classifyAddress(text: string): AddressRange | null | undefined {
  const bare = text.replace(/^\[|\]$/g, '');
  if (isIPv4(bare) || /^(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+)){0,3}$/i.test(bare)) {
    const value = parseIpv4(bare);
    return value === null ? 'reserved' : classifyIpv4(value);
  }
  const groups = parseIpv6(bare);
  if (groups) return classifyIpv6(groups);
  return undefined;
}

/** A person-readable name of a range, for error messages. Pure. */
export function describeRange(range: AddressRange): string {
  const names: Record<AddressRange, string> = {
    unspecified: 'an unspecified address',
    loopback: 'a loopback address',
    private: 'a private-network address',
    'link-local': 'a link-local address',
    cgnat: 'a carrier-grade NAT address',
    'unique-local': 'a unique-local IPv6 address',
    multicast: 'a multicast address',
    reserved: 'a reserved address',
    metadata: 'a cloud metadata address',
  };
  return names[range];
}
