/**
 * The read side of the event store as the server sees it: parameterised SQL in, plain JS rows out.
 * The shared store (src/store) serialises every statement on one connection, which suits ingest; the
 * server instead opens the same file read-only with a small pool of connections so that the overview's
 * aggregations run in parallel. Same schema, same plain-JS values (counts are cast to INTEGER in SQL).
 *
 * Work per query is bounded: statements wait in one queue for the first free connection (a fast
 * query never waits behind a slow one while another connection is idle), the queue itself is bounded
 * (a full one answers 503 at once), each statement has a time limit after which DuckDB is
 * interrupted, and a result larger than MAX_ROWS is refused instead of being built in memory.
 */
import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { DyadError } from '../model/errors.js';
import { HttpError } from './params.js';
import { isPostgresUrl, openPgStore } from '../store/pg.js';

export interface ReadStore {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * A statement on a connection of its own, outside the pool's queue (the server's small status
   * queries, which must not wait behind the aggregations). Callers run one at a time.
   */
  meta?<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export interface PoolLimits {
  /** Read connections (default 3). */
  poolSize?: number;
  /** A statement running longer than this is interrupted and answered 503 (default 15 s). */
  queryTimeoutMs?: number;
  /** Statements waiting for a connection; more are refused with 503 (default 256). */
  maxQueued?: number;
}

/** The most rows one statement may return (every route has a smaller LIMIT; this is the backstop). */
export const MAX_ROWS = 20_000;
export const DEFAULT_QUERY_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_QUEUED = 256;

interface Waiting {
  run: (conn: DuckDBConnection) => Promise<void>;
  cancel: (e: Error) => void;
}

/** A pool of read-only connections sharing one bounded queue; each runs one statement at a time. */
class DuckReadStore implements ReadStore {
  private readonly free: DuckDBConnection[];
  private readonly queue: Waiting[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly conns: DuckDBConnection[],
    private readonly metaConn: DuckDBConnection,
    private readonly timeoutMs: number,
    private readonly maxQueued: number,
  ) {
    this.free = [...conns];
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(new HttpError(503, `the server is busy (${this.queue.length} queries waiting); try again shortly`));
    }
    return new Promise<T[]>((resolve, reject) => {
      this.queue.push({
        run: (conn) => runBounded<T>(conn, sql, params, this.timeoutMs).then(resolve, reject),
        cancel: reject,
      });
      this.pump();
    });
  }

  meta<T>(sql: string): Promise<T[]> {
    const p = runBounded<T>(this.metaConn, sql, [], this.timeoutMs);
    const done: Promise<void> = p.then(
      () => undefined,
      () => undefined,
    ).finally(() => this.running.delete(done));
    this.running.add(done); // close() waits for it
    return p;
  }

  private pump(): void {
    while (this.free.length && this.queue.length) {
      const conn = this.free.pop()!;
      const job = this.queue.shift()!;
      const done: Promise<void> = job.run(conn).finally(() => {
        this.running.delete(done);
        this.free.push(conn);
        this.pump();
      });
      this.running.add(done);
    }
  }

  async close(): Promise<void> {
    for (const w of this.queue.splice(0)) w.cancel(new HttpError(503, 'the server is shutting down'));
    await Promise.all(this.running);
    for (const c of [...this.conns, this.metaConn]) c.closeSync();
    this.instance.closeSync();
  }
}

/** One statement with a time limit (DuckDB is interrupted at the limit) and at most MAX_ROWS rows. */
async function runBounded<T>(conn: DuckDBConnection, sql: string, params: unknown[], timeoutMs: number): Promise<T[]> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    conn.interrupt();
  }, timeoutMs);
  try {
    const reader = await conn.streamAndReadUntil(sql, MAX_ROWS + 1, params as DuckDBValue[]);
    if (reader.currentRowCount > MAX_ROWS) {
      throw new HttpError(503, `the query's result is larger than the ${MAX_ROWS}-row bound; narrow the filters`);
    }
    return reader.getRowObjectsJson() as unknown as T[];
  } catch (e) {
    if (timedOut) throw new HttpError(503, `the query took longer than the ${timeoutMs / 1000} s limit; narrow the filters`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

export async function openReadStore(path: string, limits: PoolLimits = {}): Promise<ReadStore> {
  if (isPostgresUrl(path)) return openPgStore({ url: path, readOnly: true, poolSize: 3 });
  if (!existsSync(path)) {
    throw new DyadError('DYAD_E001', `no event store at ${path} (run \`dyad demo\` or \`dyad ingest\` first)`);
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  } catch (e) {
    throw new DyadError('DYAD_E011', `cannot open event store ${path}: ${(e as Error).message}`);
  }
  const conns: DuckDBConnection[] = [];
  for (let i = 0; i < (limits.poolSize ?? 3); i++) conns.push(await instance.connect());
  const r = await conns[0]!.runAndReadAll(`SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'`);
  if (Number(r.getRows()[0]?.[0] ?? 0) === 0) {
    for (const c of conns) c.closeSync();
    instance.closeSync();
    throw new DyadError('DYAD_E011', `${path} is not a Dyad event store (no events table)`);
  }
  const meta = await instance.connect();
  return new DuckReadStore(instance, conns, meta, limits.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS, limits.maxQueued ?? DEFAULT_MAX_QUEUED);
}
