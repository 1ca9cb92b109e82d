/**
 * Answers of the read routes, cached by route and parameters and dropped whenever the store
 * changes. Aggregating a million events takes DuckDB a few hundred ms; the dashboard asks the same
 * few questions over and over, so each distinct question is computed once per store version, and
 * concurrent identical requests share one computation instead of queueing 64 copies of it.
 *
 * The store's version comes from one cheap statement (its table counts and the last ingest time),
 * polled every `pollMs` on a lane of its own (and by a /api/health that finds it older): a read-only server's
 * store cannot change (DuckDB lets no writer in while it is open), a server on a writer's store
 * (`dyad watch --serve`) sees a commit within `pollMs`. Memory is bounded by entry count and bytes.
 */
import { COUNTS_SQL, countsOut, type StoreCounts } from './api.js';

export interface CacheLimits {
  maxEntries?: number;
  maxBytes?: number;
  /** An answer larger than this is served but not kept. */
  maxEntryBytes?: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly inflight = new Map<string, Promise<Buffer>>();
  private bytes = 0;
  private generation = 0;
  hits = 0;
  misses = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;

  constructor(limits: CacheLimits = {}) {
    this.maxEntries = limits.maxEntries ?? 512;
    this.maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntryBytes = limits.maxEntryBytes ?? 4 * 1024 * 1024;
  }

  /** The JSON (UTF-8) for `key`: kept, being computed by another request, or computed now. */
  get(key: string, compute: () => Promise<unknown>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return Promise.resolve(hit);
    }
    const running = this.inflight.get(key);
    if (running) {
      this.hits++;
      return running;
    }
    this.misses++;
    const gen = this.generation;
    const p = compute()
      .then((v) => Buffer.from(JSON.stringify(v), 'utf8'))
      .then((json) => {
        if (gen === this.generation) this.put(key, json);
        return json;
      })
      .finally(() => {
        if (this.inflight.get(key) === p) this.inflight.delete(key);
      });
    this.inflight.set(key, p);
    return p;
  }

  private put(key: string, json: Buffer): void {
    const size = json.length;
    if (size > this.maxEntryBytes) return;
    this.entries.set(key, json);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  /** Forget every answer (the store changed); answers being computed are served but not kept. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inflight.clear();
    this.bytes = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** The cache key of a request: the path and its parameters in a fixed order. */
export function cacheKey(url: URL): string {
  const sp = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url.pathname}?${new URLSearchParams(sp).toString()}`;
}

/** Tracks the store's counts and version; clears the cache when the version moves. */
export class StoreWatch {
  counts: StoreCounts = { events: 0, articles: 0, mentions: 0, actors: 0 };
  asOf = new Date(0);
  private version = '';
  private refreshing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly query: (sql: string) => Promise<Array<Record<string, unknown>>>,
    private readonly cache: ResponseCache,
    /** Called with each new version of the store (the first one included), after the cache is cleared. */
    private readonly onVersion: () => void = () => undefined,
  ) {}

  async start(pollMs: number): Promise<void> {
    await this.refresh();
    if (pollMs > 0) {
      this.timer = setInterval(() => void this.refresh().catch(() => undefined), pollMs);
      this.timer.unref();
    }
  }

  /** Read the counts once (concurrent callers share the statement in flight). */
  refresh(): Promise<void> {
    this.refreshing ??= this.query(COUNTS_SQL)
      .then((rows) => {
        const { counts, version } = countsOut(rows[0] ?? {});
        const moved = version !== this.version;
        if (moved && this.version !== '') this.cache.clear();
        this.version = version;
        this.counts = counts;
        this.asOf = new Date();
        if (moved) this.onVersion();
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** The last counts at once; a refresh starts in the background when they are older than `maxAgeMs`. */
  latest(maxAgeMs: number): { counts: StoreCounts; asOf: Date } {
    if (Date.now() - this.asOf.getTime() > maxAgeMs) void this.refresh().catch(() => undefined);
    return { counts: this.counts, asOf: this.asOf };
  }

  /** Fresh counts if they come within `waitMs`, else the last ones (never waits longer on a busy store). */
  async current(waitMs: number): Promise<{ counts: StoreCounts; asOf: Date }> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((r) => (timer = setTimeout(r, waitMs)));
    await Promise.race([this.refresh().catch(() => undefined), late]);
    clearTimeout(timer);
    return { counts: this.counts, asOf: this.asOf };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
