/**
 * `dyad migrate --from store.duckdb --to postgres://…`: copy a DuckDB store into an empty
 * PostgreSQL store, table by table, streamed in chunks (multi-row inserts), then compare each
 * table's row count and an order-independent checksum computed the same way on both sides
 * (the sum of a hash of every row's plain values), so nothing is lost or altered on the way.
 */
import { createHash } from 'node:crypto';
import { DyadError } from '../model/errors.js';
import type { Store } from './store.js';
import { COLUMNS } from './rows.js';

/** Every table of the logical schema, with its columns in table order. */
export const TABLES: Record<string, readonly string[]> = {
  articles: COLUMNS.articles,
  events: COLUMNS.events,
  mentions: COLUMNS.mentions,
  actors: COLUMNS.actors,
  quotes: COLUMNS.quotes,
  failures: ['source', 'reason', 'at'],
  event_outlets: ['event_id', 'outlet'],
};

export interface TableCheck {
  table: string;
  source: { rows: number; checksum: string };
  target: { rows: number; checksum: string };
  ok: boolean;
}

const MOD = 1n << 64n;

function quote(c: string): string {
  return `"${c}"`;
}

/** Count and checksum of one table: the sum mod 2^64 of sha256 of each row's values as JSON. */
export async function tableChecksum(store: Store, table: string): Promise<{ rows: number; checksum: string }> {
  const cols = TABLES[table]!;
  let sum = 0n;
  let rows = 0;
  await store.scan<Record<string, unknown>>(`SELECT ${cols.map(quote).join(', ')} FROM ${table}`, [], (chunk) => {
    for (const r of chunk) {
      const h = createHash('sha256').update(JSON.stringify(cols.map((c) => r[c] ?? null))).digest();
      sum = (sum + h.readBigUInt64BE(0)) % MOD;
      rows++;
    }
  });
  return { rows, checksum: sum.toString(16).padStart(16, '0') };
}

/** Copy every table from `from` to `to` (which must hold no article yet); then check both sides. */
export async function migrateStore(
  from: Store,
  to: Store,
  onTable: (table: string, rows: number) => void = () => undefined,
): Promise<TableCheck[]> {
  const [held] = await to.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM articles`);
  if ((held?.n ?? 0) > 0) {
    throw new DyadError('DYAD_E053', `${to.path} already holds ${held!.n} articles: migrate into an empty store`);
  }
  for (const [table, cols] of Object.entries(TABLES)) {
    let n = 0;
    await from.scan<Record<string, unknown>>(`SELECT ${cols.map(quote).join(', ')} FROM ${table}`, [], async (chunk) => {
      for (let i = 0; i < chunk.length; i += 500) {
        const part = chunk.slice(i, i + 500).map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
        await to.exec(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)`, [JSON.stringify(part)]);
      }
      n += chunk.length;
    });
    onTable(table, n);
  }
  const checks: TableCheck[] = [];
  for (const table of Object.keys(TABLES)) {
    const [source, target] = await Promise.all([tableChecksum(from, table), tableChecksum(to, table)]);
    checks.push({ table, source, target, ok: source.rows === target.rows && source.checksum === target.checksum });
  }
  return checks;
}
