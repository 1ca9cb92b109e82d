/**
 * `node dist/bench/main.js --only=serve-load`: `dyad serve` under load. A store of 1,000,000
 * synthetic events (built once with one INSERT … SELECT and cached under the temp dir between runs)
 * is served by the real CLI in a child process; for each route 64 keep-alive connections on loopback
 * first send one request each at once (the cold wave: nothing of that route computed yet), then send
 * requests back to back for a fixed time, while one more connection times `/api/health`.
 * Prints req/s, p50 and p99 per route, health latency, and the server's RSS before, during and after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA_VERSION } from '../store/schema.js';
import { fillSyntheticStore } from './serve.js';
import { median } from './stats.js';

const BIN = fileURLToPath(new URL('../../bin/dyad', import.meta.url));

export interface LoadRow {
  route: string;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** The first wave: one request per connection at once, nothing cached yet for this route. */
  coldP50: number;
  coldMax: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
}

export interface LoadResult {
  events: number;
  buildMs: number;
  cached: boolean;
  connections: number;
  rows: LoadRow[];
  rssMB: { idle: number; peak: number; after: number };
}

function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** The cached store of n events (built when missing; a half-built file is never reused). */
async function cachedStore(n: number): Promise<{ path: string; buildMs: number; cached: boolean }> {
  const dir = join(tmpdir(), 'dyad-bench-serve-load');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `events-${n}-schema${SCHEMA_VERSION}.duckdb`);
  if (existsSync(path)) return { path, buildMs: 0, cached: true };
  const tmp = `${path}.building`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const t0 = performance.now();
  await fillSyntheticStore(tmp, n);
  renameSync(tmp, path);
  return { path, buildMs: Math.round(performance.now() - t0), cached: false };
}

/** The (date, id) of the row at `offset` in the default order, to ask for the same deep page by keyset. */
async function rowAt(path: string, offset: number): Promise<{ date: string; id: string }> {
  const inst = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  try {
    const conn = await inst.connect();
    const r = await conn.runAndReadAll(
      `SELECT CAST(date AS VARCHAR), id FROM events ORDER BY date DESC NULLS LAST, id DESC LIMIT 1 OFFSET ${offset - 1}`,
    );
    const row = r.getRows()[0]!;
    conn.closeSync();
    return { date: String(row[0]), id: String(row[1]) };
  } finally {
    inst.closeSync();
  }
}

function startCli(path: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', path, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /at (http:\/\/[^/\s]+)\//.exec(err);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`dyad serve exited (${code}): ${err.trim()}`)));
  });
}

function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** One GET; resolves with its status and milliseconds (never rejects). */
function get(agent: Agent, url: string, timeoutMs = 120_000): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end();
  });
}

/**
 * Times GET /api/health every 100 ms on its own connection, from a thread of its own (the load
 * loops' event loop would otherwise add its own delay to every figure), until told to stop.
 */
