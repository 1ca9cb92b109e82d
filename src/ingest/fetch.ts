/**
 * Polite and safe HTTP fetching: a User-Agent that names Dyad, timeouts, retries with exponential
 * backoff (network errors, 429, 5xx) or the server's `Retry-After`, robots.txt (RFC 9309: longest
 * match wins, Allow wins ties, Crawl-delay honoured) and a per-host minimum interval between
 * requests, all applied to every redirect hop (redirects are followed here, one checked hop at a
 * time), and no request to an internal address unless its origin was named by the user (address.ts).
 */
import type { LookupFunction } from 'node:net';
import { DyadError, errorMessage } from '../model/errors.js';
import { MAX_DOC_BYTES } from './types.js';
import { isIP } from 'node:net';
import { checkName, literalRefusal, safeLookup } from './address.js';
import { httpGet, type HttpResponse } from './http.js';

export const USER_AGENT = 'Dyad/0.1 (+https://github.com/dyad-events/dyad; news event coder)';
const ROBOTS_TOKEN = 'dyad';

export interface FetchOptions {
  userAgent?: string;
  /** Per attempt (default 15 s). */
  timeoutMs?: number;
  /** Extra attempts after the first (default 3). */
  retries?: number;
  /** First backoff delay; doubles each retry (default 500 ms). */
  backoffMs?: number;
  /** Minimum interval between two requests to one host (default 1000 ms). */
  minIntervalMs?: number;
  maxBytes?: number;
  respectRobots?: boolean;
  /**
   * Let URLs found in feeds, redirects and links reach loopback, private, link-local and other
   * internal addresses (default false; origins given to `trust()` are always allowed).
   */
  allowPrivate?: boolean;
  /** A `Retry-After` longer than this is not waited for: the request fails (default 120 s). */
  maxRetryAfterMs?: number;
}

export interface FetchedPage {
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
}

interface RobotsRule {
  allow: boolean;
  pattern: string;
}

interface Robots {
  rules: RobotsRule[];
  crawlDelayMs: number | null;
  disallowAll: boolean;
  /** Why everything is disallowed (robots.txt unreachable or failing), for messages. */
  why?: string;
}

/** Parse robots.txt and keep the group for `token` (or `*`). */
export function parseRobots(text: string, token = ROBOTS_TOKEN): Robots {
  const groups: Array<{ agents: string[]; rules: RobotsRule[]; delay: number | null }> = [];
  let cur: { agents: string[]; rules: RobotsRule[]; delay: number | null } | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const val = m[2]!.trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || cur === null) {
        cur = { agents: [], rules: [], delay: null };
        groups.push(cur);
      }
      cur.agents.push(val.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (cur === null) continue;
    if (key === 'allow' || key === 'disallow') {
      if (val === '' && key === 'disallow') continue;
      cur.rules.push({ allow: key === 'allow', pattern: val });
    } else if (key === 'crawl-delay') {
      const d = Number(val);
      if (Number.isFinite(d) && d >= 0) cur.delay = d;
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a.replace(/\/.*$/, '').trim() === token));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.map((g) => g.delay).find((d) => d !== null) ?? null;
  return { rules, crawlDelayMs: delay === null ? null : Math.min(delay, 30) * 1000, disallowAll: false };
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = new RegExp(
    '^' + body.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + (anchored ? '$' : ''),
  );
  return re.test(path);
}

