import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openStore, mergedEventId, MIGRATIONS } from './index.js';
import { testDoc } from './testdocs.js';

function tmpDb(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
  return { path: join(dir, 't.duckdb'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

const T1 = 'France accused Turkey of violating the airspace agreement on Monday.';
const T2 = 'Paris accused Ankara on Monday of breaching the airspace deal, officials said.';
const T3 = 'French officials accused Turkey of an airspace violation, the ministry said on Monday.';

test('schema is created and versioned; query returns plain JS values', async () => {
  const db = tmpDb();
  try {
    const store = await openStore({ path: db.path });
    const v = await store.query<{ version: number }>('SELECT version FROM schema_migrations');
    assert.deepEqual(v.map((r) => r.version), [1, 2, 3, 4]);
    const r = await store.query('SELECT 1::BIGINT AS a, DATE \'2024-03-01\' AS d, $1::VARCHAR AS p', ['x']);
    assert.deepEqual(r, [{ a: 1, d: '2024-03-01', p: 'x' }]);
    await store.close();
    // Re-opening does not re-run migrations.
    const again = await openStore({ path: db.path });
    assert.equal((await again.query('SELECT * FROM schema_migrations')).length, 4);
    await again.close();
  } finally {
    db.done();
  }
});

test('three articles from two outlets reporting one event merge into one event', async () => {
  const db = tmpDb();
  try {
    const store = await openStore({ path: db.path });
    const mk = (text: string, url: string, outlet: string) => ({
      article: { url, outlet },
      doc: testDoc({ text, date: '2024-03-04', url, outlet, events: [{ source: 'FRAGOV', target: 'TUR', cameo: '112' }] }),
    });
    const res = await store.addArticles([
      mk(T1, 'https://a.example/1', 'Alpha'),
      mk(T2, 'https://b.example/2', 'Beta'),
    ]);
    assert.deepEqual(res, { added: 2, skipped: 0, events: 2 });
    await store.addArticles([mk(T3, 'https://a.example/3', 'Alpha')]);
    const ev = await store.query<Record<string, unknown>>('SELECT * FROM events');
    assert.equal(ev.length, 1);
    assert.equal(ev[0]!['num_articles'], 3);
    assert.equal(ev[0]!['num_mentions'], 3);
    assert.equal(ev[0]!['num_sources'], 2);
    assert.equal(ev[0]!['source_code'], 'FRAGOV');
    assert.equal(ev[0]!['date'], '2024-03-04');
    assert.equal(ev[0]!['id'], mergedEventId('2024-03-04', 'FRAGOV', 'TUR', '112', 1, ''));
    assert.equal((await store.query('SELECT * FROM mentions')).length, 3);
    const actors = await store.query<{ code: string; name: string }>('SELECT code, name FROM actors ORDER BY code');
    assert.deepEqual(actors.map((a) => a.code), ['FRAGOV', 'TUR']);
    // Stored actors are named after what their code means, not after the mention that produced them.
    assert.equal(actors[0]!.name, 'France: government');
    await store.close();
  } finally {
    db.done();
  }
});

test('re-adding the same articles (same URL or same text) changes nothing', async () => {
  const db = tmpDb();
  try {
    const store = await openStore({ path: db.path });
    const a = { article: { url: 'https://a.example/1', outlet: 'Alpha' }, doc: testDoc({ text: T1, date: '2024-03-04', events: [{ source: 'FRA', target: 'TUR', cameo: '112' }] }) };
    const b = { article: { url: null, outlet: 'Beta' }, doc: testDoc({ text: T2, date: '2024-03-04', events: [{ source: 'FRA', target: 'TUR', cameo: '112' }] }) };
    assert.deepEqual(await store.addArticles([a, b, a]), { added: 2, skipped: 1, events: 2 });
    const before = await store.query('SELECT * FROM events ORDER BY id');
    assert.deepEqual(await store.addArticles([a, b]), { added: 0, skipped: 2, events: 0 });
    // Same text under another URL is the same article (content hash).
    const c = { article: { url: 'https://mirror.example/x', outlet: 'Gamma' }, doc: a.doc };
    assert.deepEqual(await store.addArticles([c]), { added: 0, skipped: 1, events: 0 });
    assert.deepEqual(await store.query('SELECT * FROM events ORDER BY id'), before);
    assert.equal((await store.query('SELECT * FROM articles')).length, 2);
    assert.equal(await store.hasArticle('https://a.example/1'), true);
    assert.equal(await store.hasArticle('https://nowhere.example/'), false);
    await store.close();
  } finally {
    db.done();
  }
});

test('the merge window groups events a few days apart when widened', async () => {
  const db = tmpDb();
  try {
    const store = await openStore({ path: db.path, windowDays: 7 });
    const mk = (text: string, date: string) => ({
      article: { url: null },
      doc: testDoc({ text, date, events: [{ source: 'RUS', target: 'UKR', cameo: '195' }] }),
    });
    // 2024-03-04 and 2024-03-06 fall in the same 7-day bucket (epoch-day buckets).
    await store.addArticles([mk('Russian forces struck Kharkiv.', '2024-03-04'), mk('Russian jets bombed Kharkiv again.', '2024-03-06')]);
    const ev = await store.query<{ num_articles: number }>('SELECT num_articles FROM events');
    assert.deepEqual(ev, [{ num_articles: 2 }]);
    await store.addFailure('x.html', 'no text');
    assert.equal((await store.query('SELECT * FROM failures')).length, 1);
    await store.close();
    // The window is fixed at creation: re-opening keeps it, asking for another is refused.
    const again = await openStore({ path: db.path });
    assert.equal(again.windowDays, 7);
    await again.close();
    await assert.rejects(openStore({ path: db.path, windowDays: 1 }), /7-day windows/);
  } finally {
    db.done();
  }
});

test('counts kept by key over many batches equal a recount from the mentions', async () => {
  const db = tmpDb();
  try {
    const store = await openStore({ path: db.path });
    const outlets = ['Alpha', 'Beta', 'Gamma', null];
    const pairs = [['FRA', 'TUR', '112'], ['RUS', 'UKR', '195'], ['USA', 'CHN', '036']] as const;
    let k = 0;
    for (let batch = 0; batch < 6; batch++) {
      const items = [];
      for (let j = 0; j < 7; j++, k++) {
        const [s, t, c] = pairs[k % pairs.length]!;
        const outlet = outlets[(k * 5 + batch) % outlets.length] ?? null;
        const day = `2024-03-0${1 + (k % 2)}`;
        // Some articles report the same event twice (two mentions, one article).
        const events = k % 4 === 0 ? [{ source: s, target: t, cameo: c }, { source: s, target: t, cameo: c }] : [{ source: s, target: t, cameo: c }];
        const text = `Report ${k}: ${s} and ${t} (${c}) on ${day}.`;
        items.push({ article: { url: `https://news${k % 3}.example/${k}`, outlet }, doc: testDoc({ text, date: day, outlet, events }) });
      }
      await store.addArticles(items);
    }
    const stored = await store.query('SELECT id, num_mentions, num_articles, num_sources FROM events ORDER BY id');
    const recount = await store.query(`
      SELECT event_id AS id, count(*)::INTEGER AS num_mentions, count(DISTINCT article_id)::INTEGER AS num_articles,
             count(DISTINCT coalesce(outlet, article_id))::INTEGER AS num_sources
      FROM mentions GROUP BY event_id ORDER BY event_id`);
    assert.equal(stored.length, 6); // 3 dyads x 2 days
    assert.deepEqual(stored, recount);
    // Articles without an outlet count as their own source.
    assert.ok(stored.some((r) => (r['num_sources'] as number) > 3));
    await store.close();
  } finally {
    db.done();
  }
});

test('migration 3 backfills the outlets of a version-2 store, so old reports still count', async () => {
  const db = tmpDb();
  try {
    // A store as version 2 left it: one event reported by Alpha and Beta.
    const inst = await DuckDBInstance.create(db.path);
    const conn = await inst.connect();
    await conn.run('CREATE TABLE schema_migrations (version INTEGER, applied_at TIMESTAMP)');
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
      for (const sql of m.sql) await conn.run(sql);
      await conn.run(`INSERT INTO schema_migrations VALUES (${m.version}, now()::TIMESTAMP)`);
    }
    await conn.run(`INSERT INTO settings VALUES ('window_days', '1')`);
    const id = mergedEventId('2024-03-04', 'FRA', 'TUR', '112', 1, '');
    await conn.run(`INSERT INTO events (id, date, source_code, target_code, cameo, root, num_mentions, num_sources, num_articles)
      VALUES ('${id}', DATE '2024-03-04', 'FRA', 'TUR', '112', '11', 2, 2, 2)`);
    await conn.run(`INSERT INTO mentions (event_id, article_id, article_event_id, outlet) VALUES
      ('${id}', 'a1', 'e1', 'Alpha'), ('${id}', 'a2', 'e1', 'Beta')`);
    conn.closeSync();
    inst.closeSync();

    const store = await openStore({ path: db.path });
    const v = await store.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(v.map((r) => r.version), [1, 2, 3, 4]);
    assert.equal((await store.query('SELECT * FROM event_outlets')).length, 2);
    // Migration 4 rebuilt mentions without its key: same rows, same columns in the same order,
    // and of the secondary indexes only mentions(article_id) is left.
    assert.equal((await store.query('SELECT * FROM mentions')).length, 2);
    const cols = await store.query<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'mentions' ORDER BY ordinal_position`,
    );
    assert.deepEqual(cols.map((r) => r.c), [
      'event_id', 'article_id', 'article_event_id', 'sentence', 'evidence_start', 'evidence_end', 'evidence_text',
      'rule', 'source_text', 'target_text', 'outlet', 'article_date',
    ]);
    const idx = await store.query<{ n: string }>('SELECT index_name AS n FROM duckdb_indexes() ORDER BY 1');
    assert.deepEqual(idx.map((r) => r.n), ['mentions_article_idx']);
    const keys = await store.query<{ t: string }>(
      `SELECT DISTINCT table_name AS t FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' ORDER BY 1`,
    );
    assert.deepEqual(keys.map((r) => r.t), ['actors', 'articles', 'event_outlets', 'events', 'settings']);
    const mk = (text: string, url: string, outlet: string) => ({
      article: { url, outlet },
      doc: testDoc({ text, date: '2024-03-04', outlet, events: [{ source: 'FRA', target: 'TUR', cameo: '112' }] }),
    });
    // Alpha again: one more article and mention, no new source; then Gamma: a new source.
    await store.addArticles([mk(T1, 'https://a.example/9', 'Alpha')]);
    await store.addArticles([mk(T2, 'https://c.example/1', 'Gamma')]);
    const ev = await store.query('SELECT num_mentions, num_articles, num_sources FROM events');
    assert.deepEqual(ev, [{ num_mentions: 4, num_articles: 4, num_sources: 3 }]);
    await store.close();
  } finally {
    db.done();
  }
});

test('the writer bounds DuckDB memory by its budget plus the indexes, and retries a batch with more room', async () => {
  const db = tmpDb();
  try {
    const limitMB = async (s: { query: typeof store.query }) => {
      const r = await s.query<{ b: number }>(`SELECT current_setting('memory_limit') AS b`);
      const m = /([\d.]+)\s*(MiB|GiB|KiB)/.exec(String(r[0]!.b))!;
      return Number(m[1]) * (m[2] === 'GiB' ? 1024 : m[2] === 'KiB' ? 1 / 1024 : 1);
    };
    let store = await openStore({ path: db.path });
    const fresh = await limitMB(store);
    assert.ok(fresh >= 90 && fresh <= 110, `limit of a fresh store: ${fresh} MiB`);
    await store.close();
    // A 2 MB budget is too small for a batch of large articles: the batch fails, is rolled back,
    // and is written again with 100 MB more, once.
    store = await openStore({ path: db.path, memoryBudgetMB: 2 });
    assert.ok((await limitMB(store)) < 5);
    const big = 'The ministry said talks would resume. '.repeat(4000);
    const items = Array.from({ length: 40 }, (_, i) => ({
      article: { url: `https://big.example/${i}`, outlet: 'Alpha' },
      doc: testDoc({ text: `${i}: France accused Turkey. ${big}`, date: '2024-03-04', events: [{ source: 'FRA', target: 'TUR', cameo: '112' }] }),
    }));
    assert.deepEqual(await store.addArticles(items), { added: 40, skipped: 0, events: 40 });
    assert.ok((await limitMB(store)) > 90); // 2 + 100 MB (DuckDB reports MiB)
    assert.deepEqual(await store.query('SELECT num_articles FROM events'), [{ num_articles: 40 }]);
    await store.close();
    // 0 = DuckDB's default (a share of the machine's RAM).
    store = await openStore({ path: db.path, memoryBudgetMB: 0 });
    assert.ok((await limitMB(store)) > 200);
    await store.close();
  } finally {
    db.done();
  }
});

test('the writer checkpoints every checkpointEvery articles, so the WAL does not grow with the ingest', async () => {
  const db = tmpDb();
  try {
    const walSize = () => (existsSync(db.path + '.wal') ? statSync(db.path + '.wal').size : 0);
    const mk = (i: number) => ({
      article: { url: `https://w.example/${i}`, outlet: 'Alpha' },
      doc: testDoc({ text: `Report ${i}: Russia shelled Ukraine's border villages.`, date: '2024-03-04', events: [{ source: 'RUS', target: 'UKR', cameo: '190' }] }),
    });
    const store = await openStore({ path: db.path, checkpointEvery: 6 });
    await store.addArticles([0, 1, 2].map(mk));
    assert.ok(walSize() > 0, 'three articles wait in the WAL');
    await store.addArticles([3, 4, 5].map(mk));
    assert.equal(walSize(), 0, 'the sixth article triggers a checkpoint');
    await store.addArticles([6].map(mk));
    assert.ok(walSize() > 0);
    assert.deepEqual(await store.query('SELECT num_articles FROM events'), [{ num_articles: 7 }]);
    await store.close();
  } finally {
    db.done();
  }
});

test('stream yields a query in one pass, chunk by chunk, while the store stays usable', async () => {
  const db = tmpDb();
  try {
    const store = await openStore({ path: db.path });
    const items = Array.from({ length: 30 }, (_, i) => ({
      article: { url: `https://s.example/${i}`, outlet: 'Alpha' },
      doc: testDoc({ text: `Item ${i}: Russia shelled Ukraine.`, date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`, events: [{ source: 'RUS', target: 'UKR', cameo: '190' }] }),
    }));
    await store.addArticles(items);
    // 5,000 rows: more than one chunk; a query on the store inside the loop does not wait for the stream.
    const seen: number[] = [];
    let chunks = 0;
    for await (const rows of store.stream<{ i: number }>('SELECT range::INTEGER AS i FROM range(5000) ORDER BY i')) {
      chunks++;
      assert.ok(rows.length <= 2048);
      seen.push(...rows.map((r) => r.i));
      assert.equal((await store.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM articles'))[0]!.n, 30);
    }
    assert.ok(chunks >= 3);
    assert.deepEqual(seen, Array.from({ length: 5000 }, (_, i) => i));
    // The writer's stream reads the store's own tables (not DuckDB's default database).
    const dates: string[] = [];
    for await (const rows of store.stream<{ date: string }>('SELECT date FROM events WHERE date >= $1 ORDER BY date', ['2024-03-27'])) {
      dates.push(...rows.map((r) => r.date));
    }
    assert.deepEqual(dates, ['2024-03-27', '2024-03-28']);
    // Breaking out early releases the stream's connection; the store closes cleanly.
    for await (const rows of store.stream('SELECT * FROM articles')) {
      assert.ok(rows.length > 0);
      break;
    }
    await store.close();
    const ro = await openStore({ path: db.path, readOnly: true });
    let n = 0;
    for await (const rows of ro.stream('SELECT * FROM mentions')) n += rows.length;
    assert.equal(n, 30);
    await ro.close();
  } finally {
    db.done();
  }
});
