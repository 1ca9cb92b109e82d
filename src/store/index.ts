/**
 * The event store: one interface (`Store`) over an embedded DuckDB file.
 *
 * Articles are written in batches through DuckDB's appender, one transaction per batch, so a killed
 * ingest loses at most the batch in flight and a re-run skips what is stored. Events are merged
 * across articles: every coded event maps to the merged event keyed by (date bucket, source code,
 * target code, CAMEO code); `mentions` keeps one row per (merged event, article, article event).
 */
import { createHash } from 'node:crypto';
import { codeLabel } from '../actors/labels.js';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import {
  DuckDBInstance,
  DuckDBDateValue,
  DuckDBTimestampValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimeValue,
  DuckDBTimestampTZValue,
  DuckDBIntervalValue,
  DuckDBUUIDValue,
  DuckDBBlobValue,
  DuckDBMapValue,
  DuckDBArrayValue,
} from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBAppender, DuckDBValue } from '@duckdb/node-api';
import type { CodedDocument } from '../model/contract.js';
import { DyadError, errorMessage } from '../model/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export { MIGRATIONS, SCHEMA_VERSION };

/** Where an article came from; everything optional (the coded document fills the gaps). */
export interface ArticleInput {
  url?: string | null;
  canonicalUrl?: string | null;
  outlet?: string | null;
  title?: string | null;
  date?: string | null;
  language?: string | null;
  /** The file, URL or feed item it was read from (for messages). */
  source?: string | null;
  /** sha256 of the raw input as read (bytes or text plus metadata): lets a re-run skip it before coding. */
  rawHash?: string | null;
}

export interface AddResult {
  added: number;
  skipped: number;
  /** Coded events in the added articles. */
  events: number;
}

export interface Store {
  /** Parameterised read query ($1, $2 …); values come back as plain JS (numbers, 'YYYY-MM-DD' dates). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Like `query`, but yields rows in chunks without materialising the whole result. */
  stream<T = Record<string, unknown>>(sql: string, params?: unknown[]): AsyncGenerator<T[]>;
  /**
   * Run a read query as one streamed DuckDB result and hand its rows to `onRows` a chunk (~2,048
   * rows) at a time: one pass, memory bounded by a chunk, whatever the size of the result. The
   * store's connection is held until the last chunk is handled.
   */
  scan<T = Record<string, unknown>>(sql: string, params: unknown[], onRows: (rows: T[]) => Promise<void> | void): Promise<void>;
  /** Run a statement (DDL, COPY …) that returns nothing useful. */
  exec(sql: string, params?: unknown[]): Promise<void>;
  /** One transaction per call; idempotent by article id and content hash; merges events. */
  addArticles(items: Array<{ article: ArticleInput; doc: CodedDocument }>): Promise<AddResult>;
  /** True when an article with this id, content hash, URL or canonical URL is stored. */
  hasArticle(idOrHash: string): Promise<boolean>;
  /** True when an input with this raw hash, or an article at this URL, is stored (cheap, before coding). */
  seen(rawHash: string | null, url: string | null): Promise<boolean>;
  /** `seen` for many inputs in one round trip. */
  seenMany(keys: Array<{ rawHash: string | null; url: string | null }>): Promise<boolean[]>;
  addFailure(source: string, reason: string): Promise<void>;
  close(): Promise<void>;
  readonly path: string;
  readonly windowDays: number;
}

export interface OpenStoreOptions {
  /** Database file (default ./dyad.duckdb); ':memory:' for a throwaway store. */
  path?: string;
  readOnly?: boolean;
  /** Width of the date bucket that merges events across articles (default 1 day). */
  windowDays?: number;
  /**
   * Memory DuckDB may use for writing, in MB, on top of its unique-key indexes (which must stay in
   * memory and grow with the store). Default 100; 0 = DuckDB's own default (80 % of RAM).
   */
  memoryBudgetMB?: number;
  /** Articles between two explicit checkpoints (default CHECKPOINT_EVERY). */
  checkpointEvery?: number;
}

