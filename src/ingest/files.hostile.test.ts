/**
 * Issue #17, findings 3 and 8: readers that never crash, failure rows batched, capped and written
 * once. Fast form under `npm test`; `npm run test:hostile` uses the sizes (a gzip expanding
 * to 2 GiB with no newline, 524,288 bad lines).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createGzip, gzipSync } from 'node:zlib';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { ingest } from './ingest.js';
import { sourceItems } from './sources.js';
import { hostileSize } from './hostile.js';

function tmp(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-hostile-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const COUNTRIES = ['France', 'Turkey', 'Germany', 'Russia', 'Egypt', 'Brazil', 'Japan', 'Kenya', 'Chile', 'Spain', 'Italy', 'India', 'Peru'];

/** `n` small, distinct news records (one line of JSON each). */
function goodLines(n: number, tag: string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = COUNTRIES[i % COUNTRIES.length]!;
    const b = COUNTRIES[(i + 3) % COUNTRIES.length]!;
    out.push(JSON.stringify({
      url: `https://wire.example/${tag}/${i}`,
      date: '2024-05-0' + (1 + (i % 9)),
      text: `${a} accused ${b} on Tuesday of violating the ceasefire agreement (${tag} report ${i}). Officials in ${b} denied the claim.`,
    }));
  }
  return out.join('\n') + '\n';
}

/** A gzip file whose content is one JSON line of `bytes` bytes (no newline until its end), then `tail`. */
async function gzipBomb(path: string, bytes: number, tail: string): Promise<void> {
  const gz = createGzip({ level: 1 });
  const out = gz.pipe(createWriteStream(path));
  const chunk = Buffer.alloc(1 << 20, 'a');
  gz.write('{"text": "');
  for (let n = 0; n < bytes; n += chunk.length) {
    if (!gz.write(n + chunk.length <= bytes ? chunk : chunk.subarray(0, bytes - n))) await once(gz, 'drain');
  }
  gz.end(`"}\n${tail}`);
  await once(out, 'finish');
}

test('finding 3: a .jsonl.gz expanding to a huge line with no newline is a failure row; good documents before and after it are stored', async () => {
  const t = tmp();
  try {
    const size = hostileSize(48 * 2 ** 20, 2 * 2 ** 30);
    const maxRecordBytes = hostileSize(2 ** 20, undefined);
    const good = join(t.dir, 'a-good.jsonl');
    writeFileSync(good, goodLines(12, 'before'));
    const bomb = join(t.dir, 'b-bomb.jsonl.gz');
    await gzipBomb(bomb, size, goodLines(1, 'after'));
    const store = await openStore({ path: ':memory:' });
    try {
      const t0 = Date.now();
      const stats = await ingest(sourceItems([good, bomb], [], { read: maxRecordBytes === undefined ? {} : { maxRecordBytes } }), { store, workers: 0 });
      console.log(`# ${(size / 2 ** 20).toFixed(0)} MiB line without a newline: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      assert.equal(stats.added, 13);
      assert.equal(stats.failed, 1);
      const rows = await store.query<{ source: string; reason: string }>('SELECT source, reason FROM failures');
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.source, `${bomb}:1`);
      assert.match(rows[0]!.reason, /^record larger than \d+ bytes \(\d+ bytes, skipped\)$/);
      const urls = await store.query<{ url: string }>('SELECT url FROM articles ORDER BY url');
      assert.ok(urls.some((u) => u.url === 'https://wire.example/after/0'), 'the record after the huge line was not stored');
    } finally {
      await store.close();
    }
  } finally {
    t.done();
  }
});

test('finding 3: dyad ingest on a huge line prints no stack trace and stores the good documents', async () => {
  const t = tmp();
  try {
    const { runCli } = await import('../cli/main.js');
    const { memoryIo } = await import('../cli/io.js');
    const good = join(t.dir, 'good.jsonl');
    writeFileSync(good, goodLines(3, 'cli'));
    // Under the default record limit (20 MB) in the fast form: the reader must still stream it.
    const bomb = join(t.dir, 'bomb.jsonl.gz');
    await gzipBomb(bomb, hostileSize(24 * 2 ** 20, 2 * 2 ** 30), '');
    const db = join(t.dir, 'h.duckdb');
    const io = memoryIo();
    const code = await runCli(['ingest', good, bomb, '--db', db, '--workers', '0', '--quiet'], io);
    assert.equal(code, 0, io.stderr);
    assert.doesNotMatch(io.stderr, /RangeError|\n\s+at /);
    assert.match(io.stdout, /ingested 3 articles .*1 failed/);
  } finally {
    t.done();
  }
});

test('finding 8: a flood of bad lines writes a capped, counted set of failure rows, and a re-run adds none', async () => {
  const t = tmp();
  try {
    const n = hostileSize(60_000, 524_288);
    const flood = join(t.dir, 'flood.jsonl.gz');
    writeFileSync(flood, gzipSync(Buffer.from('x\n'.repeat(n)), { level: 9 }));
    const good = join(t.dir, 'good.jsonl');
    writeFileSync(good, goodLines(2, 'flood') + '{"url": "https://wire.example/bad", "text": \n' + '{"title": "no text"}\n');
    const db = join(t.dir, 'f.duckdb');
    const run = async () => {
      const store = await openStore({ path: db });
      try {
        const t0 = Date.now();
        const stats = await ingest(sourceItems([flood, good], []), { store, workers: 0 });
        const rows = await store.query<{ source: string; reason: string }>('SELECT source, reason FROM failures ORDER BY source');
        return { stats, rows, s: (Date.now() - t0) / 1000 };
      } finally {
        await store.close();
      }
    };
    const first = await run();
    console.log(`# ${n.toLocaleString('en-US')} bad lines: ${first.s.toFixed(1)} s, ${first.rows.length} failure rows`);
    assert.equal(first.stats.failed, n + 2);
    assert.equal(first.stats.added, 2);
    const fromFlood = first.rows.filter((r) => r.source.startsWith(flood));
    assert.equal(fromFlood.length, 101);
    const more = n - 100;
    assert.ok(
      fromFlood.some((r) => r.source === flood && r.reason === `… and ${more.toLocaleString('en-US')} more bad lines (not recorded one by one)`),
      JSON.stringify(fromFlood.filter((r) => r.source === flood)),
    );
    assert.equal(first.rows.filter((r) => r.source.startsWith(good)).length, 2);
    const second = await run();
    assert.equal(second.stats.added, 0);
    assert.equal(second.rows.length, first.rows.length, 're-running the ingest duplicated failure rows');
  } finally {
    t.done();
  }
});