const HEALTH_PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const times = [];
let running = true;
parentPort.on('message', () => { running = false; });
(async () => {
  while (running) {
    const t0 = performance.now();
    await new Promise((resolve) => {
      const req = http.get(workerData + '/api/health', { agent }, (res) => { res.resume(); res.on('end', resolve); });
      req.on('error', resolve);
    });
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
  agent.destroy();
  parentPort.postMessage(times);
})();
`;

function healthProber(base: string): { stop(): Promise<number[]> } {
  const w = new Worker(HEALTH_PROBER, { eval: true, workerData: base });
  const done = new Promise<number[]>((resolve) => w.once('message', resolve));
  return {
    stop: async () => {
      w.postMessage('stop');
      const times = await done;
      await w.terminate();
      return times;
    },
  };
}

/**
 * A cold wave (one request per connection at once), then `connections` loops sending GETs for
 * `ms`; health is timed on its own connection all the while.
 */
async function load(base: string, route: string, next: (i: number) => string, connections: number, ms: number): Promise<LoadRow> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const times: number[] = [];
  let errors = 0;
  let i = 0;
  let end = Infinity;
  const loop = async () => {
    while (performance.now() < end) {
      const r = await get(agent, base + next(i++));
      if (r.status === 200) times.push(r.ms);
      else errors++;
    }
  };
  const prober = healthProber(base);
  const cold = await Promise.all(Array.from({ length: connections }, () => get(agent, base + next(i++))));
  const steady = performance.now();
  end = steady + ms;
  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (performance.now() - steady) / 1000;
  errors += cold.filter((r) => r.status !== 200).length;
  const health = await prober.stop();
  agent.destroy();
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    route,
    requests: times.length,
    errors,
    reqPerSec: r1(times.length / seconds),
    p50: Math.round(quantile(times, 0.5)),
    p99: Math.round(quantile(times, 0.99)),
    coldP50: Math.round(median(cold.map((r) => r.ms))),
    coldMax: Math.round(Math.max(...cold.map((r) => r.ms))),
    healthP50: r1(median(health)),
    healthP99: r1(quantile(health, 0.99)),
    healthMax: r1(Math.max(...health)),
  };
}

/** The deep page: by keyset (`after`) where the server has it, else by offset as a client would. */
async function deepPage(base: string, path: string, offset: number): Promise<string> {
  const probe = await get(new Agent(), `${base}/api/events?limit=50&offset=${offset}`);
  if (probe.status === 200) return `/api/events?limit=50&offset=${offset}`;
  const { encodeCursor } = (await import('../serve/api.js')) as unknown as { encodeCursor: (v: unknown, id: string) => string };
  const row = await rowAt(path, offset);
  return `/api/events?limit=50&after=${encodeURIComponent(encodeCursor(row.date, row.id))}`;
}

export async function benchServeLoad(n = 1_000_000, connections = 64, secondsPerRoute = 8): Promise<LoadResult> {
  const store = await cachedStore(n);
  const { child, url } = await startCli(store.path);
  try {
    const warm = new Agent();
    const events = ((await (await fetch(`${url}/api/health`)).json()) as { counts: { events: number } }).counts.events;
    await get(warm, `${url}/api/events?limit=1`); // reads the file's pages once (nothing the routes below ask)
    const idle = rssMB(child.pid!);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMB(child.pid!))), 200);
    const actors = ['FRA', 'USA', 'RUS', 'CHN', 'TUR', 'IRN', 'ISR', 'UKR', 'SYR', 'IGOUNO'];
    const deep = await deepPage(url, store.path, 900_000);
    const ms = secondsPerRoute * 1000;
    const rows: LoadRow[] = [];
    rows.push(await load(url, 'overview', () => '/api/overview', connections, ms));
    rows.push(await load(url, 'events filtered', (i) => `/api/events?actor=${actors[i % actors.length]}&quadClass=3,4&limit=50`, connections, ms));
    rows.push(await load(url, 'network', () => '/api/network', connections, ms));
    rows.push(await load(url, 'deep page (900,000)', () => deep, connections, ms));
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 3000));
    return { events, buildMs: store.buildMs, cached: store.cached, connections, rows, rssMB: { idle, peak, after: rssMB(child.pid!) } };
  } finally {
    child.kill('SIGTERM');
  }
}

export function printServeLoad(r: LoadResult): void {
  console.log(
    `serve under load: ${r.events.toLocaleString('en')} events (${r.cached ? 'cached store' : `store built in ${r.buildMs} ms`}), ` +
      `${r.connections} connections on loopback`,
  );
  console.log('  route                  cold wave p50 / max ms   then req/s   p50 ms   p99 ms   errors   health p50 / p99 / max ms');
  for (const x of r.rows) {
    console.log(
      `  ${x.route.padEnd(22)} ${`${x.coldP50} / ${x.coldMax}`.padStart(22)} ${String(x.reqPerSec).padStart(12)} ` +
        `${String(x.p50).padStart(8)} ${String(x.p99).padStart(8)} ${String(x.errors).padStart(8)}   ` +
        `${x.healthP50} / ${x.healthP99} / ${x.healthMax}`,
    );
  }
  console.log(`  server RSS: ${r.rssMB.idle} MB idle, ${r.rssMB.peak} MB peak, ${r.rssMB.after} MB 3 s after the load`);
}
