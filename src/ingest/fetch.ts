/**
 * Polite HTTP fetching: a User-Agent that names Dyad, timeouts, retries with exponential backoff
 * (network errors, 429, 5xx), robots.txt (RFC 9309: longest match wins, Allow wins ties, Crawl-delay
 * honoured) and a per-host minimum interval between requests.
 */
import { DyadError, errorMessage } from '../model/errors.js';
import { MAX_DOC_BYTES } from './types.js';

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

export class Fetcher {
  private readonly opts: Required<FetchOptions>;
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly nextSlot = new Map<string, number>();

  constructor(opts: FetchOptions = {}) {
    this.opts = {
      userAgent: opts.userAgent ?? USER_AGENT,
      timeoutMs: opts.timeoutMs ?? 15_000,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs ?? 500,
      minIntervalMs: opts.minIntervalMs ?? 1000,
      maxBytes: opts.maxBytes ?? MAX_DOC_BYTES,
      respectRobots: opts.respectRobots ?? true,
    };
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
          const r = await this.raw(new URL('/robots.txt', origin).href, this.opts.minIntervalMs, 1);
          if (r.status >= 200 && r.status < 300) return parseRobots(r.body.toString('utf8'));
          if (r.status >= 500) return { rules: [], crawlDelayMs: null, disallowAll: true };
          return { rules: [], crawlDelayMs: null, disallowAll: false };
        } catch {
          // Unreachable robots.txt: RFC 9309 says assume complete disallow.
          return { rules: [], crawlDelayMs: null, disallowAll: true };
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

  private async raw(url: string, delayMs: number, attempts: number): Promise<FetchedPage> {
    const host = new URL(url).host;
    let lastErr = '';
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(this.opts.backoffMs * 2 ** (attempt - 1));
      await this.throttle(host, delayMs);
      try {
        const res = await fetch(url, {
          headers: { 'user-agent': this.opts.userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
          redirect: 'follow',
          signal: AbortSignal.timeout(this.opts.timeoutMs),
        });
        if (res.status === 429 || res.status >= 500) {
          lastErr = `HTTP ${res.status}`;
          await res.body?.cancel().catch(() => undefined);
          continue;
        }
        const len = Number(res.headers.get('content-length') ?? '0');
        if (len > this.opts.maxBytes) {
          await res.body?.cancel().catch(() => undefined);
          throw new DyadError('DYAD_E004', `${url}: too large (${len} bytes; limit ${this.opts.maxBytes})`);
        }
        const body = await readLimited(res, this.opts.maxBytes, url);
        return { url: res.url || url, status: res.status, contentType: res.headers.get('content-type'), body };
      } catch (e) {
        if (e instanceof DyadError) throw e;
        lastErr = errorMessage(e);
      }
    }
    throw new DyadError('DYAD_E010', `${url}: ${lastErr} (after ${attempts} attempts)`);
  }

  /** GET a URL (robots.txt, rate limit, retries); throws DyadError on refusal or failure. */
  async get(url: string): Promise<FetchedPage> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new DyadError('DYAD_E005', `not a URL: ${url}`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new DyadError('DYAD_E005', `not an http(s) URL: ${url}`);
    let delay = this.opts.minIntervalMs;
    if (this.opts.respectRobots) {
      const robots = await this.robotsFor(u);
      if (!robotsAllows(robots, u.pathname + u.search)) {
        throw new DyadError('DYAD_E010', `${url}: disallowed by robots.txt`);
      }
      if (robots.crawlDelayMs !== null) delay = Math.max(delay, robots.crawlDelayMs);
    }
    const page = await this.raw(url, delay, 1 + this.opts.retries);
    if (page.status >= 400) throw new DyadError('DYAD_E010', `${url}: HTTP ${page.status}`);
    return page;
  }
}

async function readLimited(res: Response, max: number, url: string): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of res.body as unknown as AsyncIterable<Uint8Array>) {
    n += c.length;
    if (n > max) {
      throw new DyadError('DYAD_E004', `${url}: too large (more than ${max} bytes)`);
    }
    chunks.push(Buffer.from(c));
  }
  return Buffer.concat(chunks);
}
