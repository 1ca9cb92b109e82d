/**
 * `dyad status`: the queue and store of a PostgreSQL event store at a glance (see queue/status.ts).
 */
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { DyadError } from '../../model/errors.js';
import { defaultDb } from '../../store/index.js';
import { isPostgresUrl, openPgStore } from '../../store/pg.js';

export const help = `usage: dyad status [--db postgres://…] [--json]

Print the state of a PostgreSQL event store and its job queue: queue depth, jobs per state,
workers seen in the last minute, failures with their reasons, and throughput.

options:
  --db URL   the PostgreSQL store (default $DYAD_DB)
  --json     one JSON object instead of text
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length > 0) throw new DyadError('DYAD_E005', `unexpected argument '${positionals[0]}'`);
  const db = values.db ?? defaultDb();
  if (!isPostgresUrl(db)) throw new DyadError('DYAD_E054', `dyad status needs a PostgreSQL store (--db postgres://… or DYAD_DB), got '${db}'`);
  const { Queue } = await import('../../queue/queue.js');
  const { queueStatus, statusText } = await import('../../queue/status.js');
  const store = await openPgStore({ url: db, readOnly: true, poolSize: 2 });
  try {
    const queue = await Queue.open(db);
    try {
      const s = await queueStatus(queue, store);
      io.out(values.json ? JSON.stringify(s) + '\n' : statusText(s));
      return 0;
    } finally {
      await queue.close();
    }
  } finally {
    await store.close();
  }
}
