import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/index.js';
import { ingest } from './ingest.js';
import { readPath } from './files.js';
import { generateArticles } from '../bench/corpus.js';

const BIN = fileURLToPath(new URL('../../bin/dyad', import.meta.url));

function tmp(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const GOOD_1 = `Turkey condemns French statement

Turkey condemned France on Tuesday over a statement by the French foreign minister on the Aegean.

The Turkish Foreign Ministry said the remarks were unacceptable. French officials did not comment.`;

const GOOD_HTML = `<!doctype html><html><head><title>Armenia and Azerbaijan meet</title>
<link rel="canonical" href="https://news.example/2024/03/armenia-azerbaijan">
<meta property="article:published_time" content="2024-03-12T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Armenia and Azerbaijan meet</h1>
<p>Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun Bayramov in Almaty on Tuesday.</p>
<p>The two ministers agreed to continue talks on a peace treaty. Kazakhstan hosted the meeting.</p>
<p>The European Union welcomed the talks and praised both governments for their efforts.</p></article>
<footer>© 2024 News</footer></body></html>`;

async function snapshot(path: string): Promise<string> {
  const store = await openStore({ path, readOnly: true });
  try {
    const rows = [
      await store.query('SELECT id, content_hash, num_events FROM articles ORDER BY id'),
      await store.query('SELECT id, num_mentions, num_articles, num_sources FROM events ORDER BY id'),
      await store.query('SELECT event_id, article_id, article_event_id FROM mentions ORDER BY ALL'),
    ];
    return JSON.stringify(rows);
  } finally {
    await store.close();
  }
}

test('a corpus with broken, empty, binary, oversize and undecodable files: failures recorded, the rest ingested, re-run adds nothing', async () => {
  const t = tmp();
  try {
    const src = join(t.dir, 'corpus');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'good.txt'), GOOD_1);
    writeFileSync(join(src, 'sub', 'page.html'), GOOD_HTML);
    writeFileSync(join(src, 'good.jsonl.gz'), gzipSync(
      JSON.stringify({ url: 'https://wire.example/a', title: 'Russia and Ukraine exchange prisoners', date: '2024-04-05', outlet: 'Wire', text: 'Russia and Ukraine exchanged prisoners of war on Friday. The United Arab Emirates mediated the exchange.' }) +
        '\n{"url": "https://wire.example/broken", "text": \n' +
        JSON.stringify({ url: 'https://wire.example/notext', title: 'No body' }) + '\n',
    ));
    writeFileSync(join(src, 'empty.txt'), '');
    writeFileSync(join(src, 'blank.html'), '<html><body><nav>Home</nav></body></html>');
    writeFileSync(join(src, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(src, 'latin1.txt'), Buffer.from('Le pr\xe9sident fran\xe7ais a rencontr\xe9 le ministre turc \xe0 Ankara.', 'latin1'));
    writeFileSync(join(src, 'huge.txt'), Buffer.alloc(21 * 1024 * 1024, 'a'));
    writeFileSync(join(src, 'ignored.pdf'), 'not read: unsupported extension inside a directory');

    const db = join(t.dir, 'store.duckdb');
    const store = await openStore({ path: db });
    const stats = await ingest(readPath(src), { store, workers: 0, batchSize: 2 });
    assert.equal(stats.added, 3, JSON.stringify(stats));
    assert.equal(stats.failed, 7);
    const failures = await store.query<{ source: string; reason: string }>('SELECT source, reason FROM failures ORDER BY source');
    const by = (suffix: string) => failures.find((f) => f.source.endsWith(suffix))?.reason ?? '(none)';
    assert.match(by('empty.txt'), /empty/);
    assert.match(by('blank.html'), /no article text/);
    assert.match(by('binary.txt'), /binary/);
    assert.match(by('latin1.txt'), /UTF-8|encoding/);
    assert.match(by('huge.txt'), /too large/);
    assert.match(by('good.jsonl.gz:2'), /bad JSON/);
    assert.match(by('good.jsonl.gz:3'), /no text/);
    const arts = await store.query<{ url: string | null; canonical_url: string | null; date: string | null }>(
      'SELECT url, canonical_url, date FROM articles ORDER BY source',
    );
    assert.ok(arts.some((a) => a.canonical_url === 'https://news.example/2024/03/armenia-azerbaijan' && a.date === '2024-03-12'));
    assert.ok(arts.some((a) => a.url === 'https://wire.example/a' && a.date === '2024-04-05'));
    await store.close();

    const before = await snapshot(db);
    const again = await openStore({ path: db });
    const stats2 = await ingest(readPath(src), { store: again, workers: 0 });
    await again.close();
    assert.equal(stats2.added, 0);
    assert.equal(stats2.skipped, 3);
    assert.equal(await snapshot(db), before);
  } finally {
    t.done();
  }
});