/** Is `pathAndQuery` allowed by these robots rules? */
export function robotsAllows(robots: Robots, pathAndQuery: string): boolean {
  if (robots.disallowAll) return false;
  let best: RobotsRule | null = null;
  for (const r of robots.rules) {
    if (!patternMatches(r.pattern, pathAndQuery)) continue;
    if (best === null || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) {
      best = r;
    }
  }
  return best === null || best.allow;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Redirects followed at most (RFC 9309 asks at least five for robots.txt; browsers stop at 20). */
const MAX_REDIRECTS = 10;

/** `Retry-After` (seconds or an HTTP date) → milliseconds from now, or null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class Fetcher {
  private readonly opts: Required<FetchOptions>;
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly nextSlot = new Map<string, number>();
  /** Origins the user named (command line, feed list): theirs to choose, internal or not. */
  private readonly trusted = new Set<string>();

  constructor(opts: FetchOptions = {}) {
    this.opts = {
      userAgent: opts.userAgent ?? USER_AGENT,
      timeoutMs: opts.timeoutMs ?? 15_000,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs ?? 500,
      minIntervalMs: opts.minIntervalMs ?? 1000,
      maxBytes: opts.maxBytes ?? MAX_DOC_BYTES,
      respectRobots: opts.respectRobots ?? true,
      allowPrivate: opts.allowPrivate ?? false,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 120_000,
    };
  }

  /** Trust the origin of a URL the user named: it may be on an internal address. */
  trust(url: string): void {
    try {
      this.trusted.add(new URL(url).origin);
    } catch {
      // not a URL: get() will say so
    }
  }

  /**
   * The socket lookup for a request to `u`: none for trusted origins (or with allowPrivate), the
   * checking one otherwise; an internal IP literal is refused here (DYAD_E060).
   */
  private async guard(u: URL): Promise<LookupFunction | undefined> {
    if (this.opts.allowPrivate || this.trusted.has(u.origin)) return undefined;
    const refusal = literalRefusal(u.hostname);
    if (refusal) throw new DyadError(refusal.code, `${u.href}: ${refusal.message}`);
    if (!isIP(u.hostname.replace(/^\[|\]$/g, ''))) {
      await checkName(u.hostname).catch((e: unknown) => {
        if (e instanceof DyadError) throw new DyadError(e.code, `${u.href}: ${e.message}`);
        // an unresolvable name fails below, with the network error
      });
    }
    return safeLookup;
  }

  /** Wait for this host's turn (per-host rate limit, or the site's Crawl-delay when longer). */
  private async throttle(host: string, delayMs: number): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, at + delayMs);
    if (at > now) await sleep(at - now);
  }

  private robotsFor(u: URL): Promise<Robots> {
    const origin = u.origin;
    let p = this.robots.get(origin);
    if (!p) {
      p = (async (): Promise<Robots> => {
        try {
          const r = await this.follow(new URL('/robots.txt', origin), false, 1, 5);
          if (r.status >= 200 && r.status < 300) return parseRobots(r.body.toString('utf8'));
          if (r.status >= 500) return { rules: [], crawlDelayMs: null, disallowAll: true, why: `robots.txt answers HTTP ${r.status}` };
          return { rules: [], crawlDelayMs: null, disallowAll: false };
        } catch (e) {
          // Unreachable robots.txt: RFC 9309 says assume complete disallow.
          const why = `robots.txt could not be read (${errorMessage(e).replace(/^\S+: /, '')})`;
          return { rules: [], crawlDelayMs: null, disallowAll: true, why };
        }
      })();
      this.robots.set(origin, p);
    }
    return p;
  }

  /** Whether robots.txt lets Dyad fetch this URL. */
  async allowed(url: string): Promise<boolean> {
    if (!this.opts.respectRobots) return true;
    const u = new URL(url);
    const robots = await this.robotsFor(u);
    return robotsAllows(robots, u.pathname + u.search);
  }

  /** The delay between two requests to this URL's host; throws when robots.txt disallows the URL. */
  private async admit(u: URL, checkRobots: boolean): Promise<number> {
    if (!checkRobots || !this.opts.respectRobots) return this.opts.minIntervalMs;
    const robots = await this.robotsFor(u);
    if (!robotsAllows(robots, u.pathname + u.search)) {
      throw new DyadError('DYAD_E010', `${u.href}: disallowed by robots.txt${robots.why ? ` (${robots.why}: assumed to disallow everything)` : ''}`);
    }
    return Math.max(this.opts.minIntervalMs, robots.crawlDelayMs ?? 0);
  }

  /**
   * GET `start`, following redirects itself: every hop is checked like a first request (internal
   * addresses, robots.txt when `checkRobots`) and waits for its host's turn.
   */
  private async follow(start: URL, checkRobots: boolean, attempts: number, maxRedirects = MAX_REDIRECTS): Promise<FetchedPage> {
    let u = start;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new DyadError('DYAD_E005', `not an http(s) URL: ${u.href}`);
      const lookup = await this.guard(u);
      const delay = await this.admit(u, checkRobots);
      const res = await this.attempt(u, delay, attempts, lookup);
      const location = res.status >= 300 && res.status < 400 ? res.header('location') : null;
      if (location === null) return { url: u.href, status: res.status, contentType: res.header('content-type'), body: res.body };
      try {
        u = new URL(location, u);
      } catch {
        throw new DyadError('DYAD_E010', `${u.href}: redirect to a bad URL (${location.slice(0, 200)})`);
      }
    }
    throw new DyadError('DYAD_E010', `${start.href}: more than ${maxRedirects} redirects`);
  }

  /** One URL with retries: network errors, 429 and 5xx, waiting `Retry-After` when the server gives one. */
  private async attempt(u: URL, delayMs: number, attempts: number, lookup: LookupFunction | undefined): Promise<HttpResponse> {
    let lastErr = '';
    let wait = 0;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(wait || this.opts.backoffMs * 2 ** (attempt - 1));
      await this.throttle(u.host, delayMs);
      let res: HttpResponse;
      try {
        res = await httpGet(u, {
          headers: { 'user-agent': this.opts.userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
          timeoutMs: this.opts.timeoutMs,
          maxBytes: this.opts.maxBytes,
          ...(lookup ? { lookup } : {}),
        });
      } catch (e) {
        if (e instanceof DyadError) throw e;
        lastErr = errorMessage(e);
        wait = 0;
        continue;
      }
      if (res.status !== 429 && res.status < 500) return res;
      lastErr = `HTTP ${res.status}`;
      wait = this.retryWait(u, res);
    }
    throw new DyadError('DYAD_E010', `${u.href}: ${lastErr} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`);
  }

  /** The wait a 429/5xx asks for (`Retry-After`), which also holds back every request to the host. */
  private retryWait(u: URL, res: HttpResponse): number {
    const ms = retryAfterMs(res.header('retry-after'));
    if (ms === null) return 0;
    if (ms > this.opts.maxRetryAfterMs) {
      throw new DyadError('DYAD_E010', `${u.href}: HTTP ${res.status}, asked to retry after ${Math.round(ms / 1000)} s (more than ${this.opts.maxRetryAfterMs / 1000} s: not waiting)`);
    }
    this.nextSlot.set(u.host, Math.max(this.nextSlot.get(u.host) ?? 0, Date.now() + ms));
    return ms;
  }

  /** GET a URL (robots.txt, rate limit, retries, checked redirects); throws DyadError on refusal or failure. */
  async get(url: string): Promise<FetchedPage> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new DyadError('DYAD_E005', `not a URL: ${url}`);
    }
    const page = await this.follow(u, true, 1 + this.opts.retries);
    if (page.status >= 400) throw new DyadError('DYAD_E010', `${url}: HTTP ${page.status}`);
    return page;
  }
}
