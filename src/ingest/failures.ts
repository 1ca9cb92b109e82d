/**
 * Failure rows, written in batches and once: a row whose source and reason are already in the
 * store is not written again, so re-running an ingest over the same bad inputs adds nothing
 * (issue #17: 15 rows became 30), and a batch is one multi-row INSERT, not one statement per row.
 * Plain SQL through `Store.query`/`exec`, portable to every store backend.
 */
import type { Store } from '../store/index.js';

export interface FailureRow {
  source: string;
  reason: string;
}

/** Reasons are stored up to this many characters (as `Store.addFailure` does). */
const MAX_REASON = 2000;
/** Rows per INSERT statement (two parameters each). */
const ROWS_PER_STATEMENT = 200;

/** Write the rows not stored yet (same source and reason); returns how many were written. */
export async function writeFailures(store: Store, rows: FailureRow[]): Promise<number> {
  const fresh = await unseen(store, dedupe(rows));
  for (let i = 0; i < fresh.length; i += ROWS_PER_STATEMENT) {
    const part = fresh.slice(i, i + ROWS_PER_STATEMENT);
    const values = part.map((_, k) => `($${2 * k + 1}, $${2 * k + 2}, now()::TIMESTAMP)`).join(', ');
    await store.exec(`INSERT INTO failures VALUES ${values}`, part.flatMap((r) => [r.source, r.reason]));
  }
  return fresh.length;
}

const key = (r: FailureRow) => `${r.source}\u0000${r.reason}`;

function dedupe(rows: FailureRow[]): FailureRow[] {
  const seen = new Set<string>();
  const out: FailureRow[] = [];
  for (const r of rows) {
    const row = { source: r.source, reason: r.reason.slice(0, MAX_REASON) };
    if (seen.has(key(row))) continue;
    seen.add(key(row));
    out.push(row);
  }
  return out;
}

async function unseen(store: Store, rows: FailureRow[]): Promise<FailureRow[]> {
  const stored = new Set<string>();
  const sources = [...new Set(rows.map((r) => r.source))];
  for (let i = 0; i < sources.length; i += ROWS_PER_STATEMENT) {
    const part = sources.slice(i, i + ROWS_PER_STATEMENT);
    const got = await store.query<{ source: string; reason: string }>(
      `SELECT source, reason FROM failures WHERE source IN (${part.map((_, k) => `$${k + 1}`).join(', ')})`,
      part,
    );
    for (const r of got) stored.add(key(r));
  }
  return rows.filter((r) => !stored.has(key(r)));
}