export const DEFAULT_DB = 'dyad.duckdb';

/** Rows per row group when writing (DuckDB's default is 122,880; see openStore). */
export const ROW_GROUP_SIZE = 8192;

/** Default write budget in MB (see OpenStoreOptions.memoryBudgetMB). */
export const DEFAULT_MEMORY_BUDGET_MB = 100;

/** Articles written between two explicit checkpoints. */
export const CHECKPOINT_EVERY = 2000;

/**
 * Index memory per stored article, for sizing the memory limit while DuckDB has not loaded a
 * store's indexes (it loads them lazily, and unloads them at a checkpoint): with the keys of schema
 * version 4 (articles, events, event_outlets, actors, mentions(article_id)) the loaded indexes
 * measured 2-5 MB from 1,000 to 19,000 articles, well under this allowance. A store that needs more
 * gets it from the out-of-memory retry in addArticles.
 */
const INDEX_BYTES_PER_ARTICLE = 400;

export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** A URL normalised for identity: no fragment, no tracking parameters, lower-case host. */
export function normaliseUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(k)) u.searchParams.delete(k);
    }
    let s = u.toString();
    if (s.endsWith('/') && u.pathname !== '/') s = s.slice(0, -1);
    return s;
  } catch {
    return url.trim();
  }
}

/** Article id: the first 16 hex digits of sha256(canonical URL), or of the content hash when there is no URL. */
export function articleId(url: string | null | undefined, contentHash: string): string {
  if (url) return sha256(normaliseUrl(url)).slice(0, 16);
  return contentHash.slice(0, 16);
}

const DAY_MS = 86_400_000;

function epochDays(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

/**
 * The merged event id: a stable hash of (date bucket, source code, target code, CAMEO code).
 * Undated events never merge across articles (their bucket names the article).
 */
export function mergedEventId(
  date: string | null,
  sourceCode: string | null,
  targetCode: string | null,
  cameo: string,
  windowDays: number,
  articleIdForUndated: string,
): string {
  const days = date === null ? null : epochDays(date);
  const bucket = days === null ? `nodate:${articleIdForUndated}` : String(Math.floor(days / windowDays));
  return sha256(`${bucket}|${sourceCode ?? ''}|${targetCode ?? ''}|${cameo}`).slice(0, 16);
}

/** Convert a DuckDB value to plain JS: numbers not bigints, dates as 'YYYY-MM-DD', timestamps as ISO-like strings. */
export function toPlain(v: DuckDBValue | unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (typeof v !== 'object') return v;
  if (v instanceof DuckDBDateValue) return v.toString();
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return v.toString();
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue) return v.items.map(toPlain);
  if (v instanceof DuckDBStructValue) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v.entries)) o[k] = toPlain(x);
    return o;
  }
  if (v instanceof DuckDBMapValue) return v.entries.map((e) => ({ key: toPlain(e.key), value: toPlain(e.value) }));
  if (
    v instanceof DuckDBTimeValue ||
    v instanceof DuckDBIntervalValue ||
    v instanceof DuckDBUUIDValue ||
    v instanceof DuckDBBlobValue
  ) {
    return v.toString();
  }
  return String(v);
}

/** DuckDB rows as objects keyed by column name, values made plain (see toPlain). */
function plainRows<T>(names: string[], rows: DuckDBValue[][]): T[] {
  return rows.map((row) => {
    const o: Record<string, unknown> = {};
    names.forEach((n, i) => (o[n] = toPlain(row[i])));
    return o as T;
  });
}

/** A query's result streamed from DuckDB, one chunk (~2,048 rows) of plain rows at a time. */
async function* streamRows<T>(conn: DuckDBConnection, sql: string, params: unknown[]): AsyncGenerator<T[]> {
  const result = await conn.stream(sql, params.map(toParam));
  const names = result.columnNames();
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    yield plainRows<T>(names, chunk.getRows());
  }
}

