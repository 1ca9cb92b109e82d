/**
 * Many `dyad worker` processes against the real PostgreSQL (each test in a schema of its own):
 * enqueue → N workers → the same events as a single-process ingest; a worker killed with -9
 * half-way loses nothing and doubles nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countsAndRecount, pgTestDb, pgUnavailable } from '../store/pgtest.js';
import { openStore } from '../store/index.js';
import { generateArticles } from '../bench/corpus.js';
import { Queue } from './queue.js';
import { runCli } from '../cli/main.js';
import { memoryIo } from '../cli/io.js';

const BIN = fileURLToPath(new URL('../../bin/dyad', import.meta.url));
const skip = await pgUnavailable();

function corpus(n: number, seed: number): { dir: string; file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-cluster-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, [...generateArticles(n, seed)].map((a) => JSON.stringify(a)).join('\n') + '\n');
  return { dir, file, done: () => rmSync(dir, { recursive: true, force: true }) };
}

function worker(url: string, extra: string[] = [], env: Record<string, string> = {}): { child: ChildProcess; exited: Promise<number | null>; rounds: () => number; holds: () => number } {
  const child = spawn(
    process.execPath,
    [BIN, 'worker', '--db', url, '--drain', '--concurrency', '0', '--batch', '4', '--maintenance', '1', ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, exited, rounds: () => (err.match(/^worker: /gm) ?? []).length, holds: () => (err.match(/^hold: /gm) ?? []).length };
}

/** Events as a single-process ingest of the same corpus stores them (DuckDB, the reference). */
async function reference(file: string, dir: string): Promise<{ events: unknown[]; mentions: number; articles: number }> {
  const path = join(dir, 'ref.duckdb');
  const io = memoryIo();
  assert.equal(await runCli(['ingest', file, '--db', path, '--workers', '0', '--quiet'], io), 0, io.stderr);
  const store = await openStore({ path, readOnly: true });
  try {
    return await snapshot(store);
  } finally {
    await store.close();
  }
}

async function snapshot(store: Awaited<ReturnType<typeof openStore>>) {
  const events = await store.query(
    `SELECT id, CAST(date AS VARCHAR) AS date, source_code, target_code, cameo, num_mentions, num_articles, num_sources
     FROM events ORDER BY id`,
  );
  const [m] = await store.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM mentions');
  const [a] = await store.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM articles');
  return { events, mentions: m!.n, articles: a!.n };
}

/** The PostgreSQL store holds what the reference ingest stored, with counts equal to a recount. */
async function assertLikeReference(url: string, ref: Awaited<ReturnType<typeof reference>>): Promise<void> {
  const store = await openStore({ path: url, readOnly: true });
  try {
    assert.deepEqual(await snapshot(store), ref);
    await recountMatches(store);
  } finally {
    await store.close();
  }
}

async function recountMatches(store: Awaited<ReturnType<typeof openStore>>): Promise<void> {
  const { stored, recount } = await countsAndRecount(store);
  assert.deepEqual(stored, recount);
  const [dup] = await store.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM (SELECT article_id, article_event_id, event_id FROM mentions
       GROUP BY 1, 2, 3 HAVING count(*) > 1) d`,
  );
  assert.equal(dup!.n, 0, 'no mention stored twice');
}

async function enqueue(url: string, file: string, leaseSeconds: number): Promise<void> {
  // The queue is created with a short lease before anything is enqueued (jobs take the queue's lease).
  const q = await Queue.open(url, { leaseSeconds });
  await q.close();
  const io = memoryIo();
  assert.equal(await runCli(['ingest', file, '--db', url, '--enqueue'], io), 0, io.stderr);
  assert.match(io.stdout, /enqueued \d+ jobs/);
}

test('enqueue, then three workers: the same events as a single-process ingest of the same corpus', { skip }, async () => {
  const c = corpus(24, 7);
  const db = await pgTestDb();
  try {
    const ref = await reference(c.file, c.dir);
    await enqueue(db.path, c.file, 60);
    const ws = [worker(db.path), worker(db.path), worker(db.path)];
    assert.deepEqual(await Promise.all(ws.map((w) => w.exited)), [0, 0, 0]);
    assert.ok(ws.filter((w) => w.rounds() > 0).length >= 2, 'the work was shared');
    await assertLikeReference(db.path, ref);
    // Re-submitting the same inputs enqueues nothing: every one is stored.
    const io = memoryIo();
    assert.equal(await runCli(['ingest', c.file, '--db', db.path, '--enqueue'], io), 0);
    assert.match(io.stdout, /enqueued 0 jobs .*; 24 already stored/);
  } finally {
    c.done();
    await db.done();
  }
});

test('a worker killed with -9 half-way: its jobs are retried after the lease, nothing lost, nothing doubled', { skip }, async () => {
  const c = corpus(30, 11);
  const db = await pgTestDb();
  try {
    const ref = await reference(c.file, c.dir);
    await enqueue(db.path, c.file, 3);
    // The victim holds each batch of leased jobs for 1.5 s before coding it, so that it is
    // killed with jobs in hand (on a fast machine the others could otherwise drain the queue first).
    const ws = [worker(db.path, [], { DYAD_TEST_HOLD_JOBS_MS: '1500' }), worker(db.path), worker(db.path)];
    const victim = ws[0]!;
    const t0 = Date.now();
    while (victim.holds() < 1 && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 20));
    assert.ok(victim.holds() >= 1, 'the worker held leased jobs when it was killed');
    victim.child.kill('SIGKILL');
    assert.equal(await victim.exited, null);
    assert.deepEqual(await Promise.all(ws.slice(1).map((w) => w.exited)), [0, 0]);
    await assertLikeReference(db.path, ref);
    const io = memoryIo();
    assert.equal(await runCli(['status', '--db', db.path, '--json'], io), 0, io.stderr);
    const s = JSON.parse(io.stdout) as { depth: number; states: Record<string, number>; totals: { articles: number } };
    assert.equal(s.depth, 0);
    assert.equal(s.states['active'], 0);
    assert.equal(s.totals.articles, 30);
    // The killed worker held leased jobs: they expired and were taken again.
    const q = await Queue.open(db.path);
    try {
      const [r] = (await q.pool.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q.schema}.job WHERE retry_count > 0 AND state = 'completed'`)).rows;
      assert.ok(r!.n > 0, 'some job was retried after its lease expired');
    } finally {
      await q.close();
    }
  } finally {
    c.done();
    await db.done();
  }
});
