/**
 * Which network addresses a crawl may reach. URLs found in feeds, redirects and links are not the
 * user's choice: one pointing at loopback, a private network, link-local (cloud metadata at
 * 169.254.169.254), unique-local IPv6 or any other non-public range would let a feed make Dyad
 * read and store internal pages (SSRF with read-back, issue #17). Hosts are checked after DNS and
 * at connection time (the check runs inside the socket's lookup, so a name that resolves to a
 * public address when checked and to 127.0.0.1 when connecting cannot slip through), and IP
 * literals in every spelling the URL parser accepts (`0x7f000001`, `2130706433`, `127.1`,
 * `[::ffff:127.0.0.1]`) are normalised by it first. Classification: ipaddr.js ranges.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { DyadError } from '../model/errors.js';

/** Why an address is internal (its range, in words), or null for a public unicast address. */
export function internalRange(address: string): string | null {
  let a: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    a = ipaddr.process(address.replace(/^\[|\]$/g, ''));
  } catch {
    return null;
  }
  const range = a.range();
  return range === 'unicast' ? null : RANGE_WORDS[range] ?? range;
}

const RANGE_WORDS: Record<string, string> = {
  loopback: 'loopback',
  private: 'private network',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local (private) IPv6',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  reserved: 'reserved',
};

/** The refusal for `host` reaching `address`. */
export function internalError(host: string, address: string, range: string): DyadError {
  const what = host.replace(/^\[|\]$/g, '') === address ? `${host} is a ${range} address` : `${host} resolves to ${address}, a ${range} address`;
  return new DyadError('DYAD_E060', `${what}: internal addresses are not fetched from feeds, redirects or links (--allow-private allows them)`);
}

/** An IP-literal host that is internal → its refusal; anything else → null (names are checked by `safeLookup`). */
export function literalRefusal(hostname: string): DyadError | null {
  const h = hostname.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(h)) return null;
  const range = internalRange(h);
  return range === null ? null : internalError(hostname, h, range);
}

/** Resolve a host name now and refuse it when any of its addresses is internal (before robots.txt is asked). */
export function checkName(hostname: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    safeLookup(hostname, { all: true }, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * A socket `lookup` that resolves as usual and fails the connection when any address of the name
 * is internal (used for every connection the crawler opens to a host the user did not name).
 */
export const safeLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 4);
    for (const a of addresses) {
      const range = internalRange(a.address);
      if (range !== null) return callback(internalError(hostname, a.address, range), '', 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new Error(`${hostname}: no address`), '', 4);
    callback(null, first.address, first.family);
  });
};
