/**
 * The event store in PostgreSQL (`--db postgres://…`): the Store interface over a pooled
 * node-postgres client, for many writers on many hosts and readers beside them.
 *
 * Writes are idempotent and race-free without any read-modify-write: a batch inserts its articles
 * with ON CONFLICT DO NOTHING (unique id and content hash) and writes mentions only for the ones it
 * inserted; merged events are upserted by key, adding the batch's counts (PostgreSQL locks the row,
 * so concurrent batches add up); rows are inserted in key order, and a deadlock or serialisation
 * failure rolls the batch back and runs it again. A schema per store (`?schema=name`) lets one
 * database hold several stores (the tests use one each).
 */
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { CodedDocument } from '../model/contract.js';
import { DyadError, errorMessage } from '../model/errors.js';
import type { AddResult, ArticleInput, Store } from './store.js';
import { articleId } from './keys.js';
import { prepareArticles, freshArticles, articleRows, plainCell, COLUMNS, type Cell, type PreparedArticle } from './rows.js';
import { PG_MIGRATIONS, pgDialect } from './pg-schema.js';
import { settleWindow } from './settings.js';

export function isPostgresUrl(s: string | undefined | null): boolean {
  return typeof s === 'string' && /^postgres(ql)?:\/\//i.test(s);
}

export interface PgTarget {
  /** The connection string without Dyad's own `schema` parameter. */
  connectionString: string;
  /** The schema holding the store's tables (default `public`). */
  schema: string;
  /** For messages: the URL without its password. */
  label: string;
}

/** Split a `postgres://…[?schema=name]` URL into what node-postgres takes and the store's schema. */
export function pgTarget(url: string): PgTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DyadError('DYAD_E005', `--db: not a valid PostgreSQL URL: ${url.replace(/:[^:@/]*@/, ':***@')}`);
  }
  const schema = u.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new DyadError('DYAD_E005', `--db: schema must be a lower-case SQL name, got '${schema}'`);
  }
  u.searchParams.delete('schema');
  const connectionString = u.toString();
  if (u.password) u.password = '***';
  return { connectionString, schema, label: u.toString().replace(/\?$/, '') + (schema === 'public' ? '' : `?schema=${schema}`) };
}

const PLAIN = (s: string) => s;
const NUMBER = (s: string) => {
  const n = Number(s);
  return Number.isSafeInteger(n) || !Number.isInteger(n) ? n : s;
};

/** Values as the DuckDB store returns them: numbers (never bigint strings), dates as 'YYYY-MM-DD'. */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return NUMBER; // int8, numeric
    if (oid === 1082 || oid === 1114 || oid === 1184) return PLAIN; // date, timestamp, timestamptz
    return (pg.types.getTypeParser as (o: number, f?: string) => (s: string) => unknown)(oid, format);
  },
};

/** A pool on the target: the store's schema first on the search path (read-only when asked). */
export function pgPool(t: PgTarget, opts: { max?: number; readOnly?: boolean; name?: string } = {}): pg.Pool {
  const options = [`-c search_path=${t.schema},public`];
  if (opts.readOnly) options.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({
    connectionString: t.connectionString,
    max: opts.max ?? 4,
    options: options.join(' '),
    application_name: opts.name ?? 'dyad',
    types: TYPES,
  });
  pool.on('error', () => undefined); // an idle client lost its server: the next query reports it
  return pool;
}

/** A connection failure as a DyadError naming the server (never the password). */
export function pgError(t: PgTarget, e: unknown, what: string): DyadError {
  const msg = errorMessage(e) || String((e as { code?: string }).code ?? e);
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|does not exist|password authentication|no pg_hba/i.test(msg)) {
    return new DyadError('DYAD_E050', `cannot reach the PostgreSQL store ${t.label}: ${msg}`);
  }
  return new DyadError('DYAD_E051', `${what} (${t.label}): ${msg}`);
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure

