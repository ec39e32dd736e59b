// IPv4 and IPv6 addresses and CIDR ranges, for the IpAddress / NotIpAddress operators.

/** The address as a big integer and its width in bits, or undefined when it is not an address. */
export function parseAddress(text: string): { value: bigint; bits: 32 | 128 } | undefined {
  if (text.includes(':')) return parseV6(text);
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return { value: parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n), bits: 32 };
}

function parseV6(text: string): { value: bigint; bits: 128 } | undefined {
  let address = text;
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two more 16-bit groups.
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseAddress(tail);
    if (!v4 || v4.bits !== 32) return undefined;
    address = `${address.slice(0, lastColon + 1)}${(v4.value >> 16n).toString(16)}:${(v4.value & 0xffffn).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const given = head.length + rest.length;
  if ((halves.length === 1 && given !== 8) || given > 8) return undefined;
  if (![...head, ...rest].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const all = [...head, ...Array<string>(8 - given).fill('0'), ...rest];
  return { value: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
}

export interface Cidr {
  readonly network: bigint;
  readonly prefix: number;
  readonly bits: 32 | 128;
}

/** `203.0.113.0/24`, `2001:db8::/32`, or a bare address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [addressText, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || !addressText) return undefined;
  const address = parseAddress(addressText);
  if (!address) return undefined;
  const prefix = prefixText === undefined ? address.bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= address.bits)) return undefined;
  return { network: address.value >> BigInt(address.bits - prefix), prefix, bits: address.bits };
}

export function cidrContains(cidr: Cidr, addressText: string): boolean {
  const address = parseAddress(addressText.trim());
  if (!address || address.bits !== cidr.bits) return false;
  return address.value >> BigInt(cidr.bits - cidr.prefix) === cidr.network;
}

/** An address inside the range, to offer as a request's: the first after the network's own (the address itself for a /32 or /128). */
export function addressIn(cidr: Cidr): string {
  const hostBits = BigInt(cidr.bits - cidr.prefix);
  const value = (cidr.network << hostBits) | (hostBits > 0n ? 1n : 0n);
  if (cidr.bits === 32) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return compressed(groups);
}

/** An IPv6 address as RFC 5952 writes it: the longest run of two or more zero groups (the first of equals) as `::`. */
function compressed(groups: readonly string[]): string {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < groups.length; start++) {
    let length = 0;
    while (groups[start + length] === '0') length++;
    if (length > best.length) best = { start, length };
    start += length;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}
