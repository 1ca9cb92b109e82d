import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../io.js';
import { openStore } from '../../store/index.js';
import { testDoc } from '../../store/testdocs.js';
import { GDELT_COLUMNS, globalEventId } from '../../store/gdelt.js';
import { run as exportRun } from './export.js';
import { run as eventsRun } from './events.js';

let dir = '';
let db = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-export-'));
  db = join(dir, 'x.duckdb');
  const store = await openStore({ path: db });
  const art = (n: number, outlet: string, date: string, events: Array<{ source: string; target: string; cameo: string }>) => ({
    article: { url: `https://${outlet.toLowerCase()}.example/${n}`, outlet },
    doc: testDoc({ text: `Article ${n}: France accused Turkey; Russian forces shelled Kharkiv.\tTab.`, date, events }),
  });
  await store.addArticles([
    art(1, 'Alpha', '2024-03-04', [{ source: 'FRAGOV', target: 'TUR', cameo: '112' }]),
    art(2, 'Beta', '2024-03-04', [{ source: 'FRAGOV', target: 'TUR', cameo: '112' }]),
    art(3, 'Alpha', '2024-03-10', [{ source: 'TUR', target: 'FRA', cameo: '040' }]),
    art(4, 'Gamma', '2024-03-02', [{ source: 'RUSMIL', target: 'UKR', cameo: '195' }, { source: 'UKR', target: 'RUS', cameo: '111' }]),
    art(5, 'Beta', '2024-04-01', [{ source: 'USA', target: 'CHN', cameo: '163' }]),
  ]);
  await store.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('gdelt export: 61 tab-separated columns in GDELT 2.0 order, no header', async () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.deepEqual(GDELT_COLUMNS.slice(0, 6), ['GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate', 'Actor1Code']);
  assert.equal(GDELT_COLUMNS[26], 'EventCode');
  assert.equal(GDELT_COLUMNS[29], 'QuadClass');
  assert.equal(GDELT_COLUMNS[33], 'NumArticles');
  assert.deepEqual(GDELT_COLUMNS.slice(-2), ['DATEADDED', 'SOURCEURL']);
  const io = memoryIo();
  assert.equal(await exportRun(['--format', 'gdelt', '--db', db], io), 0);
  const lines = io.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5);
  for (const l of lines) assert.equal(l.split('\t').length, 61, l);
  const rows = lines.map((l) => l.split('\t'));
  const merged = rows.find((r) => r[26] === '112')!;
  const col = (name: (typeof GDELT_COLUMNS)[number]) => merged[GDELT_COLUMNS.indexOf(name)];
  assert.equal(col('Day'), '20240304');
  assert.equal(col('MonthYear'), '202403');
  assert.equal(col('Year'), '2024');
  assert.equal(col('Actor1Code'), 'FRAGOV');
  assert.equal(col('Actor1CountryCode'), 'FRA');
  assert.equal(col('Actor1Type1Code'), 'GOV');
  assert.equal(col('Actor2Code'), 'TUR');
  assert.equal(col('EventRootCode'), '11');
  assert.equal(col('EventBaseCode'), '112');
  assert.equal(col('NumArticles'), '2');
  assert.equal(col('NumSources'), '2');
  assert.match(col('DATEADDED')!, /^\d{14}$/);
  assert.match(col('SOURCEURL')!, /^https:\/\/(alpha|beta)\.example\/[12]$/);
  assert.match(col('GlobalEventID')!, /^\d+$/);
  assert.equal(globalEventId('ffffffffffffffff'), 2 ** 52 - 1);
});

test('jsonl and csv exports carry every event; parquet needs --out and writes a file', async () => {
  const j = memoryIo();
  assert.equal(await exportRun(['--format', 'jsonl', '--db', db], j), 0);
  const objs = j.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { num_articles: number; mentions: unknown[] });
  assert.equal(objs.length, 5);
  assert.ok(objs.some((o) => o.num_articles === 2 && o.mentions.length === 2));
  const c = memoryIo();
  await exportRun(['--format', 'csv', '--db', db], c);
  assert.equal(c.stdout.trimEnd().split('\n').length, 6);
  assert.match(c.stdout, /^id,date,source_code,/);
  const bad = memoryIo();
  await assert.rejects(exportRun(['--format', 'parquet', '--db', db], bad), /needs --out/);
  const out = join(dir, 'events.parquet');
  assert.equal(await exportRun(['--format', 'parquet', '--out', out, '--db', db], memoryIo()), 0);
  assert.ok(statSync(out).size > 0);
  assert.equal(readFileSync(out).subarray(0, 4).toString(), 'PAR1');
});

