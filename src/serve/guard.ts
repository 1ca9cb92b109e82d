/**
 * Who may talk to the server. DNS rebinding lets any web page reach a loopback server under the
 * page's own host name, so only requests whose `Host` names the bound address (or a name the user
 * allowed with `--host`/`--allow-host`) are served. A browser sends a cross-origin POST of
 * `text/plain` without asking first, so a POST must be `application/json` (which a page on another
 * origin cannot send without a CORS preflight, and the server grants none) from the same origin or
 * from no browser at all (no `Origin`).
 */
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { HttpError, clip } from './params.js';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const WILDCARD = ['0.0.0.0', '::', ''];

/** The host name of a Host header (`name:port`, `[v6]:port`), lower-cased, without a trailing dot. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']') < 0 ? h.length : h.indexOf(']')) : h.replace(/:\d*$/, '');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function isLoopback(name: string): boolean {
  return LOOPBACK.includes(name) || (isIP(name) === 4 && name.startsWith('127.'));
}

/**
 * The check of a request's Host: the bound address; with a loopback bind, the loopback names; with
 * a wildcard bind (0.0.0.0, ::), any IP address (an address cannot be rebound); and the allowed names.
 */
export function hostCheck(bound: string, allowed: readonly string[] = []): (header: string | undefined) => void {
  const b = hostName(bound);
  const names = new Set([b, ...allowed.map(hostName)]);
  if (isLoopback(b)) for (const n of LOOPBACK) names.add(n);
  const anyAddress = WILDCARD.includes(b);
  return (header) => {
    if (header === undefined) return; // HTTP/1.0 and non-browser clients: nothing to rebind.
    const name = hostName(header);
    if (names.has(name) || (anyAddress && isIP(name) !== 0)) return;
    throw new HttpError(403, `host: ${JSON.stringify(clip(name))} is not served here (start the server with --allow-host ${clip(name)} to allow it)`, 'host');
  };
}

/** A POST must carry JSON and come from this origin (or from no browser page at all). */
export function checkPost(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, `content-type: expected application/json, got ${JSON.stringify(clip(type || 'none'))}`, 'content-type');
  }
  const origin = req.headers['origin'];
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw new HttpError(403, 'origin: cross-origin requests are not accepted', 'origin');
  if (origin === undefined) return;
  if (!sameOrigin(origin, req.headers.host)) throw new HttpError(403, `origin: ${JSON.stringify(clip(origin))} is not this server; cross-origin requests are not accepted`, 'origin');
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    const o = new URL(origin);
    return o.protocol === 'http:' && o.host === (host ?? '').toLowerCase();
  } catch {
    return false;
  }
}
