/**
 * The event store's schema in PostgreSQL's dialect: the same tables and columns as schema.ts (a
 * contract), the same migration numbers, so `schema_migrations` reads the same on both backends.
 * Keys and indexes differ where the engines do: PostgreSQL keeps indexes on disk, so it keeps the
 * unique content hash and the hash and URL indexes that DuckDB's migration 4 dropped to save memory.
 */
import type { Migration } from './schema.js';

/**
 * DuckDB functions the shared queries use that PostgreSQL 15 lacks, defined in the store's schema
 * (arg_min/arg_max are rewritten by pgDialect instead: an aggregate over two polymorphic types
 * cannot be declared in SQL).
 */
const COMPAT = [
  `CREATE OR REPLACE FUNCTION dyad_keep_first(anyelement, anyelement) RETURNS anyelement
     LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1'`,
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE p.proname = 'any_value' AND n.nspname IN (current_schema(), 'pg_catalog')) THEN
       CREATE AGGREGATE any_value(anyelement) (SFUNC = dyad_keep_first, STYPE = anyelement, PARALLEL = SAFE);
     END IF;
   END $$`,
  `CREATE OR REPLACE FUNCTION round(double precision, integer) RETURNS double precision
     LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT round($1::numeric, $2)::double precision'`,
];

export const PG_MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, events (merged across articles), mentions, actors, quotes, failures; DuckDB-compatible functions',
    sql: [
      ...COMPAT,
      `CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, url VARCHAR, canonical_url VARCHAR, outlet VARCHAR, title VARCHAR, date DATE,
        language VARCHAR, content_hash VARCHAR UNIQUE, text VARCHAR, doc_json VARCHAR, num_events INTEGER,
        ingested_at TIMESTAMP, source VARCHAR, raw_hash VARCHAR)`,
      `CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY, date DATE,
        source_code VARCHAR, source_country VARCHAR, source_role VARCHAR, source_name VARCHAR,
        target_code VARCHAR, target_country VARCHAR, target_role VARCHAR, target_name VARCHAR,
        cameo VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE PRECISION,
        plover_event VARCHAR, plover_mode VARCHAR, location_name VARCHAR, lat DOUBLE PRECISION,
        lon DOUBLE PRECISION, location_country VARCHAR, num_mentions INTEGER, num_sources INTEGER,
        num_articles INTEGER, first_seen TIMESTAMP, source_url VARCHAR)`,
      `CREATE TABLE IF NOT EXISTS mentions (
        event_id VARCHAR, article_id VARCHAR, article_event_id VARCHAR, sentence INTEGER, evidence_start INTEGER,
        evidence_end INTEGER, evidence_text VARCHAR, rule VARCHAR, source_text VARCHAR, target_text VARCHAR,
        outlet VARCHAR, article_date DATE)`,
      `CREATE TABLE IF NOT EXISTS actors (code VARCHAR PRIMARY KEY, country VARCHAR, role VARCHAR, name VARCHAR)`,
      `CREATE TABLE IF NOT EXISTS quotes (
        article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, speaker_code VARCHAR, speaker_name VARCHAR)`,
      `CREATE TABLE IF NOT EXISTS failures (source VARCHAR, reason VARCHAR, "at" TIMESTAMP)`,
      `CREATE INDEX IF NOT EXISTS mentions_article_idx ON mentions (article_id)`,
      `CREATE INDEX IF NOT EXISTS mentions_event_idx ON mentions (event_id)`,
      `CREATE INDEX IF NOT EXISTS articles_raw_idx ON articles (raw_hash)`,
      `CREATE INDEX IF NOT EXISTS articles_url_idx ON articles (url)`,
      `CREATE INDEX IF NOT EXISTS failures_source_idx ON failures (source)`,
    ],
  },
  {
    version: 2,
    description: 'settings of the store (the merge window, fixed when the store is created)',
    sql: [`CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR)`],
  },
  {
    version: 3,
    description: 'event_outlets: which outlets reported each merged event (NumSources updated by key)',
    sql: [
      `CREATE TABLE IF NOT EXISTS event_outlets (event_id VARCHAR, outlet VARCHAR, PRIMARY KEY (event_id, outlet))`,
      `INSERT INTO event_outlets SELECT DISTINCT event_id, coalesce(outlet, article_id) FROM mentions ON CONFLICT DO NOTHING`,
    ],
  },
  {
    version: 4,
    description: 'DuckDB dropped in-memory indexes here; PostgreSQL keeps its indexes on disk (nothing to do)',
    sql: [],
  },
];

/** Rewrite DuckDB's arg_min(v, k) / arg_max(v, k) (the only shared-query functions PostgreSQL has no twin for). */
export function pgDialect(sql: string): string {
  const re = /\barg_(min|max)\s*\(/gi;
  let out = '';
  let last = 0;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    const open = m.index + m[0].length;
    const args = splitArgs(sql, open);
    if (!args || args.parts.length !== 2) continue;
    const [v, k] = args.parts.map((x) => pgDialect(x.trim())) as [string, string];
    const dir = m[1]!.toLowerCase() === 'min' ? 'ASC' : 'DESC';
    out += sql.slice(last, m.index) + `(array_agg(${v} ORDER BY ${k} ${dir}) FILTER (WHERE (${k}) IS NOT NULL))[1]`;
    last = args.end + 1;
    re.lastIndex = last;
  }
  return out + sql.slice(last);
}

/** The top-level comma-separated arguments from `open` to the matching ')' (quotes respected). */
function splitArgs(sql: string, open: number): { parts: string[]; end: number } | null {
  const parts: string[] = [];
  let depth = 0;
  let start = open;
  for (let i = open; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const close = sql.indexOf(c, i + 1);
      if (close < 0) return null;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        parts.push(sql.slice(start, i));
        return { parts, end: i };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      parts.push(sql.slice(start, i));
      start = i + 1;
    }
  }
  return null;
}
