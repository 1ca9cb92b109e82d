/**
 * Benchmark of `dyad serve`: fills a temporary store with 1,000,000 synthetic events (one DuckDB
 * INSERT … SELECT … FROM range(n)) and times GET /api/overview end to end over HTTP (median of runs).
 * Run alone with `node dist/bench/serve.js [events]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { MIGRATIONS } from '../store/schema.js';
import { startServer } from '../serve/server.js';
import { median } from './stats.js';

const ACTORS = [
  'USA', 'USAGOV', 'RUS', 'RUSGOV', 'RUSMIL', 'CHN', 'CHNGOV', 'FRA', 'FRAGOV', 'GBR', 'GBRGOV', 'DEU', 'DEUGOV', 'TUR', 'TURGOV',
  'TURMIL', 'IRN', 'IRNGOV', 'ISR', 'ISRMIL', 'PSE', 'UKR', 'UKRGOV', 'UKRMIL', 'SYR', 'SYRGOV', 'IRQ', 'AFG', 'PAK', 'IND',
  'ARM', 'AZE', 'GRC', 'EGY', 'SAU', 'NGA', 'ETH', 'SDN', 'BRA', 'MEX', 'IGOUNO', 'IGOEUREEC', 'IGONAT', 'JPN', 'KOR', 'PRK',
];

/** Fill a fresh store at `path` with `n` synthetic events spread over two years and 300 places. */
export async function fillSyntheticStore(path: string, n: number): Promise<void> {
  const inst = await DuckDBInstance.create(path);
  const conn = await inst.connect();
  for (const m of MIGRATIONS) for (const sql of m.sql) await conn.run(sql);
  const list = `[${ACTORS.map((a) => `'${a}'`).join(', ')}]`;
  const k = ACTORS.length;
  await conn.run(`
    INSERT INTO events (id, date, source_code, source_country, source_role, source_name, target_code, target_country,
      target_role, target_name, cameo, root, quad_class, goldstein, plover_event, plover_mode, location_name, lat, lon,
      location_country, num_mentions, num_sources, num_articles, first_seen)
    WITH r AS (
      SELECT i,
        ${list}[CAST(1 + hash(i * 3) % ${k} AS INTEGER)] AS s,
        ${list}[CAST(1 + hash(i * 5 + 1) % ${k} AS INTEGER)] AS t,
        CAST(1 + hash(i * 11) % 20 AS INTEGER) AS rn,
        CAST(hash(i * 13) % 400 AS INTEGER) AS p
      FROM range(${Math.floor(n)}) tbl(i)
    )
    SELECT 'syn' || i, DATE '2019-01-01' + CAST(hash(i * 7) % 730 AS INTEGER),
      s, s[1:3], NULLIF(s[4:], ''), s, t, t[1:3], NULLIF(t[4:], ''), t,
      lpad(CAST(rn AS VARCHAR), 2, '0') || '0', lpad(CAST(rn AS VARCHAR), 2, '0'),
      CASE WHEN rn <= 5 THEN 1 WHEN rn <= 8 THEN 2 WHEN rn <= 13 THEN 3 ELSE 4 END,
      round(10 - rn + 0.1 * (hash(i) % 10), 1), 'SYNTHETIC', NULL,
      CASE WHEN p < 300 THEN 'place ' || p END,
      CASE WHEN p < 300 THEN -50 + (hash(p * 17) % 1200) / 10.0 END,
      CASE WHEN p < 300 THEN -170 + (hash(p * 19) % 3400) / 10.0 END,
      CASE WHEN p < 300 THEN s[1:3] END,
      CAST(1 + hash(i * 23) % 5 AS INTEGER), 1, 1, TIMESTAMP '2021-01-01 00:00:00'
    FROM r`);
  conn.closeSync();
  inst.closeSync();
}

async function timeRoute(url: string, runs: number): Promise<number> {
  const r0 = await fetch(url);
  if (!r0.ok) throw new Error(`${url}: HTTP ${r0.status} ${await r0.text()}`);
  await r0.arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await fetch(url);
    await r.arrayBuffer();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 10) / 10;
}

export async function benchServe(
  n = 1_000_000,
): Promise<{ events: number; overviewMs: number; eventsMs: number; networkMs: number; fillMs: number; overviewBytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-serve-'));
  try {
    const path = join(dir, 'bench.duckdb');
    const t0 = performance.now();
    await fillSyntheticStore(path, n);
    const fillMs = Math.round(performance.now() - t0);
    // No response cache: this times the aggregations themselves (serve-load times the cached server).
    const server = await startServer({ dbPath: path, port: 0, host: '127.0.0.1', cache: { maxEntries: 0 } });
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { counts: { events: number } };
      const overviewMs = await timeRoute(`${server.url}/api/overview`, 7);
      const overviewBytes = (await (await fetch(`${server.url}/api/overview`)).arrayBuffer()).byteLength;
      const eventsMs = await timeRoute(`${server.url}/api/events?actor=FRA&quadClass=3,4&limit=50`, 5);
      const networkMs = await timeRoute(`${server.url}/api/network`, 5);
      return { events: health.counts.events, overviewMs, eventsMs, networkMs, fillMs, overviewBytes };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const r = await benchServe(n);
  process.stdout.write(
    `serve: ${r.events.toLocaleString('en')} events (filled in ${r.fillMs} ms); GET /api/overview median ${r.overviewMs} ms ` +
      `(${Math.round(r.overviewBytes / 1024)} KB); /api/events filtered ${r.eventsMs} ms; /api/network ${r.networkMs} ms\n`,
  );
}
