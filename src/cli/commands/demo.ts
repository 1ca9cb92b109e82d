/**
 * `dyad demo`: ingest the bundled sample corpus into a fresh store and print what came out.
 */
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { DyadError } from '../../model/errors.js';
import { openStore, DEFAULT_DB, type Store } from '../../store/index.js';
import { QUAD_CLASS_NAMES, eventsQuery } from '../../store/queries.js';
import { table } from '../../store/format.js';
import { ingest, progressPrinter } from '../../ingest/ingest.js';
import { sourceItems } from '../../ingest/sources.js';
import { intOption, summary } from './ingest.js';

export const help = `usage: dyad demo [--db PATH] [--workers N]

Ingest the bundled sample corpus (data/sample: ${'>'}60 news-style articles from several outlets,
as JSONL, HTML and text) into a fresh event store (default ./${DEFAULT_DB}, replaced if present)
and print a summary: articles, events, merged reports, top dyads, events by QuadClass and example
events with their evidence. Then try \`dyad events\` or \`dyad serve\` on the same store.

options:
  --db PATH     event store to create (default ./${DEFAULT_DB})
  --workers N   coding threads (default: one per core)
`;

export const SAMPLE_DIR = fileURLToPath(new URL('../../../data/sample/', import.meta.url));

export async function demoSummary(store: Store): Promise<string> {
  const one = async (sql: string) => Number(Object.values((await store.query(sql))[0] ?? { n: 0 })[0] ?? 0);
  const articles = await one('SELECT count(*) FROM articles');
  const outlets = await one('SELECT count(DISTINCT outlet) FROM articles');
  const mentions = await one('SELECT count(*) FROM mentions');
  const events = await one('SELECT count(*) FROM events');
  const merged = await one('SELECT count(*) FROM events WHERE num_articles > 1');
  const failures = await one('SELECT count(*) FROM failures');
  const range = (await store.query<{ a: string; b: string }>('SELECT min(date) AS a, max(date) AS b FROM articles'))[0];
  const out: string[] = [];
  out.push(`${articles} articles from ${outlets} outlets (${range?.a ?? '?'} to ${range?.b ?? '?'}), ${failures} failed`);
  out.push(`${mentions} coded events merged into ${events} events; ${merged} events were reported by more than one article`);
  out.push('');
  const dyads = await store.query<Record<string, unknown>>(`
    SELECT coalesce(source_country, source_code, '-') || ' → ' || coalesce(target_country, target_code, '-') AS dyad,
           count(*) AS events, sum(num_articles) AS reports,
           round(avg(goldstein), 1) AS goldstein
    FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL
    GROUP BY 1 ORDER BY events DESC, reports DESC, dyad LIMIT 10`);
  out.push('Top dyads');
  out.push(table(['dyad', 'events', 'reports', 'avg goldstein'], dyads.map((r) => [r['dyad'], r['events'], r['reports'], r['goldstein']])));
  const quads = await store.query<Record<string, unknown>>(
    'SELECT quad_class, count(*) AS events, sum(num_articles) AS reports FROM events GROUP BY 1 ORDER BY 1',
  );
  out.push('Events by QuadClass');
  out.push(
    table(['quad', 'class', 'events', 'reports'], quads.map((r) => [r['quad_class'], QUAD_CLASS_NAMES[Number(r['quad_class'])] ?? '?', r['events'], r['reports']])),
  );
  const q = eventsQuery({ minArticles: 2, limit: 6 });
  const examples = await store.query<Record<string, unknown>>(
    q.sql.replace('ORDER BY e.date DESC NULLS LAST, e.num_articles DESC, e.id', 'ORDER BY e.num_articles DESC, e.date, e.id'),
    q.params,
  );
  out.push('Example events (most reported)');
  for (const e of examples) {
    out.push(
      `  ${e['date'] ?? '????-??-??'}  ${e['source_code'] ?? '-'} → ${e['target_code'] ?? '-'}  CAMEO ${e['cameo']} ` +
        `(QuadClass ${e['quad_class']}, Goldstein ${e['goldstein']}), ${e['num_articles']} articles / ${e['num_sources']} outlets`,
    );
    out.push(`      "${String(e['evidence'] ?? '').replace(/\s+/g, ' ').trim()}"  (${e['outlet'] ?? e['url'] ?? ''})`);
  }
  return out.join('\n') + '\n';
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, workers: { type: 'string' } },
  });
  if (positionals.length > 0) throw new DyadError('DYAD_E005', `unexpected argument '${positionals[0]}'`);
  if (!existsSync(SAMPLE_DIR)) throw new DyadError('DYAD_E001', `sample corpus not found at ${SAMPLE_DIR}`);
  const db = values.db ?? DEFAULT_DB;
  for (const f of [db, `${db}.wal`]) if (existsSync(f)) rmSync(f);
  const store = await openStore({ path: db });
  const progress = progressPrinter(io.err, io.isTTY);
  try {
    io.err(`dyad demo: ingesting the sample corpus (${SAMPLE_DIR}) into ${db}\n`);
    const stats = await ingest(sourceItems([SAMPLE_DIR], []), {
      store,
      workers: intOption(values.workers, 'workers', 0),
      onProgress: progress.onProgress,
    });
    progress.done();
    io.out(summary(stats, db));
    io.out('\n' + (await demoSummary(store)));
    io.out(`\nNext: dyad events --dyad FRA:TUR --db ${db}   ·   dyad export --format gdelt --db ${db}   ·   dyad serve --db ${db}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