function toParam(p: unknown): DuckDBValue {
  if (p === undefined || p === null) return null;
  if (typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean' || typeof p === 'bigint') return p;
  if (p instanceof Date) return p.toISOString();
  return JSON.stringify(p);
}

/** A column value for the appender. */
type Cell =
  | { t: 'v'; v: string | null | undefined }
  | { t: 'i'; v: number | null | undefined }
  | { t: 'd'; v: number | null | undefined }
  | { t: 'date'; v: string | null | undefined }
  | { t: 'ts'; v: Date };

const V = (v: string | null | undefined): Cell => ({ t: 'v', v });
const I = (v: number | null | undefined): Cell => ({ t: 'i', v });
const D = (v: number | null | undefined): Cell => ({ t: 'd', v });
const DT = (v: string | null | undefined): Cell => ({ t: 'date', v });
const TS = (v: Date): Cell => ({ t: 'ts', v });

function appendRow(app: DuckDBAppender, cells: Cell[]): void {
  for (const c of cells) {
    if (c.t === 'ts') {
      app.appendTimestamp(new DuckDBTimestampValue(BigInt(c.v.getTime()) * 1000n));
      continue;
    }
    if (c.v === null || c.v === undefined) {
      app.appendNull();
      continue;
    }
    switch (c.t) {
      case 'v':
        app.appendVarchar(c.v);
        break;
      case 'i':
        if (Number.isFinite(c.v)) app.appendInteger(Math.trunc(c.v));
        else app.appendNull();
        break;
      case 'd':
        if (Number.isFinite(c.v)) app.appendDouble(c.v);
        else app.appendNull();
        break;
      case 'date': {
        const days = epochDays(c.v);
        if (days === null) app.appendNull();
        else app.appendDate(new DuckDBDateValue(days));
        break;
      }
    }
  }
  app.endRow();
}

function validDate(d: string | null | undefined): string | null {
  if (!d) return null;
  return epochDays(d) === null ? null : d.slice(0, 10);
}

const STAGE_COLUMNS = `
  id VARCHAR, date DATE,
  source_code VARCHAR, source_country VARCHAR, source_role VARCHAR, source_name VARCHAR,
  target_code VARCHAR, target_country VARCHAR, target_role VARCHAR, target_name VARCHAR,
  cameo VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE, plover_event VARCHAR, plover_mode VARCHAR,
  location_name VARCHAR, lat DOUBLE, lon DOUBLE, location_country VARCHAR,
  num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, first_seen TIMESTAMP, source_url VARCHAR,
  ord INTEGER, article_id VARCHAR, outlet VARCHAR`;

class DuckStore implements Store {
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;
  private sinceCheckpoint = 0;
  /** Extra MB granted after an out-of-memory failure (see addArticles). */
  private extraMB = 0;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly path: string,
    readonly windowDays: number,
    private readonly readOnly: boolean,
    private readonly budgetMB: number,
    private readonly checkpointEvery: number,
    /** The attached database the connection USEs (the writer), or null. */
    private readonly database: string | null,
  ) {}

  /**
   * Bound DuckDB's memory by the write budget plus what the store's indexes need. Without a limit
   * DuckDB keeps every written block cached and lets each checkpoint's buffers pile up, so the
   * writer's memory grew with the store; the indexes cannot be evicted, so the limit follows them.
   */
  async fitMemory(): Promise<void> {
    if (this.readOnly || this.budgetMB <= 0) return;
    const r = await this.conn.runAndReadAll(`
      SELECT (SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'ART_INDEX')::DOUBLE,
             (SELECT count(*) FROM articles)::DOUBLE`);
    const row = r.getRows()[0] ?? [0, 0];
    const index = Math.max(Number(row[0]), Number(row[1]) * INDEX_BYTES_PER_ARTICLE);
    const mb = Math.ceil(this.budgetMB + this.extraMB + index / 1e6);
    await this.conn.run(`SET memory_limit = '${mb}MB'`);
  }

  /** Serialise every use of the one connection (transactions must not interleave). */
  private lock<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.lock(async () => {
      const reader = await this.conn.runAndReadAll(sql, params.map(toParam));
      const names = reader.columnNames();
      return plainRows<T>(names, reader.getRows());
    });
  }

  async *stream<T = Record<string, unknown>>(sql: string, params: unknown[] = []): AsyncGenerator<T[]> {
    // One streamed result on a connection of its own: a single pass over the data, and the store's
    // connection stays free for the caller between chunks (reads see what is committed).
    const conn = await this.instance.connect();
    try {
      if (this.database) await conn.run(`USE ${this.database}`);
      yield* streamRows<T>(conn, sql, params);
    } finally {
      conn.closeSync();
    }
  }

  scan<T = Record<string, unknown>>(sql: string, params: unknown[], onRows: (rows: T[]) => Promise<void> | void): Promise<void> {
    return this.lock(async () => {
      for await (const rows of streamRows<T>(this.conn, sql, params)) await onRows(rows);
    });
  }

  exec(sql: string, params: unknown[] = []): Promise<void> {
    return this.lock(async () => {
      await this.conn.run(sql, params.map(toParam));
    });
  }

  hasArticle(idOrHash: string): Promise<boolean> {
    return this.query<{ n: number }>(
      `SELECT count(*) AS n FROM articles WHERE id = $1 OR content_hash = $1 OR url = $1 OR canonical_url = $1`,
      [idOrHash],
    ).then((r) => (r[0]?.n ?? 0) > 0);
  }

  async seen(rawHash: string | null, url: string | null): Promise<boolean> {
    if (rawHash) {
      const r = await this.query<{ n: number }>('SELECT count(*) AS n FROM articles WHERE raw_hash = $1', [rawHash]);
      if ((r[0]?.n ?? 0) > 0) return true;
    }
    if (url) {
      const r = await this.query<{ n: number }>('SELECT count(*) AS n FROM articles WHERE url = $1', [url]);
      if ((r[0]?.n ?? 0) > 0) return true;
      const id = articleId(url, '');
      const r2 = await this.query<{ n: number }>('SELECT count(*) AS n FROM articles WHERE id = $1', [id]);
      if ((r2[0]?.n ?? 0) > 0) return true;
    }
    return false;
  }

  seenMany(keys: Array<{ rawHash: string | null; url: string | null }>): Promise<boolean[]> {
    if (keys.length === 0) return Promise.resolve([]);
    if (this.readOnly) return Promise.all(keys.map((k) => this.seen(k.rawHash, k.url)));
    return this.lock(async () => {
      const app = await this.conn.createAppender('stage_keys');
      for (const k of keys) appendRow(app, [V(k.url ? articleId(k.url, '') : null), V(null), V(k.rawHash), V(k.url)]);
      app.closeSync();
      try {
        const r = await this.conn.runAndReadAll(`
          SELECT 'r' AS k, raw_hash AS v FROM articles WHERE raw_hash IN (SELECT raw_hash FROM stage_keys)
          UNION ALL SELECT 'u', url FROM articles WHERE url IN (SELECT url FROM stage_keys)
          UNION ALL SELECT 'i', id FROM articles WHERE id IN (SELECT id FROM stage_keys)`);
        const hit = new Set(r.getRows().map((row) => `${String(row[0])}:${String(row[1])}`));
        return keys.map(
          (k) =>
            (k.rawHash !== null && hit.has(`r:${k.rawHash}`)) ||
            (k.url !== null && (hit.has(`u:${k.url}`) || hit.has(`i:${articleId(k.url, '')}`))),
        );
      } finally {
        await this.conn.run('DELETE FROM stage_keys');
      }
    });
  }

  addFailure(source: string, reason: string): Promise<void> {
    if (this.readOnly) return Promise.resolve();
    return this.exec(`INSERT INTO failures VALUES ($1, $2, now()::TIMESTAMP)`, [source, reason.slice(0, 2000)]);
  }

  addArticles(
    items: Array<{ article: ArticleInput; doc: CodedDocument }>,
  ): Promise<AddResult> {
    if (this.readOnly) throw new DyadError('DYAD_E011', `store ${this.path} is open read-only`);
    return this.lock(async () => {
      try {
        return await this.addLocked(items);
      } catch (e) {
        // The batch was rolled back: give DuckDB more room and write it again, once.
        if (this.budgetMB <= 0 || !/out of memory|(failed|could not) (to )?allocate/i.test(errorMessage(e))) throw e;
        this.extraMB += Math.max(this.budgetMB, 100);
        await this.fitMemory();
        return this.addLocked(items);
      }
    });
  }

  private async addLocked(
    items: Array<{ article: ArticleInput; doc: CodedDocument }>,
  ): Promise<AddResult> {
    if (items.length === 0) return { added: 0, skipped: 0, events: 0 };
    const prepared = items.map(({ article, doc }) => {
      const text = doc.document.text;
      const contentHash = sha256(text);
      const url = article.url ?? doc.document.url ?? null;
      const canonical = article.canonicalUrl ?? null;
      const id = articleId(canonical ?? url, contentHash);
      return { article, doc, contentHash, url, canonical, id };
    });
    // What is already stored (by id or content hash), and duplicates inside the batch.
    const ids = prepared.map((p) => p.id);
    const hashes = prepared.map((p) => p.contentHash);
    const keys = await this.conn.createAppender('stage_keys');
    for (let i = 0; i < ids.length; i++) appendRow(keys, [V(ids[i]), V(hashes[i]), V(null), V(null)]);
    keys.closeSync();
    const existing = await this.conn.runAndReadAll(
      `SELECT a.id, a.content_hash FROM articles a WHERE a.id IN (SELECT id FROM stage_keys)
       UNION ALL
       SELECT a.id, a.content_hash FROM articles a WHERE a.content_hash IN (SELECT content_hash FROM stage_keys)`,
    );
    await this.conn.run('DELETE FROM stage_keys');
    const seen = new Set<string>();
    for (const row of existing.getRows()) {
      seen.add(String(row[0]));
      seen.add(String(row[1]));
    }
    const fresh = prepared.filter((p) => {
      if (seen.has(p.id) || seen.has(p.contentHash)) return false;
      seen.add(p.id);
      seen.add(p.contentHash);
      return true;
    });
    if (fresh.length === 0) return { added: 0, skipped: items.length, events: 0 };

    const now = new Date();
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const arts = await this.conn.createAppender('articles');
      const ments = await this.conn.createAppender('mentions');
      const quotes = await this.conn.createAppender('quotes');
      const stage = await this.conn.createAppender('stage_events');
      const actors = await this.conn.createAppender('stage_actors');
      let ord = 0;
      for (const p of fresh) {
        const { doc, article } = p;
        const date = validDate(article.date ?? doc.document.date);
        const outlet = article.outlet ?? doc.document.outlet ?? null;
        appendRow(arts, [
          V(p.id), V(p.url), V(p.canonical), V(outlet), V(article.title ?? doc.document.title), DT(date),
          V(article.language ?? doc.document.language), V(p.contentHash), V(doc.document.text), V(JSON.stringify(doc)),
          I(doc.events.length), TS(now), V(article.source ?? null), V(article.rawHash ?? null),
        ]);
        const usedKeys = new Set<string>();
        for (const ev of doc.events) {
          const evDate = validDate(ev.date) ?? date;
          const src = ev.source;
          const tgt = ev.target;
          const mid = mergedEventId(evDate, src?.code ?? null, tgt?.code ?? null, ev.cameo, this.windowDays, p.id);
          const key = `${mid}|${ev.id}`;
          if (usedKeys.has(key)) continue;
          usedKeys.add(key);
          const loc = ev.location ?? null;
          appendRow(stage, [
            V(mid), DT(evDate),
            V(src?.code), V(src?.country), V(src?.role), V(src?.name),
            V(tgt?.code), V(tgt?.country), V(tgt?.role), V(tgt?.name),
            V(ev.cameo), V(ev.root), I(ev.quadClass), D(ev.goldstein), V(ev.plover?.event), V(ev.plover?.mode),
            V(loc?.name), D(loc?.lat), D(loc?.lon), V(loc?.country),
            I(0), I(0), I(0), TS(now), V(p.url ?? p.canonical),
            I(ord++), V(p.id), V(outlet ?? p.id),
          ]);
          appendRow(ments, [
            V(mid), V(p.id), V(ev.id), I(ev.sentence), I(ev.evidence.start), I(ev.evidence.end), V(ev.evidence.text),
            V(ev.rule ?? null), V(src?.text), V(tgt?.text), V(outlet), DT(date),
          ]);
          for (const a of [src, tgt]) {
            if (a?.code) appendRow(actors, [V(a.code), V(a.country), V(a.role), V(codeLabel(a.code) ?? a.name)]);
          }
        }
        for (const e of doc.entities) {
          if (e.code && e.type !== 'place') appendRow(actors, [V(e.code), V(e.country), V(e.role), V(codeLabel(e.code) ?? e.name)]);
        }
        for (const q of doc.quotes) {
          appendRow(quotes, [V(p.id), I(q.start), I(q.end), V(q.text), V(q.speaker?.code), V(q.speaker?.name)]);
        }
      }
      for (const a of [arts, ments, quotes, stage, actors]) a.closeSync();
      // Merging works by key, never by rescanning the store, so a batch costs the same at 5,000 or
      // 5 million stored articles: (1) the batch's (event, outlet) pairs go into event_outlets and
      // the ones it did not hold yet are the event's new sources; (2) every merged event of the
      // batch is upserted: a new one takes its first report's fields and the batch's counts, a stored
      // one adds the batch's mentions, articles (always new: articles are deduplicated above) and
      // new sources to its counts.
      const newOutlets = await this.conn.runAndReadAll(`
        INSERT INTO event_outlets SELECT DISTINCT id, outlet FROM stage_events
        ON CONFLICT DO NOTHING RETURNING event_id`);
      const sources = new Map<string, number>();
      for (const row of newOutlets.getRows()) {
        const id = String(row[0]);
        sources.set(id, (sources.get(id) ?? 0) + 1);
      }
      const counts = await this.conn.createAppender('stage_counts');
      for (const [id, s] of sources) appendRow(counts, [V(id), I(s)]);
      counts.closeSync();
      await this.conn.run(`
        INSERT INTO events
        WITH x AS (SELECT id, article_id, count(*) AS n FROM stage_events GROUP BY id, article_id),
             c AS (SELECT id AS cid, sum(n)::INTEGER AS m, count(*)::INTEGER AS a FROM x GROUP BY id)
        SELECT f.* EXCLUDE (ord, article_id, outlet)
          REPLACE (c.m AS num_mentions, coalesce(o.s, 0)::INTEGER AS num_sources, c.a AS num_articles)
        FROM (SELECT * FROM stage_events QUALIFY row_number() OVER (PARTITION BY id ORDER BY ord) = 1) f
        JOIN c ON c.cid = f.id
        LEFT JOIN stage_counts o ON o.event_id = f.id
        ON CONFLICT (id) DO UPDATE SET
          num_mentions = events.num_mentions + EXCLUDED.num_mentions,
          num_articles = events.num_articles + EXCLUDED.num_articles,
          num_sources = events.num_sources + EXCLUDED.num_sources`);
      await this.conn.run('DELETE FROM stage_counts');
      await this.conn.run(`
        INSERT INTO actors
        SELECT code, any_value(country), any_value(role), any_value(name) FROM stage_actors GROUP BY code
        ON CONFLICT DO NOTHING`);
      await this.conn.run('DELETE FROM stage_events');
      await this.conn.run('DELETE FROM stage_actors');
      await this.conn.run('COMMIT');
    } catch (e) {
      await this.conn.run('ROLLBACK').catch(() => undefined);
      throw new DyadError('DYAD_E011', `could not write a batch of ${fresh.length} articles to ${this.path}: ${errorMessage(e)}`);
    }
    // Checkpoint on a fixed cadence (as well as DuckDB's own WAL threshold), so that what is not
    // yet checkpointed, and each checkpoint's work, stay the same size however large the store.
    this.sinceCheckpoint += fresh.length;
    if (this.sinceCheckpoint >= this.checkpointEvery) {
      this.sinceCheckpoint = 0;
      try {
        await this.conn.run('CHECKPOINT');
        await this.fitMemory();
      } catch {
        // The batch is committed; DuckDB checkpoints again at its own threshold or on close.
      }
    }
    return { added: fresh.length, skipped: items.length - fresh.length, events: fresh.reduce((n, p) => n + p.doc.events.length, 0) };
  }

  close(): Promise<void> {
    return this.lock(async () => {
      if (this.closed) return;
      this.closed = true;
      if (!this.readOnly) await this.conn.run('CHECKPOINT').catch(() => undefined);
      this.conn.closeSync();
      this.instance.closeSync();
    });
  }
}

