/**
 * The read side of the event store as the server sees it: parameterised SQL in, plain JS rows out.
 * The shared store (src/store) serialises every statement on one connection, which suits ingest; the
 * server instead opens the same file read-only with a small pool of connections so that the overview's
 * aggregations run in parallel. Same schema, same plain-JS values (counts are cast to INTEGER in SQL).
 */
import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { DyadError } from '../model/errors.js';
import { isPostgresUrl, openPgStore } from '../store/pg.js';

export interface ReadStore {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A small pool of read-only connections; each runs one statement at a time. */
class DuckReadStore implements ReadStore {
  private next = 0;
  private readonly tails: Array<Promise<unknown>>;
  constructor(
    private readonly instance: DuckDBInstance,
    private readonly conns: DuckDBConnection[],
  ) {
    this.tails = conns.map(() => Promise.resolve());
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const i = this.next;
    this.next = (this.next + 1) % this.conns.length;
    const conn = this.conns[i]!;
    const run = async (): Promise<T[]> => {
      const reader = await conn.runAndReadAll(sql, params as DuckDBValue[]);
      return reader.getRowObjectsJson() as unknown as T[];
    };
    const result = this.tails[i]!.then(run, run);
    this.tails[i] = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.tails);
    for (const c of this.conns) c.closeSync();
    this.instance.closeSync();
  }
}

export async function openReadStore(path: string, poolSize = 3): Promise<ReadStore> {
  if (isPostgresUrl(path)) return openPgStore({ url: path, readOnly: true, poolSize });
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
  for (let i = 0; i < poolSize; i++) conns.push(await instance.connect());
  const r = await conns[0]!.runAndReadAll(`SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'`);
  if (Number(r.getRows()[0]?.[0] ?? 0) === 0) {
    for (const c of conns) c.closeSync();
    instance.closeSync();
    throw new DyadError('DYAD_E011', `${path} is not a Dyad event store (no events table)`);
  }
  return new DuckReadStore(instance, conns);
}
