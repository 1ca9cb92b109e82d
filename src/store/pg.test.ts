/**
 * PostgreSQL-only behaviour of the store, against the real server (a schema per test): concurrent
 * writers merging overlapping reports, the dialect rewrite, migrate from DuckDB, serve while writing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from './index.js';
import { openPgStore, pgTarget } from './pg.js';
import { pgDialect } from './pg-schema.js';
import { testDoc } from './testdocs.js';
import { countsAndRecount, duckTestDb, pgTestDb, pgUnavailable } from './pgtest.js';
import { runCli } from '../cli/main.js';
import { memoryIo } from '../cli/io.js';
import { startServer } from '../serve/server.js';

const skip = await pgUnavailable();

test('pgDialect rewrites arg_min/arg_max with nested arguments and leaves the rest alone', () => {
  assert.equal(pgDialect('SELECT count(*) FROM t'), 'SELECT count(*) FROM t');
  assert.equal(
    pgDialect("SELECT arg_min(m.outlet, a.ingested_at::VARCHAR || coalesce(a.id, 'x,)')) AS o FROM m"),
    "SELECT (array_agg(m.outlet ORDER BY a.ingested_at::VARCHAR || coalesce(a.id, 'x,)') ASC) FILTER (WHERE (a.ingested_at::VARCHAR || coalesce(a.id, 'x,)')) IS NOT NULL))[1] AS o FROM m",
  );
  assert.match(pgDialect('arg_max(name, n), ARG_MIN(x, y)'), /^\(array_agg\(name ORDER BY n DESC\).*\(array_agg\(x ORDER BY y ASC\)/);
});

test('pgTarget keeps the schema out of the connection string and the password out of messages', () => {
  const t = pgTarget('postgres://u:secret@db.example:5432/news?schema=dyad_a&sslmode=disable');
  assert.equal(t.schema, 'dyad_a');
  assert.equal(t.connectionString, 'postgres://u:secret@db.example:5432/news?sslmode=disable');
  assert.ok(!t.label.includes('secret'));
  assert.throws(() => pgTarget('postgres://h/db?schema=Bad-Name'), /lower-case SQL name/);
});

test('an unreachable server is a clear DYAD_E050 naming it', async () => {
  await assert.rejects(openPgStore({ url: 'postgres://nobody:pw@127.0.0.1:1/none' }), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'DYAD_E050');
    assert.match(e.message, /127\.0\.0\.1:1/);
    assert.ok(!e.message.includes(':pw@'));
    return true;
  });
});

const PAIRS = [['FRA', 'TUR', '112'], ['RUS', 'UKR', '195'], ['USA', 'CHN', '036'], ['UKR', 'RUS', '190']] as const;
const OUTLETS = ['Alpha', 'Beta', 'Gamma', 'Delta', null];

/** Article k: one or two reports of a pair of the same few events (so every batch overlaps the others). */
function article(k: number) {
  const [s, t, c] = PAIRS[k % PAIRS.length]!;
  const day = `2024-05-0${1 + (k % 3)}`;
  const outlet = OUTLETS[k % OUTLETS.length] ?? null;
  const events = k % 5 === 0 ? [{ source: s, target: t, cameo: c }, { source: s, target: t, cameo: c }] : [{ source: s, target: t, cameo: c }];
  const text = `Dispatch ${k}: officials said ${s} and ${t} met on ${day} (${c}).`;
  return { article: { url: `https://n${k % 4}.example/story/${k}`, outlet }, doc: testDoc({ text, date: day, outlet, events }) };
}

