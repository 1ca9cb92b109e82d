/**
 * The ingestion loop: source items → worker pool → batches → store.
 *
 * Memory stays bounded: sources are pulled lazily, at most `2 × workers` jobs are in flight and at
 * most `batchSize` coded articles wait for the next commit. Each batch is one transaction, and a
 * re-run skips inputs already stored (by raw hash or URL before coding, by article id or content
 * hash when writing), so an interrupted ingest can simply be run again.
 */
import type { Store, ArticleInput } from '../store/index.js';
import type { CodedDocument } from '../model/contract.js';
import { CoderPool, type PoolOptions } from './pool.js';
import type { JobResult, SourceItem } from './types.js';
import { writeFailures, type FailureRow } from './failures.js';

export interface IngestStats {
  /** Inputs read (jobs + failures + skips). */
  seen: number;
  added: number;
  /** Already stored (before or after coding). */
  skipped: number;
  failed: number;
  /** Coded events in the added articles. */
  events: number;
  batches: number;
  seconds: number;
}

export interface IngestOptions extends PoolOptions {
  store: Store;
  /** Articles per transaction (default 200). */
  batchSize?: number;
  /** Commit at least this often when articles are waiting (default 5 s). */
  flushMs?: number;
  /** Called after every commit and every few hundred milliseconds. */
  onProgress?: (s: IngestStats, final: boolean) => void;
  /** A ready pool to reuse (the caller closes it). */
  pool?: CoderPool;
}

/**
 * Inputs looked up in the store at once (by raw hash and URL, before coding). One lookup scans the
 * stored keys, so fewer, larger windows cost less (256: ~4x fewer scans than 64, measured ~4 s
 * less per 20,000 articles); the window only holds inputs already read, not coded documents.
 */
const LOOKUP_WINDOW = 256;

/**
 * Group a stream into windows of up to `max` items, without waiting more than `waitMs` for a window
 * to fill (so slow sources, such as fetched URLs, are not held back).
 */