test('killed mid-ingest, a re-run finishes with no duplicate and no loss', async () => {
  const t = tmp();
  try {
    const corpus = join(t.dir, 'corpus.jsonl');
    const n = 120;
    writeFileSync(corpus, [...generateArticles(n, 42)].map((a) => JSON.stringify(a)).join('\n') + '\n');
    const db = join(t.dir, 'store.duckdb');
    const args = [BIN, 'ingest', corpus, '--db', db, '--workers', '0', '--batch', '10'];

    // First run: kill it as soon as the first batch is committed.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let killedEarly = false;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (!killedEarly && /committed batch 1:/.test(err)) {
        killedEarly = true;
        child.kill('SIGKILL');
      }
    });
    const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    assert.ok(killedEarly, `the child finished before it could be killed: ${err}`);
    assert.equal(code, null);

    const mid = await openStore({ path: db, readOnly: true });
    const [{ n: partial }] = (await mid.query<{ n: number }>('SELECT count(*) AS n FROM articles')) as [{ n: number }];
    await mid.close();
    assert.ok(partial >= 1 && partial < n, `partial=${partial}`);

    // Second run: finishes the job.
    const out = await new Promise<string>((res, rej) => {
      const c2 = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let o = '';
      c2.stdout.on('data', (d: Buffer) => (o += d.toString()));
      c2.on('exit', (c) => (c === 0 ? res(o) : rej(new Error(`exit ${c}`))));
    });
    assert.match(out, new RegExp(`ingested ${n - partial} articles .*; ${partial} already stored, 0 failed`));

    const store = await openStore({ path: db, readOnly: true });
    const q = async (sql: string) => Number(Object.values((await store.query(sql))[0]!)[0]);
    assert.equal(await q('SELECT count(*) FROM articles'), n);
    assert.equal(await q('SELECT count(DISTINCT url) FROM articles'), n);
    // Every article's events are in mentions exactly once, and event counts agree with mentions.
    assert.equal(await q('SELECT sum(num_events) FROM articles'), await q('SELECT count(*) FROM mentions'));
    assert.equal(await q('SELECT sum(num_mentions) FROM events'), await q('SELECT count(*) FROM mentions'));
    assert.equal(
      await q(`SELECT count(*) FROM events e WHERE num_articles <> (SELECT count(DISTINCT article_id) FROM mentions m WHERE m.event_id = e.id)`),
      0,
    );
    assert.equal(
      await q(
        `SELECT count(*) FROM events e WHERE num_sources <> (SELECT count(DISTINCT coalesce(outlet, article_id)) FROM mentions m WHERE m.event_id = e.id)`,
      ),
      0,
    );
    assert.equal(await q('SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)'), 0);
    await store.close();
  } finally {
    t.done();
  }
});

test('dyad ingest accepts --store-memory and refuses a bad value with a clear error', async () => {
  const t = tmp();
  try {
    const file = join(t.dir, 'a.txt');
    writeFileSync(file, GOOD_1);
    const db = join(t.dir, 's.duckdb');
    const runBin = (extra: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((res) => {
        const c = spawn(process.execPath, [BIN, 'ingest', file, '--db', db, '--workers', '0', '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.stderr.on('data', (d: Buffer) => (err += d.toString()));
        c.on('exit', (code) => res({ code, out, err }));
      });
    const bad = await runBin(['--store-memory', 'lots']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /--store-memory: expected an integer >= 0, got 'lots'/);
    assert.doesNotMatch(bad.err, /at .*\.js:\d+/);
    const ok = await runBin(['--store-memory', '50']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /ingested 1 article /);
  } finally {
    t.done();
  }
});
