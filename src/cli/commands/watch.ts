/**
 * `dyad watch`: poll RSS/Atom feeds and ingest the articles they link to.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { DyadError, errorMessage } from '../../model/errors.js';
import { openStore, DEFAULT_DB, defaultDb } from '../../store/index.js';
import { isPostgresUrl } from '../../store/pg.js';
import { ingest, progressPrinter } from '../../ingest/ingest.js';
import { feedItems } from '../../ingest/sources.js';
import { Fetcher } from '../../ingest/fetch.js';
import { CoderPool } from '../../ingest/pool.js';
import type { SourceItem } from '../../ingest/types.js';
import { intOption, secondsOption, summary } from './ingest.js';
import { listenError, portOption } from './serve.js';

export const help = `usage: dyad watch FEEDS.txt [--every 15m] [--db PATH] [--once] [--serve PORT]

Poll the RSS/Atom feeds listed in FEEDS.txt (one URL per line; # starts a comment) and ingest new
articles: every poll fetches each feed, skips articles already stored or already failed, fetches
the others (robots.txt respected, one request per host per second) and codes them. Stop with Ctrl-C.

options:
  --every D           interval between polls: 90s, 15m, 1h (default 15m)
  --once              poll once and exit
  --db PATH|URL      event store (default ./${DEFAULT_DB} or $DYAD_DB; postgres://… for PostgreSQL)
  --date-default D    publication date for articles that state none
  --workers N         coding threads (default: one per core)
  --min-interval MS   minimum delay between two requests to one host (default 1000)
  --doc-timeout S     time budget of one document in seconds (default 10; 0 = none)
  --allow-private     let feed items and redirects reach loopback, private and internal addresses
  --store-memory MB   memory DuckDB may use besides its indexes (default 100; 0 = DuckDB's default)
  --serve PORT        also serve the API and dashboard on this port (0 = any free one) from this
                      process: while watch writes the store, \`dyad serve\` cannot open it
  --host HOST         interface for --serve (default 127.0.0.1)
`;

export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new DyadError('DYAD_E005', `--every: expected a duration such as 90s, 15m or 1h, got '${s}'`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const ms = unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n * 3_600_000;
  if (ms < 1000) throw new DyadError('DYAD_E005', `--every: at least 1s, got '${s}'`);
  return ms;
}

export async function readFeedList(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DyadError('DYAD_E001', `feed list not found: ${path}`);
  }
  const feeds = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
  for (const f of feeds) if (!/^https?:\/\//i.test(f)) throw new DyadError('DYAD_E007', `${path}: not an http(s) URL: ${f}`);
  if (feeds.length === 0) throw new DyadError('DYAD_E003', `${path}: no feed URLs`);
  return feeds;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      every: { type: 'string' },
      once: { type: 'boolean' },
      db: { type: 'string' },
      'date-default': { type: 'string' },
      workers: { type: 'string' },
      'min-interval': { type: 'string' },
      'store-memory': { type: 'string' },
      'no-robots': { type: 'boolean' },
      'doc-timeout': { type: 'string' },
      'allow-private': { type: 'boolean' },
      serve: { type: 'string' },
      host: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new DyadError('DYAD_E005', 'expected one argument: a file listing feed URLs');
  const feeds = await readFeedList(positionals[0]!);
  const every = parseDuration(values.every ?? '15m');
  const db = values.db ?? defaultDb();
  const servePort = values.serve === undefined ? undefined : portOption(values.serve, '--serve');
  const memoryBudgetMB = intOption(values['store-memory'], 'store-memory', 0);
  const store = await openStore({ path: db, ...(memoryBudgetMB === undefined ? {} : { memoryBudgetMB }) });
  const fetcher = new Fetcher({ minIntervalMs: intOption(values['min-interval'], 'min-interval', 0), respectRobots: !values['no-robots'], allowPrivate: values['allow-private'] ?? false });
  let server: { url: string; close(): Promise<void> } | null = null;
  if (servePort !== undefined) {
    const { startServer } = await import('../../serve/server.js');
    const host = values.host ?? '127.0.0.1';
    try {
      // The server reads through the writer's own connection (queries wait for a commit in progress).
      server = await startServer({
        dbPath: db,
        store,
        port: servePort,
        host,
        log: (l) => io.err(l + '\n'),
      });
    } catch (e) {
      await store.close();
      throw listenError(e, '--serve', host, servePort);
    }
    io.err(`dyad watch: serving ${db} at ${server.url}/\n`);
  }
  let pool: CoderPool;
  try {
    pool = await CoderPool.create({
      workers: intOption(values.workers, 'workers', 0),
      dateDefault: values['date-default'] ?? null,
      docTimeoutMs: secondsOption(values['doc-timeout'], 'doc-timeout'),
    });
  } catch (e) {
    await server?.close();
    await store.close();
    throw e;
  }
  // With a PostgreSQL store many watchers may run: exactly one polls at a time (see queue/leader.ts).
  const leader = isPostgresUrl(db) ? await (await import('../../queue/leader.js')).Leader.open(db, 'watch') : null;
  let stop = false;
  let wake: (() => void) | null = null;
  const onSignal = () => {
    stop = true;
    wake?.();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const sleepUnlessWoken = () =>
    new Promise<void>((res) => {
      const t = setTimeout(res, every);
      wake = () => {
        clearTimeout(t);
        res();
      };
    });
  // A URL that failed before is not fetched again on every poll.
  const seenUrl = async (u: string) =>
    (await store.seen(null, u)) || (await store.query('SELECT 1 FROM failures WHERE source = $1 LIMIT 1', [u])).length > 0;
  try {
    for (let poll = 1; !stop; poll++) {
      const started = new Date().toISOString().slice(0, 19).replace('T', ' ');
      async function* all(): AsyncGenerator<SourceItem> {
        for (const f of feeds) {
          if (stop) return;
          yield* feedItems(f, { fetcher, seenUrl });
        }
      }
      const progress = progressPrinter(io.err, io.isTTY);
      try {
        if (leader && !(await leader.tryLead())) {
          io.out(`[${started}] poll ${poll}: skipped, another watcher of ${db} is polling\n`);
          if (values.once) break;
          await sleepUnlessWoken();
          continue;
        }
        const stats = await ingest(all(), { store, pool, onProgress: progress.onProgress });
        progress.done();
        io.out(`[${started}] poll ${poll}: ${summary(stats, db)}`);
      } catch (e) {
        io.err(`[${started}] poll ${poll} failed: ${errorMessage(e)}\n`);
      }
      if (values.once || stop) break;
      await sleepUnlessWoken();
    }
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool.close();
    await leader?.close();
    await server?.close();
    await store.close();
  }
}
