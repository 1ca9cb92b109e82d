/**
 * The event store's schema, as numbered migrations. Table and column names are a public contract
 * (the HTTP API and dashboard read them): add columns, tables or indexes in a new migration; never
 * rename or drop a table or column. Indexes and keys are not part of it (migration 4 drops some).
 */

export interface Migration {
  version: number;
  description: string;
  sql: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, events (merged across articles), mentions, actors, quotes, failures',
    sql: [
      `CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,
        url VARCHAR,
        canonical_url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        date DATE,
        language VARCHAR,
        content_hash VARCHAR,
        text VARCHAR,
        doc_json VARCHAR,
        num_events INTEGER,
        ingested_at TIMESTAMP,
        source VARCHAR,
        raw_hash VARCHAR
      )`,
      `CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY,
        date DATE,
        source_code VARCHAR,
        source_country VARCHAR,
        source_role VARCHAR,
        source_name VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        target_role VARCHAR,
        target_name VARCHAR,
        cameo VARCHAR,
        root VARCHAR,
        quad_class INTEGER,
        goldstein DOUBLE,
        plover_event VARCHAR,
        plover_mode VARCHAR,
        location_name VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        location_country VARCHAR,
        num_mentions INTEGER,
        num_sources INTEGER,
        num_articles INTEGER,
        first_seen TIMESTAMP,
        source_url VARCHAR
      )`,
      `CREATE TABLE IF NOT EXISTS mentions (
        event_id VARCHAR,
        article_id VARCHAR,
        article_event_id VARCHAR,
        sentence INTEGER,
        evidence_start INTEGER,
        evidence_end INTEGER,
        evidence_text VARCHAR,
        rule VARCHAR,
        source_text VARCHAR,
        target_text VARCHAR,
        outlet VARCHAR,
        article_date DATE,
        PRIMARY KEY (event_id, article_id, article_event_id)
      )`,
      `CREATE TABLE IF NOT EXISTS actors (
        code VARCHAR PRIMARY KEY,
        country VARCHAR,
        role VARCHAR,
        name VARCHAR
      )`,
      `CREATE TABLE IF NOT EXISTS quotes (
        article_id VARCHAR,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR,
        speaker_code VARCHAR,
        speaker_name VARCHAR
      )`,
      `CREATE TABLE IF NOT EXISTS failures (
        source VARCHAR,
        reason VARCHAR,
        "at" TIMESTAMP
      )`,
      `CREATE INDEX IF NOT EXISTS articles_hash_idx ON articles (content_hash)`,
      `CREATE INDEX IF NOT EXISTS mentions_article_idx ON mentions (article_id)`,
      `CREATE INDEX IF NOT EXISTS articles_raw_idx ON articles (raw_hash)`,
      `CREATE INDEX IF NOT EXISTS articles_url_idx ON articles (url)`,
    ],
  },
  {
    version: 2,
    description: 'settings of the store (the merge window, fixed when the store is created)',
    sql: [`CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR)`],
  },
  {
    version: 3,
    description:
      'event_outlets: which outlets reported each merged event, so a batch updates NumSources by key ' +
      'instead of recounting every mention (backfilled from mentions)',
    sql: [
      `CREATE TABLE IF NOT EXISTS event_outlets (
        event_id VARCHAR,
        outlet VARCHAR,
        PRIMARY KEY (event_id, outlet)
      )`,
      `INSERT INTO event_outlets
        SELECT DISTINCT event_id, coalesce(outlet, article_id) FROM mentions
        ON CONFLICT DO NOTHING`,
    ],
  },
  {
    version: 4,
    description:
      'keep only the indexes the writer uses: DuckDB holds every index in memory and they grew ~0.9 KB ' +
      'per article; the mentions key (articles are deduplicated before their mentions are written) and ' +
      'the hash and URL indexes on articles (lookups run as joins, which do not use them) made up 85 % of it',
    sql: [
      `DROP INDEX IF EXISTS articles_hash_idx`,
      `DROP INDEX IF EXISTS articles_raw_idx`,
      `DROP INDEX IF EXISTS articles_url_idx`,
      // DuckDB cannot drop a primary key: the table is rebuilt with the same columns, in order.
      `CREATE TABLE mentions_v4 AS SELECT * FROM mentions`,
      `DROP INDEX IF EXISTS mentions_article_idx`,
      `DROP TABLE mentions`,
      `ALTER TABLE mentions_v4 RENAME TO mentions`,
      `CREATE INDEX IF NOT EXISTS mentions_article_idx ON mentions (article_id)`,
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Column order of each table as written by the appender (must match the CREATE TABLE order). */
export const ARTICLE_COLUMNS = [
  'id', 'url', 'canonical_url', 'outlet', 'title', 'date', 'language', 'content_hash', 'text', 'doc_json',
  'num_events', 'ingested_at', 'source', 'raw_hash',
] as const;
