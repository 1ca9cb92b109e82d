/**
 * `dyad migrate`: move a DuckDB event store into PostgreSQL (see store/migrate.ts).
 */
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { DyadError } from '../../model/errors.js';
import { openStore } from '../../store/index.js';
import { isPostgresUrl } from '../../store/pg.js';
import { table } from '../../store/format.js';

export const help = `usage: dyad migrate --from STORE.duckdb --to postgres://…

Copy every table of a DuckDB event store into an empty PostgreSQL store (created and migrated if
needed, with the source's merge window), then compare each table's row count and checksum on both
sides. Exit status 70 (DYAD_E053) when any table differs.

options:
  --from PATH   the DuckDB store to read (opened read-only)
  --to URL      the PostgreSQL store to fill (postgres://…[?schema=name])
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  if (positionals.length > 0) throw new DyadError('DYAD_E005', `unexpected argument '${positionals[0]}'`);
  if (!values.from || !values.to) throw new DyadError('DYAD_E005', 'give both --from STORE.duckdb and --to postgres://…');
  if (isPostgresUrl(values.from)) throw new DyadError('DYAD_E005', `--from: expected a DuckDB file, got a PostgreSQL URL`);
  if (!isPostgresUrl(values.to)) throw new DyadError('DYAD_E054', `--to: expected a postgres:// URL, got '${values.to}'`);
  const { migrateStore } = await import('../../store/migrate.js');
  const from = await openStore({ path: values.from, readOnly: true });
  try {
    // The merge window is part of the merged ids: the target takes the source's.
    const [w] = await from.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'window_days'`);
    const to = await openStore({ path: values.to, windowDays: Number(w?.value ?? from.windowDays) });
    try {
      const t0 = Date.now();
      const checks = await migrateStore(from, to, (t, n) => io.err(`copied ${t}: ${n} rows\n`));
      io.out(
        table(
          ['table', 'rows (duckdb)', 'rows (postgres)', 'checksum (duckdb)', 'checksum (postgres)', 'same'],
          checks.map((c) => [c.table, c.source.rows, c.target.rows, c.source.checksum, c.target.checksum, c.ok ? 'yes' : 'NO']),
        ),
      );
      const bad = checks.filter((c) => !c.ok);
      if (bad.length > 0) {
        throw new DyadError('DYAD_E053', `tables differ after the copy: ${bad.map((c) => c.table).join(', ')}`);
      }
      io.out(`migrated ${values.from} to ${to.path} in ${((Date.now() - t0) / 1000).toFixed(1)} s: every table has the same rows and checksum\n`);
      return 0;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