async function events(args: string[]): Promise<Array<Record<string, unknown>>> {
  const io = memoryIo();
  assert.equal(await eventsRun([...args, '--format', 'json', '--db', db], io), 0);
  return JSON.parse(io.stdout) as Array<Record<string, unknown>>;
}

test('dyad events filters: actor, dyad (both directions or directed), root, dates, limit', async () => {
  assert.equal((await events([])).length, 5);
  assert.equal((await events(['--actor', 'FRA'])).length, 2);
  assert.equal((await events(['--actor', 'RUS'])).length, 2);
  assert.equal((await events(['--dyad', 'FRA:TUR'])).length, 2);
  assert.equal((await events(['--dyad', 'TUR>FRA'])).length, 1);
  assert.deepEqual((await events(['--root', '11'])).map((e) => e['cameo']).sort(), ['111', '112']);
  assert.equal((await events(['--root', '19,16'])).length, 2);
  assert.deepEqual((await events(['--since', '2024-03-04', '--until', '2024-03-31'])).map((e) => e['date']), ['2024-03-10', '2024-03-04']);
  assert.equal((await events(['--limit', '1'])).length, 1);
  const merged = await events(['--dyad', 'FRA:TUR', '--root', '11']);
  assert.equal(merged[0]!['num_articles'], 2);
  assert.match(String(merged[0]!['evidence']), /France accused Turkey/);
  const table = memoryIo();
  await eventsRun(['--actor', 'USA', '--db', db], table);
  assert.match(table.stdout, /USA\s+CHN\s+163/);
  const fails = memoryIo();
  assert.equal(await eventsRun(['--failures', '--db', db], fails), 0);
  assert.match(fails.stdout, /no failures/);
  await assert.rejects(eventsRun(['--since', '03/04/2024', '--db', db], memoryIo()), /YYYY-MM-DD/);
  await assert.rejects(eventsRun(['--db', join(dir, 'missing.duckdb')], memoryIo()), /no event store/);
});

