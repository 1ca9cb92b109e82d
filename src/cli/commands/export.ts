/**
 * `dyad export`: every merged event as JSON lines, CSV, Parquet or GDELT 2.0 event rows.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { DyadError } from '../../model/errors.js';
import { openStore, DEFAULT_DB, defaultDb, type Store } from '../../store/index.js';
import { csvLine } from '../../store/format.js';
import { isPostgresUrl } from '../../store/pg.js';
import { GDELT_SOURCE_SQL, gdeltRow } from '../../store/gdelt.js';

export const help = `usage: dyad export --format jsonl|csv|parquet|gdelt [--out FILE] [--db PATH]

Export every merged event of the event store.

  jsonl    one JSON object per event, with its mentions (article, outlet, evidence)
  csv      the events table, with a header row
  parquet  the events table as a Parquet file (needs --out)
  gdelt    the GDELT 2.0 event table: 61 tab-separated columns, no header (GlobalEventID, Day,
           MonthYear, Year, FractionDate, Actor1Code … DATEADDED, SOURCEURL); AvgTone is 0 and
           actor geography is empty, as Dyad does not produce them

options:
  --format F   jsonl, csv, parquet or gdelt (required)
  --out FILE   write to FILE (default: standard output)
  --db PATH|URL event store (default ./${DEFAULT_DB} or $DYAD_DB; postgres://… for PostgreSQL)
`;

// Every event with its mentions, one row per mention (an event without any keeps one row of NULLs),
// in event order: the export groups consecutive rows, so memory holds one event's mentions at a time.
const JSONL_SQL = `
  SELECT e.*, mm.article_id AS m_article_id, mm.article_event_id AS m_article_event_id,
    coalesce(a.url, a.canonical_url) AS m_url, mm.outlet AS m_outlet, mm.article_date::VARCHAR AS m_article_date,
    mm.sentence AS m_sentence, mm.evidence_text AS m_evidence, mm.source_text AS m_source_text, mm.target_text AS m_target_text
  FROM events e
  LEFT JOIN mentions mm ON mm.event_id = e.id
  LEFT JOIN articles a ON a.id = mm.article_id
  ORDER BY e.id, mm.article_id, mm.article_event_id`;

const MENTION_FIELDS = [
  'article_id', 'article_event_id', 'url', 'outlet', 'article_date', 'sentence', 'evidence', 'source_text', 'target_text',
] as const;

/** One JSON line per event from JSONL_SQL's rows (which arrive grouped by event). */
async function exportJsonl(store: Store, write: (s: string) => Promise<void> | void): Promise<number> {
  let n = 0;
  let current: Record<string, unknown> | null = null;
  let mentions: Array<Record<string, unknown>> = [];
  let chunk = '';
  const emit = () => {
    if (current === null) return;
    chunk += JSON.stringify({ ...current, mentions: mentions.length > 0 ? mentions : null }) + '\n';
    n++;
  };
  await store.scan<Record<string, unknown>>(JSONL_SQL, [], async (rows) => {
    for (const r of rows) {
      if (current === null || current['id'] !== r['id']) {
        emit();
        current = {};
        mentions = [];
        for (const [k, v] of Object.entries(r)) if (!k.startsWith('m_')) current[k] = v;
      }
      if (r['m_article_id'] !== null) {
        const m: Record<string, unknown> = {};
        for (const f of MENTION_FIELDS) m[f] = r[`m_${f}`];
        mentions.push(m);
      }
    }
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  });
  emit();
  if (chunk) await write(chunk);
  return n;
}

const EVENT_COLUMNS = [
  'id', 'date', 'source_code', 'source_country', 'source_role', 'source_name', 'target_code', 'target_country',
  'target_role', 'target_name', 'cameo', 'root', 'quad_class', 'goldstein', 'plover_event', 'plover_mode',
  'location_name', 'lat', 'lon', 'location_country', 'num_mentions', 'num_sources', 'num_articles', 'first_seen', 'source_url',
];

export async function exportEvents(store: Store, format: string, write: (s: string) => Promise<void> | void): Promise<number> {
  if (format === 'jsonl') return exportJsonl(store, write);
  let n = 0;
  if (format === 'csv') await write(csvLine(EVENT_COLUMNS));
  const sql = format === 'gdelt' ? GDELT_SOURCE_SQL : 'SELECT * FROM events';
  await store.scan<Record<string, unknown>>(`SELECT * FROM (${sql}) ORDER BY id`, [], async (rows) => {
    let chunk = '';
    for (const r of rows) {
      if (format === 'csv') chunk += csvLine(EVENT_COLUMNS.map((c) => r[c]));
      else chunk += gdeltRow(r).join('\t') + '\n';
      n++;
    }
    await write(chunk);
  });
  return n;
}

function fileWriter(path: string): { write: (s: string) => Promise<void>; end: () => Promise<void> } {
  const ws: WriteStream = createWriteStream(path);
  let failed: Error | null = null;
  ws.on('error', (e) => (failed = e));
  return {
    write: (s) =>
      new Promise<void>((res, rej) => {
        if (failed) return rej(failed);
        if (ws.write(s)) res();
        else ws.once('drain', () => res());
      }),
    end: () => new Promise<void>((res, rej) => ws.end(() => (failed ? rej(failed) : res()))),
  };
}

// `dyad export … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
let stdoutClosed = false;
let watching = false;
function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') stdoutClosed = true;
    else throw e;
  });
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } },
  });
  if (positionals.length > 0) throw new DyadError('DYAD_E005', `unexpected argument '${positionals[0]}'`);
  const format = values.format;
  if (!format || !['jsonl', 'csv', 'parquet', 'gdelt'].includes(format)) {
    throw new DyadError('DYAD_E005', `--format: expected jsonl, csv, parquet or gdelt${format ? `, got '${format}'` : ''}`);
  }
  if (format === 'parquet' && !values.out) throw new DyadError('DYAD_E005', '--format parquet needs --out FILE');
  const db = values.db ?? defaultDb();
  if (format === 'parquet' && isPostgresUrl(db)) {
    throw new DyadError('DYAD_E054', '--format parquet is written by DuckDB: export jsonl, csv or gdelt from a PostgreSQL store');
  }
  const store = await openStore({ path: db, readOnly: true });
  try {
    if (format === 'parquet') {
      const out = resolve(values.out!);
      await store.exec(`COPY (SELECT * FROM events ORDER BY date, id) TO '${out.replace(/'/g, "''")}' (FORMAT parquet)`);
      const [{ n }] = await store.query<{ n: number }>('SELECT count(*) AS n FROM events') as [{ n: number }];
      io.err(`exported ${n} events to ${values.out}\n`);
      return 0;
    }
    if (values.out) {
      const w = fileWriter(values.out);
      let n: number;
      try {
        n = await exportEvents(store, format, w.write);
      } finally {
        await w.end();
      }
      io.err(`exported ${n} events to ${values.out}\n`);
    } else {
      watchStdout();
      try {
        await exportEvents(store, format, (s) => {
          if (stdoutClosed) throw new DyadError('DYAD_E008', 'output closed');
          io.out(s);
        });
      } catch (e) {
        if (!stdoutClosed) throw e;
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}