test('six writers storing overlapping reports at once: counts equal a full recount, no article twice', { skip }, async () => {
  const db = await pgTestDb();
  try {
    const writers = await Promise.all(Array.from({ length: 6 }, () => openStore({ path: db.path })));
    // Each writer stores 8 batches of 10 articles drawn from 120; every article is offered to 3 writers.
    await Promise.all(
      writers.map(async (w, wi) => {
        for (let b = 0; b < 8; b++) {
          const items = Array.from({ length: 10 }, (_, j) => article((wi * 20 + b * 10 + j * 7) % 120));
          await w.addArticles(items);
        }
      }),
    );
    const store = writers[0]!;
    const [a] = await store.query<{ n: number; d: number }>('SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS d FROM articles');
    assert.equal(a!.n, a!.d);
    const offered = new Set<number>();
    for (let wi = 0; wi < 6; wi++) for (let b = 0; b < 8; b++) for (let j = 0; j < 10; j++) offered.add((wi * 20 + b * 10 + j * 7) % 120);
    assert.equal(a!.n, offered.size);
    const { stored, recount } = await countsAndRecount(store);
    assert.equal(stored.length, 12); // 4 pairs x 3 days
    assert.deepEqual(stored, recount);
    const [m] = await store.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM mentions');
    const expected = [...offered].reduce((n, k) => n + (k % 5 === 0 ? 2 : 1), 0);
    assert.equal(m!.n, expected);
    await Promise.all(writers.map((w) => w.close()));
  } finally {
    await db.done();
  }
});

test('dyad migrate copies a DuckDB store into PostgreSQL with equal counts and checksums', { skip }, async () => {
  const duck = duckTestDb();
  const db = await pgTestDb();
  try {
    const src = await openStore({ path: duck.path, windowDays: 2 });
    await src.addArticles(Array.from({ length: 30 }, (_, k) => article(k)));
    await src.addFailure('broken.html', 'no article text');
    await src.close();
    const io = memoryIo();
    assert.equal(await runCli(['migrate', '--from', duck.path, '--to', db.path], io), 0, io.stderr);
    assert.match(io.stdout, /every table has the same rows and checksum/);
    assert.match(io.stdout, /mentions\s+36\s+36\s+([0-9a-f]{16})\s+\1\s+yes/);
    const a = await openStore({ path: duck.path, readOnly: true });
    const b = await openStore({ path: db.path, readOnly: true });
    try {
      assert.equal(b.windowDays, 2);
      const q = 'SELECT * FROM events ORDER BY id';
      assert.deepEqual(await b.query(q), await a.query(q));
      // The shared read queries give the same answers on both (dyad events).
      const ea = memoryIo();
      const eb = memoryIo();
      await runCli(['events', '--db', duck.path, '--format', 'csv'], ea);
      await runCli(['events', '--db', db.path, '--format', 'csv'], eb);
      assert.equal(eb.stdout, ea.stdout);
      assert.ok(ea.stdout.split('\n').length > 5);
    } finally {
      await a.close();
      await b.close();
    }
    // Into a store that already holds articles: refused.
    const again = memoryIo();
    assert.equal(await runCli(['migrate', '--from', duck.path, '--to', db.path], again), 70);
    assert.match(again.stderr, /already holds 30 articles/);
  } finally {
    await duck.done();
    await db.done();
  }
});

test('serve reads a PostgreSQL store while a writer fills it: every answer is consistent and up to date', { skip }, async () => {
  const db = await pgTestDb();
  const writer = await openStore({ path: db.path });
  await writer.addArticles([article(0)]);
  const server = await startServer({ dbPath: db.path, port: 0, log: () => undefined });
  try {
    let writing = true;
    const write = (async () => {
      for (let b = 0; b < 12; b++) await writer.addArticles(Array.from({ length: 10 }, (_, j) => article(1 + b * 10 + j)));
      writing = false;
    })();
    let last = 0;
    let reads = 0;
    while (writing || reads < 3) {
      const h = (await (await fetch(`${server.url}/api/health`)).json()) as { counts: { articles: number; events: number } };
      assert.ok(h.counts.articles >= last, 'counts never go back');
      last = h.counts.articles;
      const r = await fetch(`${server.url}/api/events?limit=5`);
      assert.equal(r.status, 200);
      const o = await fetch(`${server.url}/api/overview`);
      assert.equal(o.status, 200, await o.clone().text());
      reads++;
    }
    await write;
    // Health answers from counts the server refreshes every second: wait for the last commit.
    let h = { counts: { articles: 0 } };
    for (const until = Date.now() + 10_000; h.counts.articles < 121 && Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      h = (await (await fetch(`${server.url}/api/health`)).json()) as { counts: { articles: number } };
    }
    assert.equal(h.counts.articles, 121);
    assert.ok(reads >= 3);
  } finally {
    await server.close();
    await writer.close().catch(() => undefined);
    await db.done();
  }
});