async function migrate(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER, applied_at TIMESTAMP)`);
  const r = await conn.runAndReadAll(`SELECT coalesce(max(version), 0) AS v FROM schema_migrations`);
  const current = Number(r.getRows()[0]?.[0] ?? 0);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    await conn.run('BEGIN TRANSACTION');
    try {
      for (const s of m.sql) await conn.run(s);
      await conn.run(`INSERT INTO schema_migrations VALUES (${m.version}, now()::TIMESTAMP)`);
      await conn.run('COMMIT');
    } catch (e) {
      await conn.run('ROLLBACK').catch(() => undefined);
      throw new DyadError('DYAD_E011', `schema migration ${m.version} failed: ${errorMessage(e)}`);
    }
  }
}

/**
 * The merge window is part of the merged event ids, so it is fixed when a store is created: later
 * opens use the stored value, and asking for another one is an error.
 */
async function settleWindow(conn: DuckDBConnection, path: string, requested: number | undefined): Promise<number> {
  const r = await conn.runAndReadAll(`SELECT value FROM settings WHERE key = 'window_days'`);
  const stored = r.getRows()[0]?.[0];
  if (stored === undefined || stored === null) {
    const w = Math.max(1, Math.floor(requested ?? 1));
    await conn.run(`INSERT INTO settings VALUES ('window_days', $1)`, [String(w)]);
    return w;
  }
  const w = Number(stored);
  if (requested !== undefined && Math.floor(requested) !== w) {
    throw new DyadError(
      'DYAD_E005',
      `${path} merges events in ${w}-day windows; it cannot be changed to ${requested} (use a new --db)`,
    );
  }
  return w;
}

/** Open (creating and migrating when needed) the DuckDB event store. */
export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const path = opts.path ?? DEFAULT_DB;
  const readOnly = opts.readOnly ?? false;
  let windowDays = Math.max(1, Math.floor(opts.windowDays ?? 1));
  const memory = path === ':memory:';
  if (readOnly && !memory && !existsSync(path)) {
    throw new DyadError('DYAD_E001', `no event store at ${path} (run \`dyad ingest\` or \`dyad demo\` first)`);
  }
  if (!memory && !readOnly) mkdirSync(dirname(resolve(path)), { recursive: true });
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  try {
    if (readOnly || memory) {
      instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
      conn = await instance.connect();
    } else {
      // The writer attaches the file with small row groups. DuckDB rewrites a table's last,
      // partly filled row group at every checkpoint; with its default of 122,880 rows that is the
      // whole table until it holds 122,880 articles, so each checkpoint of a growing store took
      // more time and memory than the one before. Row groups of ROW_GROUP_SIZE rows bound that
      // work. (Not a file format change: plain opens read the file as usual.)
      instance = await DuckDBInstance.create(':memory:');
      conn = await instance.connect();
      try {
        await conn.run(`ATTACH '${path.replaceAll("'", "''")}' AS dyad (ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
        await conn.run('USE dyad');
      } catch (e) {
        conn.closeSync();
        instance.closeSync();
        throw e;
      }
    }
  } catch (e) {
    const msg = errorMessage(e);
    if (readOnly && /not exist|No such file/i.test(msg)) {
      throw new DyadError('DYAD_E001', `no event store at ${path} (run \`dyad ingest\` or \`dyad demo\` first)`);
    }
    if (/Could not set lock|Conflicting lock/i.test(msg)) {
      const pid = /PID (\d+)/.exec(msg)?.[1];
      throw new DyadError(
        'DYAD_E011',
        `another Dyad process${pid ? ` (pid ${pid})` : ''} has the store ${path} open; stop it, or ingest and serve from one process with \`dyad watch FEEDS.txt --serve PORT\``,
      );
    }
    throw new DyadError('DYAD_E011', `could not open the event store ${path}: ${msg.split('\n')[0]}`);
  }
  try {
    if (!readOnly) {
      // The writer shares the machine with the coding workers: keep DuckDB to half the cores.
      await conn.run(`SET threads = ${Math.max(1, Math.floor(availableParallelism() / 2))}`);
      // DuckDB's own WAL-size trigger, as a backstop: the store checkpoints every CHECKPOINT_EVERY
      // articles itself (see addLocked), which keeps what is not yet checkpointed small.
      await conn.run(`SET checkpoint_threshold = '64MB'`);
      // Spill, when the memory limit asks for it, next to the store (DuckDB's default for a file).
      if (!memory) await conn.run(`SET temp_directory = '${(path + '.tmp').replaceAll("'", "''")}'`);
      await migrate(conn);
      windowDays = await settleWindow(conn, path, opts.windowDays);
      await conn.run(`CREATE TEMP TABLE IF NOT EXISTS stage_events (${STAGE_COLUMNS})`);
      await conn.run(`CREATE TEMP TABLE IF NOT EXISTS stage_counts (event_id VARCHAR, s INTEGER)`);
      await conn.run(
        `CREATE TEMP TABLE IF NOT EXISTS stage_keys (id VARCHAR, content_hash VARCHAR, raw_hash VARCHAR, url VARCHAR)`,
      );
      await conn.run(
        `CREATE TEMP TABLE IF NOT EXISTS stage_actors (code VARCHAR, country VARCHAR, role VARCHAR, name VARCHAR)`,
      );
    } else {
      const r = await conn.runAndReadAll(
        `SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'`,
      );
      if (Number(r.getRows()[0]?.[0] ?? 0) === 0) {
        throw new DyadError('DYAD_E011', `${path} is not a Dyad event store (no events table)`);
      }
    }
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    throw e;
  }
  const store = new DuckStore(
    instance,
    conn,
    path,
    windowDays,
    readOnly,
    // An in-memory store has nowhere to evict to: no limit there.
    memory ? 0 : Math.max(0, opts.memoryBudgetMB ?? DEFAULT_MEMORY_BUDGET_MB),
    Math.max(1, Math.floor(opts.checkpointEvery ?? CHECKPOINT_EVERY)),
    readOnly || memory ? null : 'dyad',
  );
  await store.fitMemory();
  return store;
}
