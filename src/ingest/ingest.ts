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

export async function ingest(items: AsyncIterable<SourceItem>, opts: IngestOptions): Promise<IngestStats> {
  const { store } = opts;
  const batchSize = Math.max(1, opts.batchSize ?? 200);
  const flushMs = opts.flushMs ?? 5000;
  const t0 = Date.now();
  const stats: IngestStats = { seen: 0, added: 0, skipped: 0, failed: 0, events: 0, batches: 0, seconds: 0 };
  const pool = opts.pool ?? (await CoderPool.create(opts));
  const maxInFlight = pool.size * 2;
  const inFlight = new Set<Promise<void>>();
  let batch: Array<{ article: ArticleInput; doc: CodedDocument }> = [];
  let failures: Array<{ source: string; reason: string }> = [];
  let lastFlush = Date.now();
  let lastReport = 0;

  const report = (final = false) => {
    stats.seconds = (Date.now() - t0) / 1000;
    if (!opts.onProgress) return;
    const now = Date.now();
    if (!final && now - lastReport < 250) return;
    lastReport = now;
    opts.onProgress({ ...stats }, final);
  };

  const flush = async () => {
    const b = batch;
    const f = failures;
    batch = [];
    failures = [];
    lastFlush = Date.now();
    for (const x of f) await store.addFailure(x.source, x.reason);
    if (b.length > 0) {
      const r = await store.addArticles(b);
      stats.added += r.added;
      stats.skipped += r.skipped;
      stats.events += r.events;
      stats.batches++;
    }
    report(true);
  };

  const onResult = (r: JobResult) => {
    if (r.ok) batch.push({ article: r.article, doc: r.doc });
    else {
      stats.failed++;
      failures.push({ source: r.source, reason: r.reason });
    }
    report();
  };

  const maybeFlush = async () => {
    if (batch.length >= batchSize || (batch.length + failures.length > 0 && Date.now() - lastFlush >= flushMs)) {
      await flush();
    }
  };

  try {
    for await (const item of items) {
      stats.seen++;
      if (item.kind === 'failure') {
        stats.failed++;
        failures.push({ source: item.source, reason: item.reason });
      } else if (item.kind === 'skip') {
        stats.skipped++;
      } else if (await store.seen(item.job.rawHash, item.job.url)) {
        stats.skipped++;
      } else {
        while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
        const p: Promise<void> = pool.run(item.job).then(onResult, (e: unknown) =>
          onResult({ ok: false, source: item.job.source, reason: String(e) }),
        );
        const tracked = p.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      }
      report();
      await maybeFlush();
    }
    await Promise.all(inFlight);
    await flush();
  } finally {
    if (!opts.pool) await pool.close();
  }
  stats.seconds = (Date.now() - t0) / 1000;
  report(true);
  return stats;
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
      } else if (final && s.batches !== lastBatches) {
        lastBatches = s.batches;
        write(`committed batch ${s.batches}: ${line}\n`);
      }
    },
    done() {
      if (tty && lastLine) write('\n');
    },
  };
}
