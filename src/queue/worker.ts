/**
 * `dyad worker`: take jobs from the queue of a PostgreSQL store, fetch, extract, code and store
 * them, and complete them. Stateless: any number of workers on any number of hosts. Each round takes
 * up to `batch` jobs, codes them on the worker's coder threads and stores them in one transaction
 * (the ingest pipeline), and only then completes the jobs; a worker that dies before completing
 * leaves them leased, and they are retried elsewhere after the lease (nothing stored twice: articles
 * are skipped by raw hash, URL, id and content hash).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { errorMessage } from '../model/errors.js';
import { openPgStore } from '../store/pg.js';
import { ingest } from '../ingest/ingest.js';
import { CoderPool } from '../ingest/pool.js';
import { Fetcher } from '../ingest/fetch.js';
import { sourceItems } from '../ingest/sources.js';
import type { SourceItem } from '../ingest/types.js';
import type { Store } from '../store/store.js';
import { Queue, QUEUE_NAME, type QueueOptions, type WorkItem } from './queue.js';

export interface WorkerOptions extends QueueOptions {
  url: string;
  /** Coder threads (default: one per core; 0 = the main thread). */
  concurrency?: number;
  /** Jobs taken per round, stored in one transaction (default 50). */
  batch?: number;
  /** Exit when no job is waiting or leased (backfills, tests). */
  drain?: boolean;
  /** Milliseconds between polls of an empty queue (default 1000). */
  pollMs?: number;
  dateDefault?: string | null;
  minIntervalMs?: number;
  respectRobots?: boolean;
  /** Called after each round (for logs). */
  onRound?: (r: { jobs: number; added: number; skipped: number; failed: number; ms: number }) => void;
  /** Stop when this resolves (SIGINT/SIGTERM from the CLI). */
  stop?: Promise<void>;
}

export interface WorkerStats {
  jobs: number;
  added: number;
  skipped: number;
  failed: number;
  rounds: number;
  seconds: number;
}

/** The source items of a round's jobs, in order. */
async function* itemsOf(data: WorkItem[], store: Store, fetcher: Fetcher): AsyncGenerator<SourceItem> {
  const opts = { fetcher, seenUrl: (u: string) => store.seen(null, u) };
  for (const d of data) {
    if (d.kind === 'doc') {
      const { bytes64, ...job } = d.job;
      yield { kind: 'job', job: bytes64 === undefined ? job : { ...job, bytes: Buffer.from(bytes64, 'base64') } };
    } else if (d.kind === 'url') yield* sourceItems([d.url], [], opts);
    else yield* sourceItems([], [d.url], opts);
  }
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerStats> {
  const t0 = Date.now();
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const started = new Date();
  const store = await openPgStore({ url: opts.url, poolSize: 3 });
  const queue = await Queue.open(opts.url, { ...opts, supervise: opts.supervise ?? true });
  const pool = await CoderPool.create({ workers: opts.concurrency, dateDefault: opts.dateDefault ?? null });
  const fetcher = new Fetcher({ minIntervalMs: opts.minIntervalMs, respectRobots: opts.respectRobots ?? true });
  const stats: WorkerStats = { jobs: 0, added: 0, skipped: 0, failed: 0, rounds: 0, seconds: 0 };
  let stopping = false;
  void opts.stop?.then(() => (stopping = true));
  const batch = Math.max(1, opts.batch ?? 50);
  const pollMs = opts.pollMs ?? 1000;
  try {
    await queue.heartbeat(id, started, 0, 0);
    while (!stopping) {
      const jobs = await queue.boss.fetch<WorkItem>(QUEUE_NAME, { batchSize: batch });
      if (!jobs || jobs.length === 0) {
        await queue.heartbeat(id, started, stats.jobs, stats.added);
        if (opts.drain && (await queue.pending()) === 0) break;
        await Promise.race([new Promise((r) => setTimeout(r, pollMs)), opts.stop]);
        continue;
      }
      const r0 = Date.now();
      const ids = jobs.map((j) => j.id);
      // Fault injection for the kill -9 test: hold the leased jobs a while before coding them.
      const holdMs = Number(process.env['DYAD_TEST_HOLD_JOBS_MS'] ?? 0);
      if (holdMs > 0) {
        process.stderr.write(`hold: ${jobs.length} leased jobs\n`);
        await new Promise((r) => setTimeout(r, holdMs));
      }
      try {
        const s = await ingest(itemsOf(jobs.map((j) => j.data), store, fetcher), { store, pool, batchSize: 100_000, flushMs: 3_600_000 });
        await queue.boss.complete(QUEUE_NAME, ids);
        stats.jobs += jobs.length;
        stats.added += s.added;
        stats.skipped += s.skipped;
        stats.failed += s.failed;
        stats.rounds++;
        opts.onRound?.({ jobs: jobs.length, added: s.added, skipped: s.skipped, failed: s.failed, ms: Date.now() - r0 });
      } catch (e) {
        // The round stored nothing (one transaction): hand its jobs back to be retried, with the reason.
        const why = { reason: errorMessage(e).slice(0, 2000), worker: id };
        for (const j of ids) await queue.boss.fail(QUEUE_NAME, j, why).catch(() => undefined);
      }
      await queue.heartbeat(id, started, stats.jobs, stats.added);
    }
  } finally {
    await pool.close();
    await queue.close();
    await store.close();
  }
  stats.seconds = (Date.now() - t0) / 1000;
  return stats;
}