export async function* windows<T>(src: AsyncIterable<T>, max: number, waitMs = 50): AsyncGenerator<T[]> {
  const it = src[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | null = null;
  for (;;) {
    const win: T[] = [];
    const deadline = Date.now() + waitMs;
    while (win.length < max) {
      pending ??= it.next();
      const left = deadline - Date.now();
      const r =
        win.length === 0
          ? await pending
          : await Promise.race([pending, new Promise<null>((res) => setTimeout(() => res(null), Math.max(0, left)))]);
      if (r === null) break;
      pending = null;
      if (r.done) {
        if (win.length > 0) yield win;
        return;
      }
      win.push(r.value);
    }
    yield win;
  }
}

export async function ingest(items: AsyncIterable<SourceItem>, opts: IngestOptions): Promise<IngestStats> {
  const t0 = Date.now();
  const stats: IngestStats = { seen: 0, added: 0, skipped: 0, failed: 0, events: 0, batches: 0, seconds: 0 };
  const pool = opts.pool ?? (await CoderPool.create(opts));
  const writer = new Writer(opts, stats, t0);
  const maxInFlight = pool.size * 2;
  const inFlight = new Set<Promise<void>>();
  const onResult = (r: JobResult) => {
    if (r.ok) writer.article({ article: r.article, doc: r.doc });
    else writer.failure({ source: r.source, reason: r.reason });
  };
  try {
    try {
      for await (const win of windows(items, LOOKUP_WINDOW)) {
        const jobs = win.flatMap((it) => (it.kind === 'job' ? [it.job] : []));
        const stored = await opts.store.seenMany(jobs.map((j) => ({ rawHash: j.rawHash, url: j.url })));
        const isStored = new Map(jobs.map((j, i) => [j, stored[i]!]));
        for (const item of win) {
          stats.seen++;
          if (item.kind === 'failure') writer.failure(item);
          else if (item.kind === 'skip' || isStored.get(item.job)) stats.skipped++;
          else {
            while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
            const job = item.job;
            const p: Promise<void> = pool.run(job).then(onResult, (e: unknown) => onResult({ ok: false, source: job.source, reason: String(e) }));
            const tracked = p.finally(() => inFlight.delete(tracked));
            inFlight.add(tracked);
          }
          writer.report();
          await writer.maybeFlush();
        }
      }
    } finally {
      // Whatever stopped the reading, what was read and coded is stored.
      await Promise.all(inFlight);
      await writer.close();
    }
  } finally {
    if (!opts.pool) await pool.close();
  }
  stats.seconds = (Date.now() - t0) / 1000;
  writer.report(true);
  return stats;
}

/**
 * Coded articles and failures waiting for their commit. A batch is committed when it is full and,
 * on a timer, at least every `flushMs` while anything waits, whether or not new input arrives: a
 * slow last document (or a slow source) does not hold back the articles coded before it.
 * Commits are serialised; a commit error from the timer is thrown by the next call.
 */
class Writer {
  private batch: Array<{ article: ArticleInput; doc: CodedDocument }> = [];
  private failures: FailureRow[] = [];
  private chain: Promise<void> = Promise.resolve();
  private error: unknown = null;
  private lastFlush = Date.now();
  private lastReport = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly batchSize: number;
  private readonly flushMs: number;

  constructor(
    private readonly opts: IngestOptions,
    private readonly stats: IngestStats,
    private readonly t0: number,
  ) {
    this.batchSize = Math.max(1, opts.batchSize ?? 200);
    this.flushMs = Math.max(1, opts.flushMs ?? 5000);
    this.timer = setInterval(() => {
      if (this.waiting() && Date.now() - this.lastFlush >= this.flushMs) void this.flush().catch(() => undefined);
    }, Math.max(10, Math.min(this.flushMs, 1000)));
  }

  article(a: { article: ArticleInput; doc: CodedDocument }): void {
    this.batch.push(a);
    this.report();
  }

  failure(f: { source: string; reason: string; count?: number }): void {
    this.stats.failed += f.count ?? 1;
    this.failures.push({ source: f.source, reason: f.reason });
    this.report();
  }

  private waiting(): boolean {
    return this.batch.length + this.failures.length > 0;
  }

  async maybeFlush(): Promise<void> {
    if (this.error !== null) throw this.error;
    if (this.batch.length >= this.batchSize || this.failures.length >= this.batchSize) await this.flush();
  }

  /** Commit what waits now (after any commit in progress). */
  flush(): Promise<void> {
    const run = async () => {
      const b = this.batch;
      const f = this.failures;
      this.batch = [];
      this.failures = [];
      this.lastFlush = Date.now();
      if (f.length > 0) await writeFailures(this.opts.store, f);
      if (b.length > 0) {
        const r = await this.opts.store.addArticles(b);
        this.stats.added += r.added;
        this.stats.skipped += r.skipped;
        this.stats.events += r.events;
        this.stats.batches++;
      }
      this.report(true);
    };
    const p = this.chain.then(run);
    this.chain = p.catch((e: unknown) => {
      this.error ??= e;
    });
    return p;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.chain;
    if (this.error !== null) throw this.error;
    await this.flush();
  }

  report(final = false): void {
    this.stats.seconds = (Date.now() - this.t0) / 1000;
    if (!this.opts.onProgress) return;
    const now = Date.now();
    if (!final && now - this.lastReport < 250) return;
    this.lastReport = now;
    this.opts.onProgress({ ...this.stats }, final);
  }
}

/** A progress printer: one rewritten line on a TTY, a log line per commit otherwise. */
export function progressPrinter(write: (s: string) => void, tty: boolean, total?: number | null): {
  onProgress: (s: IngestStats, final: boolean) => void;
  done: () => void;
} {
  let lastLine = '';
  const fmt = (s: IngestStats) => {
    const rate = s.seconds > 0 ? (s.added + s.skipped + s.failed) / s.seconds : 0;
    const done = s.added + s.skipped + s.failed;
    const eta = total && rate > 0 ? ` ETA ${Math.max(0, Math.round((total - done) / rate))}s` : '';
    return `${done} articles (${s.added} added, ${s.skipped} skipped, ${s.failed} failed), ${s.events} events, ${rate.toFixed(1)} articles/s${eta}`;
  };
  let lastBatches = -1;
  return {
    onProgress(s, final) {
      const line = fmt(s);
      if (tty) {
        if (line !== lastLine) write(`\r\x1b[2K${line}`);
        lastLine = line;
      } else if (final && s.batches > 0 && s.batches !== lastBatches) {
        lastBatches = s.batches;
        write(`committed batch ${s.batches}: ${line}\n`);
      }
    },
    done() {
      if (tty && lastLine) write('\n');
    },
  };
}
