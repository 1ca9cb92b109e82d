/**
 * Test support for the PostgreSQL store: each test gets a schema of its own (random suffix),
 * dropped afterwards, so parallel runs and re-runs never collide. Where no server answers, the
 * tests skip themselves with the reason. `DYAD_TEST_PG` names the server (default: the local one).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const TEST_PG = process.env['DYAD_TEST_PG'] || 'postgres://postgres@127.0.0.1:5432/test';

let probe: Promise<string | false> | null = null;

/** false when PostgreSQL answers at TEST_PG, else why not (the skip reason). */
export function pgUnavailable(): Promise<string | false> {
  probe ??= (async () => {
    const c = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return false as const;
    } catch (e) {
      return `no PostgreSQL at ${TEST_PG} (${(e as Error).message || String(e)}); set DYAD_TEST_PG to run these tests`;
    } finally {
      await c.end().catch(() => undefined);
    }
  })();
  return probe;
}

export interface TestDb {
  /** A DuckDB path or a postgres:// URL with its own schema. */
  path: string;
  /** The schema (PostgreSQL) or '' (DuckDB). */
  schema: string;
  done(): Promise<void>;
}

/** A fresh, empty schema on the test server; `done` drops it with everything in it (queue included). */
export async function pgTestDb(): Promise<TestDb> {
  const schema = `dyad_t_${randomBytes(5).toString('hex')}`;
  const u = new URL(TEST_PG);
  u.searchParams.set('schema', schema);
  return {
    path: u.toString(),
    schema,
    async done() {
      const c = new pg.Client({ connectionString: TEST_PG });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

export function duckTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
  return { path: join(dir, 't.duckdb'), schema: '', done: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Both backends, for tests that must hold on each; `skip` is false or the reason. */
export async function backends(): Promise<Array<{ name: string; skip: string | false; make: () => Promise<TestDb> }>> {
  return [
    { name: 'duckdb', skip: false, make: async () => duckTestDb() },
    { name: 'postgres', skip: await pgUnavailable(), make: pgTestDb },
  ];
}

/** Each merged event's counts as stored, and as a full recount from `mentions` (they must be equal). */
export async function countsAndRecount(store: {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}): Promise<{ stored: Array<Record<string, unknown>>; recount: Array<Record<string, unknown>> }> {
  const stored = await store.query('SELECT id, num_mentions, num_articles, num_sources FROM events ORDER BY id');
  const recount = await store.query(`
    SELECT event_id AS id, count(*)::INTEGER AS num_mentions, count(DISTINCT article_id)::INTEGER AS num_articles,
           count(DISTINCT coalesce(outlet, article_id))::INTEGER AS num_sources
    FROM mentions GROUP BY event_id ORDER BY event_id`);
  return { stored, recount };
}