test('jsonl export streams: an event reported 2,500 times (mentions beyond one DuckDB chunk) is one line, in id order', async () => {
  const d = mkdtempSync(join(tmpdir(), 'dyad-export-big-'));
  try {
    const path = join(d, 'big.duckdb');
    const store = await openStore({ path });
    const items = [];
    for (let i = 0; i < 2500; i++) {
      const events = [{ source: 'RUSMIL', target: 'UKR', cameo: '195' }];
      if (i % 500 === 0) events.push({ source: 'UKR', target: 'RUS', cameo: `11${i / 500}` });
      items.push({
        article: { url: `https://wire.example/${i}`, outlet: i % 2 ? 'Alpha' : 'Beta' },
        doc: testDoc({ text: `Bulletin ${i}: Russian forces shelled Kharkiv overnight.`, date: '2024-03-02', events }),
      });
    }
    for (let k = 0; k < items.length; k += 500) await store.addArticles(items.slice(k, k + 500));
    await store.close();
    const io = memoryIo();
    assert.equal(await exportRun(['--format', 'jsonl', '--db', path], io), 0, io.stderr);
    const lines = io.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; cameo: string; num_mentions: number; mentions: Array<{ article_id: string; url: string; evidence: string }> });
    assert.equal(lines.length, 6);
    assert.deepEqual(lines.map((l) => l.id), lines.map((l) => l.id).sort());
    const big = lines.find((l) => l.cameo === '195')!;
    assert.equal(big.num_mentions, 2500);
    assert.equal(big.mentions.length, 2500);
    assert.equal(new Set(big.mentions.map((m) => m.article_id)).size, 2500);
    assert.ok(big.mentions.every((m) => m.url.startsWith('https://wire.example/') && m.evidence.startsWith('Bulletin ')));
    for (const l of lines.filter((x) => x.cameo !== '195')) assert.equal(l.mentions.length, 1);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('gdelt export: one line checked column by column (FIPS geography, undated event dated by its report)', async () => {
  const d = mkdtempSync(join(tmpdir(), 'dyad-gdelt-'));
  const path = join(d, 'g.duckdb');
  try {
    const store = await openStore({ path });
    await store.addArticles([
      {
        article: { url: 'https://delta.example/tbilisi', outlet: 'Delta' },
        doc: testDoc({
          text: 'Georgian police detained protesters in Tbilisi.',
          date: '2024-05-14',
          events: [{ source: 'GEOCOP', target: 'GEOOPP', cameo: '173', date: null, location: { name: 'Tbilisi', lat: 41.69, lon: 44.83, country: 'GEO' } }],
        }),
      },
      {
        article: { url: 'https://delta.example/berlin', outlet: 'Delta' },
        doc: testDoc({
          text: 'Germany hosted talks.',
          date: '2024-05-15',
          events: [{ source: 'DEU', target: 'FRA', cameo: '043', location: { name: 'Germany', lat: 51, lon: 10, country: 'DEU' } }],
        }),
      },
    ]);
    await store.close();
    const io = memoryIo();
    assert.equal(await exportRun(['--format', 'gdelt', '--db', path], io), 0);
    const rows = io.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    const byCode = (c: string) => Object.fromEntries(GDELT_COLUMNS.map((name, i) => [name, rows.find((r) => r[26] === c)![i]]));
    const g = byCode('173');
    const expected: Record<string, string> = {
      Day: '20240514', MonthYear: '202405', Year: '2024',
      Actor1Code: 'GEOCOP', Actor1CountryCode: 'GEO', Actor1Type1Code: 'COP',
      Actor2Code: 'GEOOPP', Actor2CountryCode: 'GEO', Actor2Type1Code: 'OPP',
      EventCode: '173', EventBaseCode: '173', EventRootCode: '17', QuadClass: '4',
      NumMentions: '1', NumSources: '1', NumArticles: '1',
      Actor1Geo_Type: '0', Actor2Geo_Type: '0',
      ActionGeo_Type: '4', ActionGeo_FullName: 'Tbilisi', ActionGeo_CountryCode: 'GG', ActionGeo_ADM1Code: 'GG',
      ActionGeo_ADM2Code: '', ActionGeo_Lat: '41.69', ActionGeo_Long: '44.83', ActionGeo_FeatureID: '',
      SOURCEURL: 'https://delta.example/tbilisi',
    };
    for (const [k, v] of Object.entries(expected)) assert.equal(g[k], v, k);
    // Germany is GM in FIPS 10-4 (GE is its ISO code); a country location is Geo_Type 1.
    const de = byCode('043');
    assert.equal(de['ActionGeo_Type'], '1');
    assert.equal(de['ActionGeo_CountryCode'], 'GM');
    assert.equal(de['ActionGeo_FeatureID'], 'GM');
    assert.equal(de['Day'], '20240515');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('dyad events: bad filters are usage errors naming the flag (exit 64), and truncation is said', async () => {
  const { runCli } = await import('../main.js');
  for (const [args, re] of [
    [['--since', '2024-02-30'], /--since: expected a real date YYYY-MM-DD, got '2024-02-30'/],
    [['--since', '2024-03-10', '--until', '2024-03-01'], /--since 2024-03-10 is after --until 2024-03-01/],
    [['--root', '25'], /--root: expected a CAMEO root code 01\.\.20, got '25'/],
  ] as const) {
    const io = memoryIo();
    assert.equal(await runCli(['events', ...args, '--db', db], io), 64, args.join(' '));
    assert.match(io.stderr, re);
    assert.doesNotMatch(io.stderr, /internal error|Conversion Error|\n\s+at /);
  }
  const io = memoryIo();
  assert.equal(await eventsRun(['--limit', '2', '--db', db], io), 0);
  assert.match(io.stderr, /^2 of 5 events \(use --limit N for more, --limit 0 for all\)$/m);
  const all = memoryIo();
  await eventsRun(['--limit', '0', '--db', db], all);
  assert.equal(all.stderr, '');
});
