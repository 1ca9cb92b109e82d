/**
 * Issue #17, findings 1 and 6: bounded coder work (a per-sentence limit, a per-document time
 * budget after which the batch goes on) and commits on a timer (a slow last input does not hold
 * back the articles before it). Fast form under `npm test`; `npm run test:hostile` uses the
 * issue's sizes (an 80 KB sentence, a 10 MB document).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSync } from '../index.js';
import { openStore, type Store } from '../store/index.js';
import { ingest, type IngestStats } from './ingest.js';
import { generateArticles } from '../bench/corpus.js';
import { hostileSize } from './hostile.js';
import type { Job, SourceItem } from './types.js';

const PAIRS = [['France', 'Turkey'], ['Egypt', 'Sudan'], ['Japan', 'China'], ['Kenya', 'Somalia'], ['Chile', 'Peru'], ['Spain', 'Morocco'], ['India', 'Pakistan'], ['Brazil', 'Argentina'], ['Poland', 'Belarus'], ['Greece', 'Turkey'], ['Iran', 'Iraq']];

function job(i: number, text?: string): Job {
  const [a, b] = PAIRS[i % PAIRS.length]!;
  return {
    source: `mem:${i}`,
    url: `https://wire.example/hostile/${i}`,
    title: null,
    date: '2024-03-12',
    outlet: null,
    text: text ?? `${a} accused ${b} on Tuesday of violating the border agreement, the ministry said (report ${i}). ${b} denied it.`,
    rawHash: `hostile-${i}-${text?.length ?? 0}`,
  };
}

/** Generated news articles joined into one document of about `bytes` characters. */
function longDocument(bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  for (const a of generateArticles(1_000_000, 17)) {
    parts.push(a.text);
    n += a.text.length + 2;
    if (n >= bytes) break;
  }
  return parts.join('\n\n');
}

async function articles(store: Store): Promise<number> {
  const r = await store.query<{ n: bigint | number }>('SELECT count(*) AS n FROM articles');
  return Number(r[0]!.n);
}

test('finding 1: one long "sentence" with no full stop is split, recorded, and coded in bounded time', () => {
  const size = hostileSize(20_000, 80_000);
  const clause = 'Turkey accused France of meddling in the region, Russia criticised Germany over the pipeline, and officials in Ankara said ';
  const text = 'Talks stall\n\n' + clause.repeat(Math.ceil(size / clause.length));
  codeSync('France accused Turkey on Tuesday.', { date: '2024-01-01' }); // load the resources first
  const t0 = Date.now();
  const coded = codeSync(text, { date: '2024-01-01' });
  const s = (Date.now() - t0) / 1000;
  console.log(`# one ${(text.length / 1000).toFixed(0)} KB sentence: ${s.toFixed(1)} s, ${coded.sentences.length} sentences`);
  const split = coded.document.dropped.filter((d) => d.kind === 'split-sentence');
  assert.equal(split.length, 1);
  assert.match(split[0]!.text, /^Turkey accused France of meddling.*\(\d+ tokens, \d+ characters: coded as \d+ pieces of at most 120 tokens\)$/);
  assert.ok(coded.sentences.length > size / 1000, `${coded.sentences.length} sentences`);
  // Every piece is coded: the accusation is found in the last one too.
  const last = coded.sentences[coded.sentences.length - 1]!.index;
  const accuse = coded.events.find((e) => e.source?.code === 'TUR' && e.target?.code === 'FRA' && e.root === '11');
  assert.ok(accuse?.sentences?.includes(last), JSON.stringify(accuse?.sentences));
  assert.ok(s < 120, `took ${s} s`); // was 34 s at 40 KB, cubic; generous bound only
});

test('finding 1: a document over its time budget is a failure row with the reason, and the batch goes on', async () => {
  const store = await openStore({ path: ':memory:' });
  try {
    const long = longDocument(hostileSize(1 << 20, 10 << 20));
    const budget = hostileSize(1_000, 5_000);
    const progress: Array<[number, number]> = [];
    async function* items(): AsyncGenerator<SourceItem> {
      for (let i = 0; i < 4; i++) yield { kind: 'job', job: job(i) };
      yield { kind: 'job', job: job(100, long) };
      for (let i = 4; i < 7; i++) yield { kind: 'job', job: job(i) };
    }
    const t0 = Date.now();
    const stats = await ingest(items(), {
      store,
      workers: 1,
      docTimeoutMs: budget,
      flushMs: 200,
      onProgress: (s: IngestStats) => progress.push([s.added, s.failed]),
    });
    console.log(`# ${(long.length / 2 ** 20).toFixed(1)} MB document, ${budget / 1000} s budget: run took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.equal(stats.added, 7);
    assert.equal(stats.failed, 1);
    const rows = await store.query<{ source: string; reason: string }>('SELECT source, reason FROM failures');
    assert.deepEqual(rows.map((r) => r.source), ['mem:100']);
    assert.match(rows[0]!.reason, new RegExp(`^coding took longer than ${budget / 1000} s \\(the per-document time budget, --doc-timeout\\)`));
    // The four articles coded before the long one were committed while it was still being coded.
    assert.ok(progress.some(([added, failed]) => added === 4 && failed === 0), JSON.stringify(progress));
    assert.equal(await articles(store), 7);
  } finally {
    await store.close();
  }
});

test('finding 6: the writer commits on its timer while the next input is slow to come', async () => {
  const store = await openStore({ path: ':memory:' });
  try {
    let seenBeforeLast = -1;
    async function* items(): AsyncGenerator<SourceItem> {
      for (let i = 0; i < 10; i++) yield { kind: 'job', job: job(i) };
      // A slow last input: it arrives only once the ten before it are stored (or after 60 s).
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && (await articles(store)) < 10) await new Promise((r) => setTimeout(r, 50));
      seenBeforeLast = await articles(store);
      yield { kind: 'job', job: job(10) };
    }
    const stats = await ingest(items(), { store, workers: 0, flushMs: 200, batchSize: 200 });
    assert.equal(seenBeforeLast, 10, 'the coded articles waited for the last input');
    assert.equal(stats.added, 11);
  } finally {
    await store.close();
  }
});
