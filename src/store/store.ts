/**
 * The event store's interface, shared by its backends: an embedded DuckDB file (index.ts, the
 * default) and a PostgreSQL database (pg.ts, for many writers on many hosts). Same logical schema,
 * same queries, same plain-JS values.
 */
import type { CodedDocument } from '../model/contract.js';

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
