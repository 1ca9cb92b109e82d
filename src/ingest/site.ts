/**
 * Same site or not: two URLs are on one site when their hosts share a registrable domain (the
 * public-suffix list, through tldts: `news.example.co.uk` and `www.example.co.uk` are one site,
 * `a.github.io` and `b.github.io` two). IP addresses and single-label hosts must match exactly.
 */
import { getDomain } from 'tldts';

function siteOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

export function sameSite(a: string, b: string): boolean {
  const x = siteOf(a);
  return x !== null && x === siteOf(b);
}
