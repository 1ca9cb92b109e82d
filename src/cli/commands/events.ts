/**
 * `dyad events`: query the merged events in the store.
 */
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { DyadError } from '../../model/errors.js';
import { openStore, DEFAULT_DB } from '../../store/index.js';
import { eventsCountQuery, eventsQuery, parseDyad, type EventFilter } from '../../store/queries.js';
import { csvLine, table } from '../../store/format.js';

export const help = `usage: dyad events [options]

List merged events from the event store, newest first. An event merges every report of the same
source actor, target actor and CAMEO code on the same day (see --window-days of dyad ingest).

options:
  --actor CODE        events with this actor (code prefix: FRA, FRAGOV, IGOEU…) as source or target
  --dyad A:B          events between A and B, either direction (A>B: A acting on B only)
  --root RR           CAMEO root code(s), comma-separated (e.g. 11 or 17,18,19)
  --cameo CODE        CAMEO code prefix (e.g. 112)
  --quad N            QuadClass 1-4 (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict)
  --since DATE        from this date (YYYY-MM-DD, inclusive)
  --until DATE        up to this date (inclusive)
  --min-articles N    reported by at least N articles
  --limit N           at most N events (default 50; 0 = all)
  --format F          table (default), json or csv
  --failures          list the documents that failed to ingest instead
  --db PATH           event store (default ./${DEFAULT_DB})
`;

const TABLE_COLUMNS = ['date', 'source_code', 'target_code', 'cameo', 'quad_class', 'goldstein', 'num_articles', 'num_sources', 'evidence'];
const CSV_COLUMNS = [
  'id', 'date', 'source_code', 'source_name', 'target_code', 'target_name', 'cameo', 'root', 'quad_class', 'goldstein',
  'plover_event', 'plover_mode', 'location_name', 'lat', 'lon', 'num_mentions', 'num_sources', 'num_articles', 'url', 'evidence',
];

function int(v: string | undefined, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new DyadError('DYAD_E005', `--${name}: expected an integer ${min}..${max}, got '${v}'`);
  return n;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      actor: { type: 'string' },
      dyad: { type: 'string' },
      root: { type: 'string' },
      cameo: { type: 'string' },
      quad: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      'min-articles': { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
      failures: { type: 'boolean' },
      db: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new DyadError('DYAD_E005', `unexpected argument '${positionals[0]}' (filters are options, e.g. --actor FRA)`);
  const format = values.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new DyadError('DYAD_E005', `--format: expected table, json or csv, got '${format}'`);
  const limit = int(values.limit, 'limit', 0) ?? 50;
  const filter: EventFilter = {
    actor: values.actor ?? null,
    roots: values.root ? values.root.split(',').map((s) => s.trim()).filter(Boolean) : null,
    cameo: values.cameo ?? null,
    quadClass: int(values.quad, 'quad', 1, 4) ?? null,
    since: values.since ?? null,
    until: values.until ?? null,
    minArticles: int(values['min-articles'], 'min-articles', 1) ?? null,
    limit: limit === 0 ? null : limit,
  };
  if (values.dyad) Object.assign(filter, parseDyad(values.dyad));
  // Validate every filter before touching the store.
  const q = eventsQuery(filter);
  const store = await openStore({ path: values.db ?? DEFAULT_DB, readOnly: true });
  try {
    if (values.failures) {
      const rows = await store.query<Record<string, unknown>>(
        `SELECT source, reason, "at" FROM failures ORDER BY "at" DESC ${limit ? `LIMIT ${limit}` : ''}`,
      );
      if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n');
      else if (format === 'csv') io.out(csvLine(['source', 'reason', 'at']) + rows.map((r) => csvLine([r['source'], r['reason'], r['at']])).join(''));
      else io.out(rows.length ? table(['source', 'reason', 'at'], rows.map((r) => [r['source'], r['reason'], r['at']]), { source: 60, reason: 80 }) : 'no failures\n');
      return 0;
    }
    const rows = await store.query<Record<string, unknown>>(q.sql, q.params);
    if (filter.limit !== null && filter.limit !== undefined && rows.length === filter.limit) {
      const c = eventsCountQuery(filter);
      const total = (await store.query<{ n: number }>(c.sql, c.params))[0]?.n ?? rows.length;
      if (total > rows.length) io.err(`${rows.length} of ${total} events (use --limit N for more, --limit 0 for all)\n`);
    }
    if (format === 'json') {
      io.out(JSON.stringify(rows, null, 2) + '\n');
    } else if (format === 'csv') {
      io.out(csvLine(CSV_COLUMNS) + rows.map((r) => csvLine(CSV_COLUMNS.map((c) => r[c]))).join(''));
    } else if (rows.length === 0) {
      io.out('no matching events\n');
    } else {
      io.out(
        table(
          ['date', 'source', 'target', 'cameo', 'quad', 'goldstein', 'articles', 'sources', 'evidence'],
          rows.map((r) => TABLE_COLUMNS.map((c) => r[c])),
          { evidence: 90 },
        ),
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
