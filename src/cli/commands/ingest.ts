/**
 * `dyad ingest`: files, directories, stdin, URLs and feeds → the event store.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import type { Io } from '../io.js';
import { DyadError } from '../../model/errors.js';
import { openStore, DEFAULT_DB } from '../../store/index.js';
import { checkDate } from '../../store/queries.js';
import { ingest, progressPrinter, type IngestStats } from '../../ingest/ingest.js';
import { sourceItems, isUrl } from '../../ingest/sources.js';
import { estimateCount } from '../../ingest/files.js';
import { Fetcher } from '../../ingest/fetch.js';
import { DEFAULT_DOC_TIMEOUT_MS } from '../../ingest/pool.js';

export const help = `usage: dyad ingest <paths|URLs|-...> [options]

Read articles, code them into events and add them to the event store (a DuckDB file). Inputs:
files and directories (recursive; .txt, .html, .htm, .json, .jsonl and .gz of these), '-' for
stdin, http(s) URLs of articles or feeds. Re-running on the same inputs adds nothing; an
interrupted run can be re-run and finishes the job. Bad documents are recorded in the store's
failures table and the run goes on (exit status 65 only when every input failed).

options:
  --feed URL            an RSS or Atom feed whose articles to fetch (repeatable)
  --db PATH             event store (default ./${DEFAULT_DB})
  --date-default DATE   publication date (YYYY-MM-DD) for articles that state none
  --workers N           coding threads (default: one per core; 0 = main thread)
  --batch N             articles per transaction (default 200)
  --window-days N       merge events of the same dyad and code within N-day buckets (default 1)
  --store-memory MB     memory DuckDB may use besides its indexes (default 100; 0 = DuckDB's default)
  --doc-timeout S       time budget of one document in seconds (default ${DEFAULT_DOC_TIMEOUT_MS / 1000}; 0 = none): a
                        document still coding after it is recorded as a failure and the run goes on
  --min-interval MS     minimum delay between two requests to one host (default 1000)
  --no-robots           do not read robots.txt (only for sites you run yourself)
  --allow-private       let feed items, redirects and links reach loopback, private and other
                        internal addresses (refused by default; the URLs you give are always fetched)
  --quiet               no progress output
`;

export function intOption(v: string | undefined, name: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new DyadError('DYAD_E005', `--${name}: expected an integer >= ${min}, got '${v}'`);
  return n;
}

/** `--doc-timeout S`: seconds (a decimal number, 0 = no budget) → milliseconds. */
export function secondsOption(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new DyadError('DYAD_E005', `--${name}: expected a number of seconds >= 0, got '${v}'`);
  return Math.round(n * 1000);
}

export function summary(s: IngestStats, db: string): string {
  return (
    `ingested ${s.added} article${s.added === 1 ? '' : 's'} (${s.events} events) into ${db}` +
    `; ${s.skipped} already stored, ${s.failed} failed` +
    (s.failed > 0 ? ` (see: dyad events --failures --db ${db})` : '') +
    `; ${s.seconds.toFixed(1)} s\n`
  );
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      feed: { type: 'string', multiple: true },
      db: { type: 'string' },
      'date-default': { type: 'string' },
      workers: { type: 'string' },
      batch: { type: 'string' },
      'window-days': { type: 'string' },
      'store-memory': { type: 'string' },
      'min-interval': { type: 'string' },
      'no-robots': { type: 'boolean' },
      'doc-timeout': { type: 'string' },
      'allow-private': { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
  const feeds = values.feed ?? [];
  if (positionals.length === 0 && feeds.length === 0) {
    throw new DyadError('DYAD_E005', 'nothing to ingest: give files, directories, URLs, - (stdin) or --feed URL');
  }
  // A mistyped path is a usage error, before any store is created.
  const missing = positionals.filter((p) => p !== '-' && !isUrl(p) && !existsSync(p));
  if (missing.length > 0) {
    throw new DyadError('DYAD_E001', `${missing.join(', ')}: no such file or directory (nothing was ingested; no store was created or changed)`);
  }
  const dateDefault = checkDate(values['date-default'], '--date-default');
  const workers = intOption(values.workers, 'workers', 0);
  const batchSize = intOption(values.batch, 'batch', 1);
  const windowDays = intOption(values['window-days'], 'window-days', 1);
  const minIntervalMs = intOption(values['min-interval'], 'min-interval', 0);
  const db = values.db ?? DEFAULT_DB;
  const memoryBudgetMB = intOption(values['store-memory'], 'store-memory', 0);
  const store = await openStore({ path: db, windowDays, ...(memoryBudgetMB === undefined ? {} : { memoryBudgetMB }) });
  const docTimeoutMs = secondsOption(values['doc-timeout'], 'doc-timeout');
  const fetcher = new Fetcher({ minIntervalMs, respectRobots: !values['no-robots'], allowPrivate: values['allow-private'] ?? false });
  const local = positionals.every((p) => p !== '-' && !isUrl(p)) && feeds.length === 0;
  const total = io.isTTY && local ? await estimateCount(positionals) : null;
  const progress = progressPrinter(io.err, io.isTTY, total);
  try {
    const items = sourceItems(positionals, feeds, {
      fetcher,
      seenUrl: (u) => store.seen(null, u),
      stdin: () => io.stdin(),
    });
    const stats = await ingest(items, {
      store,
      workers,
      batchSize,
      dateDefault,
      docTimeoutMs,
      onProgress: values.quiet ? undefined : progress.onProgress,
    });
    progress.done();
    io.out(summary(stats, db));
    // Some failures are normal (they are recorded); nothing usable at all is an error.
    return stats.failed > 0 && stats.added === 0 && stats.skipped === 0 ? 65 : 0;
  } finally {
    await store.close();
  }
}
