/**
 * `npm run bench -- --only=cluster`: articles/s into PostgreSQL with 1, 2 and 4 `dyad worker`
 * processes beside the single-process DuckDB ingest of the same generated corpus, in one run; the
 * queue's own overhead per job (insert, fetch and complete of empty jobs); and PostgreSQL's share
 * of a worker's time (its store calls against coding). Every worker codes on its main thread
 * (`--concurrency 0`) and the DuckDB ingest too (`--workers 0`), so each process uses one core.
 * Wall times include each process's start-up (loading the coder, ~1-3 s), as a real backfill would.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticles } from './corpus.js';
import { pgTestDb, pgUnavailable } from '../store/pgtest.js';
import { openStore } from '../store/index.js';
import { Queue, QUEUE_NAME } from '../queue/queue.js';
import { enqueueInputs } from '../queue/enqueue.js';
import { ingest } from '../ingest/ingest.js';
import { sourceItems } from '../ingest/sources.js';
import type { Store } from '../store/store.js';

const BIN = fileURLToPath(new URL('../../bin/dyad', import.meta.url));

export interface ClusterBenchResult {
  articles: number;
  duckdb: { seconds: number; articlesPerSecond: number };
  workers: Array<{ processes: number; seconds: number; articlesPerSecond: number; stored: number }>;
  queue: { jobs: number; insertMsPerJob: number; fetchCompleteMsPerJob: number };
  postgresShare: { storeSeconds: number; totalSeconds: number; share: number };
}

function run(args: string[]): Promise<number | null> {
  return new Promise((res) => {
    const c = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    c.on('exit', (code) => res(code));
  });
}

async function count(path: string): Promise<number> {
  const s = await openStore({ path, readOnly: true });
  try {
    return (await s.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM articles'))[0]!.n;
  } finally {
    await s.close();
  }
}

async function workersRun(file: string, n: number, processes: number) {
  const db = await pgTestDb();
  try {
    const store = await openStore({ path: db.path });
    const queue = await Queue.open(db.path);
    await enqueueInputs([file], [], { queue, store });
    await queue.close();
    await store.close();
    const t0 = performance.now();
    const args = ['worker', '--db', db.path, '--drain', '--concurrency', '0', '--batch', '50', '--quiet'];
    await Promise.all(Array.from({ length: processes }, () => run(args)));
    const seconds = (performance.now() - t0) / 1000;
    return { processes, seconds, articlesPerSecond: n / seconds, stored: await count(db.path) };
  } finally {
    await db.done();
  }
}

/** Empty jobs through the queue: what pg-boss itself costs per job. */
async function queueOverhead(jobs: number) {
  const db = await pgTestDb();
  const queue = await Queue.open(db.path);
  try {
    const t0 = performance.now();
    for (let i = 0; i < jobs; i += 200) {
      await queue.add(Array.from({ length: Math.min(200, jobs - i) }, (_, j) => ({ kind: 'url' as const, url: `https://q.example/${i + j}` })));
    }
    const t1 = performance.now();
    for (;;) {
      const got = await queue.boss.fetch(QUEUE_NAME, { batchSize: 50 });
      if (!got || got.length === 0) break;
      await queue.boss.complete(QUEUE_NAME, got.map((j) => j.id));
    }
    const t2 = performance.now();
    return { jobs, insertMsPerJob: (t1 - t0) / jobs, fetchCompleteMsPerJob: (t2 - t1) / jobs };
  } finally {
    await queue.close();
    await db.done();
  }
}

/** One in-process ingest into PostgreSQL, timing the store's calls. */
async function postgresShare(file: string) {
  const db = await pgTestDb();
  const store = await openStore({ path: db.path });
  let storeMs = 0;
  const timed = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    const t = performance.now();
    try {
      return await f(...a);
    } finally {
      storeMs += performance.now() - t;
    }
  };
  const wrapped: Store = Object.assign(Object.create(store) as Store, {
    addArticles: timed(store.addArticles.bind(store)),
    seenMany: timed(store.seenMany.bind(store)),
    addFailure: timed(store.addFailure.bind(store)),
  });
  try {
    const t0 = performance.now();
    await ingest(sourceItems([file], []), { store: wrapped, workers: 0, batchSize: 50 });
    const total = (performance.now() - t0) / 1000;
    return { storeSeconds: storeMs / 1000, totalSeconds: total, share: storeMs / 1000 / total };
  } finally {
    await store.close();
    await db.done();
  }
}

export async function benchCluster(n: number): Promise<ClusterBenchResult | { skipped: string }> {
  const why = await pgUnavailable();
  if (why) return { skipped: why };
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-cluster-'));
  try {
    const file = join(dir, 'corpus.jsonl');
    writeFileSync(file, [...generateArticles(n, 3)].map((a) => JSON.stringify(a)).join('\n') + '\n');
    const t0 = performance.now();
    await run(['ingest', file, '--db', join(dir, 'ref.duckdb'), '--workers', '0', '--quiet']);
    const duckSeconds = (performance.now() - t0) / 1000;
    const workers = [];
    for (const p of [1, 2, 4]) workers.push(await workersRun(file, n, p));
    return {
      articles: n,
      duckdb: { seconds: duckSeconds, articlesPerSecond: n / duckSeconds },
      workers,
      queue: await queueOverhead(2000),
      postgresShare: await postgresShare(file),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printCluster(r: ClusterBenchResult | { skipped: string }): void {
  if ('skipped' in r) {
    console.log(`cluster: skipped: ${r.skipped}`);
    return;
  }
  console.log(`cluster: ${r.articles} generated articles, one core per process (wall time, start-up included)`);
  console.log(`  DuckDB, single process: ${r.duckdb.articlesPerSecond.toFixed(1)} articles/s (${r.duckdb.seconds.toFixed(1)} s)`);
  for (const w of r.workers) {
    console.log(
      `  PostgreSQL, ${w.processes} worker${w.processes === 1 ? '' : 's'}: ${w.articlesPerSecond.toFixed(1)} articles/s ` +
        `(${w.seconds.toFixed(1)} s, x${(w.articlesPerSecond / r.duckdb.articlesPerSecond).toFixed(2)} DuckDB, ${w.stored} stored)`,
    );
  }
  console.log(
    `  queue overhead per job (pg-boss, ${r.queue.jobs} empty jobs): insert ${r.queue.insertMsPerJob.toFixed(2)} ms, ` +
      `fetch + complete in batches of 50 ${r.queue.fetchCompleteMsPerJob.toFixed(2)} ms`,
  );
  console.log(
    `  PostgreSQL's share of an in-process ingest: ${(100 * r.postgresShare.share).toFixed(1)}% ` +
      `(${r.postgresShare.storeSeconds.toFixed(1)} s of ${r.postgresShare.totalSeconds.toFixed(1)} s in store calls)`,
  );
}