async function migrate(client: pg.PoolClient, schema: string): Promise<void> {
  await client.query('BEGIN');
  try {
    // One migrating process at a time (many workers may open a new store at once).
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dyad-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER, applied_at TIMESTAMP)`);
    const r = await client.query<{ v: number }>(`SELECT coalesce(max(version), 0) AS v FROM schema_migrations`);
    const current = Number(r.rows[0]?.v ?? 0);
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      for (const s of m.sql) await client.query(s);
      await client.query(`INSERT INTO schema_migrations VALUES ($1, now()::TIMESTAMP)`, [m.version]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new DyadError('DYAD_E051', `schema migration failed: ${errorMessage(e)}`);
  }
}

/** Rows of cells as JSON objects keyed by column name (one parameter for json_populate_recordset). */
function asJson(columns: readonly string[], rows: Cell[][]): string {
  return JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, plainCell(r[i]!)]))));
}

type Row = Record<string, unknown>;

/** The merged events of a batch's stage rows: the first report's fields and the batch's counts. */
function mergeStage(stage: Cell[][]): { events: Row[]; outlets: Array<{ event_id: string; outlet: string }> } {
  const stageCols = [...COLUMNS.events, ...COLUMNS.stageExtra];
  const byId = new Map<string, { row: Row; m: number; articles: Set<string> }>();
  const outlets = new Map<string, { event_id: string; outlet: string }>();
  for (const cells of stage) {
    const row = Object.fromEntries(stageCols.map((c, i) => [c, plainCell(cells[i]!)]));
    const id = String(row['id']);
    const e = byId.get(id) ?? { row, m: 0, articles: new Set<string>() };
    e.m++;
    e.articles.add(String(row['article_id']));
    byId.set(id, e);
    outlets.set(`${id}\u0000${String(row['outlet'])}`, { event_id: id, outlet: String(row['outlet']) });
  }
  const events = [...byId.values()].map(({ row, m, articles }) => {
    const o: Row = {};
    for (const c of COLUMNS.events) o[c] = row[c];
    o['num_mentions'] = m;
    o['num_articles'] = articles.size;
    return o;
  });
  return { events, outlets: [...outlets.values()] };
}

export class PgStore implements Store {
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    readonly path: string,
    readonly windowDays: number,
    private readonly readOnly: boolean,
    readonly target: PgTarget,
  ) {}

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const r = await this.pool.query(pgDialect(sql), params.map(toParam));
    return r.rows as T[];
  }

  async *stream<T = Record<string, unknown>>(sql: string, params: unknown[] = []): AsyncGenerator<T[]> {
    const client = await this.pool.connect();
    const cursor = client.query(new Cursor(pgDialect(sql), params.map(toParam)));
    try {
      for (;;) {
        const rows = await cursor.read(2048);
        if (rows.length === 0) return;
        yield rows as T[];
      }
    } finally {
      await cursor.close().catch(() => undefined);
      client.release();
    }
  }

  async scan<T = Record<string, unknown>>(sql: string, params: unknown[], onRows: (rows: T[]) => Promise<void> | void): Promise<void> {
    for await (const rows of this.stream<T>(sql, params)) await onRows(rows);
  }

  async exec(sql: string, params: unknown[] = []): Promise<void> {
    await this.pool.query(pgDialect(sql), params.map(toParam));
  }

  async hasArticle(idOrHash: string): Promise<boolean> {
    const r = await this.pool.query(
      `SELECT 1 FROM articles WHERE id = $1 OR content_hash = $1 OR url = $1 OR canonical_url = $1 LIMIT 1`,
      [idOrHash],
    );
    return r.rows.length > 0;
  }

  async seen(rawHash: string | null, url: string | null): Promise<boolean> {
    return (await this.seenMany([{ rawHash, url }]))[0]!;
  }

  async seenMany(keys: Array<{ rawHash: string | null; url: string | null }>): Promise<boolean[]> {
    if (keys.length === 0) return [];
    const raws = keys.flatMap((k) => (k.rawHash ? [k.rawHash] : []));
    const urls = keys.flatMap((k) => (k.url ? [k.url] : []));
    const r = await this.pool.query<{ k: string; v: string }>(
      `SELECT 'r' AS k, raw_hash AS v FROM articles WHERE raw_hash = ANY($1)
       UNION ALL SELECT 'u', url FROM articles WHERE url = ANY($2)
       UNION ALL SELECT 'i', id FROM articles WHERE id = ANY($3)`,
      [raws, urls, urls.map((u) => articleId(u, ''))],
    );
    const hit = new Set(r.rows.map((row) => `${row.k}:${row.v}`));
    return keys.map(
      (k) =>
        (k.rawHash !== null && hit.has(`r:${k.rawHash}`)) ||
        (k.url !== null && (hit.has(`u:${k.url}`) || hit.has(`i:${articleId(k.url, '')}`))),
    );
  }

  async addFailure(source: string, reason: string): Promise<void> {
    if (this.readOnly) return;
    await this.pool.query(`INSERT INTO failures VALUES ($1, $2, now()::TIMESTAMP)`, [source, reason.slice(0, 2000)]);
  }

  async addArticles(items: Array<{ article: ArticleInput; doc: CodedDocument }>): Promise<AddResult> {
    if (this.readOnly) throw new DyadError('DYAD_E011', `store ${this.path} is open read-only`);
    if (items.length === 0) return { added: 0, skipped: 0, events: 0 };
    const prepared = prepareArticles(items);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.addOnce(prepared);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= 8) {
          throw new DyadError('DYAD_E051', `could not write a batch of ${items.length} articles to ${this.path}: ${errorMessage(e)}`);
        }
        await new Promise((r) => setTimeout(r, Math.random() * 50 * attempt));
      }
    }
  }

  /** One transaction: the articles this batch is first to store, then their rows and merged events. */
  private async addOnce(prepared: PreparedArticle[]): Promise<AddResult> {
    const client = await this.pool.connect();
    try {
      const stored = await client.query<{ id: string; content_hash: string }>(
        `SELECT id, content_hash FROM articles WHERE id = ANY($1) OR content_hash = ANY($2)`,
        [prepared.map((p) => p.id), prepared.map((p) => p.contentHash)],
      );
      const seen = new Set(stored.rows.flatMap((r) => [r.id, r.content_hash]));
      const fresh = freshArticles(prepared, seen);
      if (fresh.length === 0) return { added: 0, skipped: prepared.length, events: 0 };
      const now = new Date();
      const ord = { n: 0 };
      const rows = new Map(fresh.map((p) => [p.id, articleRows(p, this.windowDays, now, ord)]));
      await client.query('BEGIN');
      try {
        // Another writer may have stored some of them since: only the ones inserted here count.
        const ins = await client.query<{ id: string }>(
          `INSERT INTO articles SELECT * FROM json_populate_recordset(NULL::articles, $1) ORDER BY id
           ON CONFLICT DO NOTHING RETURNING id`,
          [asJson(COLUMNS.articles, fresh.map((p) => rows.get(p.id)!.article))],
        );
        const kept = new Set(ins.rows.map((r) => r.id));
        const mine = fresh.filter((p) => kept.has(p.id)).map((p) => rows.get(p.id)!);
        await this.writeRows(client, mine);
        await client.query('COMMIT');
        const added = fresh.filter((p) => kept.has(p.id));
        return { added: added.length, skipped: prepared.length - added.length, events: added.reduce((n, p) => n + p.doc.events.length, 0) };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    } finally {
      client.release();
    }
  }

  /** Mentions, quotes, actors and the merged events of the articles this batch inserted, in key order. */
  private async writeRows(client: pg.PoolClient, mine: ReturnType<typeof articleRows>[]): Promise<void> {
    if (mine.length === 0) return;
    const json = (sql: string, v: string) => client.query(sql, [v]);
    await json(`INSERT INTO mentions SELECT * FROM json_populate_recordset(NULL::mentions, $1)`, asJson(COLUMNS.mentions, mine.flatMap((r) => r.mentions)));
    const quotes = mine.flatMap((r) => r.quotes);
    if (quotes.length > 0) await json(`INSERT INTO quotes SELECT * FROM json_populate_recordset(NULL::quotes, $1)`, asJson(COLUMNS.quotes, quotes));
    const { events, outlets } = mergeStage(mine.flatMap((r) => r.stage));
    const fresh = await client.query<{ event_id: string }>(
      `INSERT INTO event_outlets SELECT * FROM json_populate_recordset(NULL::event_outlets, $1) ORDER BY event_id, outlet
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [JSON.stringify(outlets)],
    );
    const sources = new Map<string, number>();
    for (const r of fresh.rows) sources.set(r.event_id, (sources.get(r.event_id) ?? 0) + 1);
    for (const e of events) e['num_sources'] = sources.get(String(e['id'])) ?? 0;
    await json(
      `INSERT INTO events SELECT * FROM json_populate_recordset(NULL::events, $1) ORDER BY id
       ON CONFLICT (id) DO UPDATE SET
         num_mentions = events.num_mentions + EXCLUDED.num_mentions,
         num_articles = events.num_articles + EXCLUDED.num_articles,
         num_sources = events.num_sources + EXCLUDED.num_sources`,
      JSON.stringify(events),
    );
    await json(
      `INSERT INTO actors SELECT DISTINCT ON (code) * FROM json_populate_recordset(NULL::actors, $1) ORDER BY code
       ON CONFLICT DO NOTHING`,
      asJson(COLUMNS.actors, mine.flatMap((r) => r.actors)),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

function toParam(p: unknown): unknown {
  if (p === undefined) return null;
  if (p instanceof Date) return p.toISOString();
  if (p !== null && typeof p === 'object' && !Array.isArray(p)) return JSON.stringify(p);
  return p;
}

export interface OpenPgOptions {
  url: string;
  readOnly?: boolean;
  windowDays?: number;
  /** Connections in the pool (default 4). */
  poolSize?: number;
}

/** Open (creating the schema and migrating when needed) the event store in PostgreSQL. */
export async function openPgStore(opts: OpenPgOptions): Promise<PgStore> {
  const t = pgTarget(opts.url);
  const readOnly = opts.readOnly ?? false;
  const pool = pgPool(t, { max: opts.poolSize ?? 4, readOnly });
  try {
    const client = await pool.connect().catch((e: unknown) => {
      throw pgError(t, e, 'could not connect');
    });
    try {
      if (readOnly) {
        const r = await client.query(`SELECT to_regclass('events') IS NOT NULL AS ok`);
        if (!r.rows[0]?.ok) throw new DyadError('DYAD_E001', `no event store at ${t.label} (run \`dyad ingest --db …\` or \`dyad migrate\` first)`);
        const w = await client.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'window_days'`);
        return new PgStore(pool, t.label, Number(w.rows[0]?.value ?? 1), true, t);
      }
      await migrate(client, t.schema);
      const windowDays = await settleWindow(
        async () => (await client.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'window_days'`)).rows[0]?.value,
        async (w) => void (await client.query(`INSERT INTO settings VALUES ('window_days', $1) ON CONFLICT DO NOTHING`, [String(w)])),
        t.label,
        opts.windowDays,
      );
      return new PgStore(pool, t.label, windowDays, false, t);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e instanceof DyadError ? e : pgError(t, e, 'could not open the event store');
  }
}
