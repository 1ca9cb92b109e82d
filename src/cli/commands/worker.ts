/**
 * `dyad worker`: take jobs from the queue of a PostgreSQL store and code them (see queue/worker.ts).
 */
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { DyadError } from '../../model/errors.js';
import { defaultDb } from '../../store/index.js';
import { isPostgresUrl } from '../../store/pg.js';
import { checkDate } from '../../store/queries.js';
import { intOption } from './ingest.js';

export const help = `usage: dyad worker [--db postgres://…] [--concurrency N] [--drain]

Take jobs from the job queue of a PostgreSQL event store (filled by \`dyad ingest --enqueue\`),
fetch, extract, code and store them. Run any number of workers on any number of hosts; a job
taken by a worker that dies is taken again by another after its lease.

options:
  --db URL            the PostgreSQL store (default $DYAD_DB)
  --concurrency N     coder threads (default: one per core; 0 = the main thread)
  --batch N           jobs taken at once and stored in one transaction (default 50)
  --drain             exit when no job is waiting or leased (for backfills)
  --lease S           seconds a taken job is leased, when this worker creates the queue (default 300)
  --maintenance S     seconds between two checks for expired leases (default 30; one worker checks at a time)
  --date-default DATE publication date (YYYY-MM-DD) for articles that state none
  --min-interval MS   minimum delay between two requests to one host (default 1000)
  --no-robots         do not read robots.txt (only for sites you run yourself)
  --quiet             no log line per round
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      drain: { type: 'boolean' },
      lease: { type: 'string' },
      maintenance: { type: 'string' },
      'date-default': { type: 'string' },
      'min-interval': { type: 'string' },
      'no-robots': { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new DyadError('DYAD_E005', `unexpected argument '${positionals[0]}'`);
  const db = values.db ?? defaultDb();
  if (!isPostgresUrl(db)) throw new DyadError('DYAD_E054', `dyad worker needs a PostgreSQL store (--db postgres://… or DYAD_DB), got '${db}'`);
  const lease = intOption(values.lease, 'lease', 1);
  const maintenance = intOption(values.maintenance, 'maintenance', 1);
  let onSignal: () => void = () => undefined;
  const stop = new Promise<void>((res) => (onSignal = res));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const { runWorker } = await import('../../queue/worker.js');
  try {
    const s = await runWorker({
      url: db,
      concurrency: intOption(values.concurrency, 'concurrency', 0),
      batch: intOption(values.batch, 'batch', 1),
      drain: values.drain ?? false,
      ...(lease === undefined ? {} : { leaseSeconds: lease }),
      ...(maintenance === undefined ? {} : { maintenanceSeconds: maintenance }),
      dateDefault: checkDate(values['date-default'], '--date-default'),
      minIntervalMs: intOption(values['min-interval'], 'min-interval', 0),
      respectRobots: !values['no-robots'],
      stop,
      onRound: values.quiet
        ? undefined
        : (r) => io.err(`worker: ${r.jobs} jobs, ${r.added} added, ${r.skipped} skipped, ${r.failed} failed in ${r.ms} ms\n`),
    });
    io.out(`worker done: ${s.jobs} jobs, ${s.added} articles added, ${s.skipped} skipped, ${s.failed} failed; ${s.seconds.toFixed(1)} s\n`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
