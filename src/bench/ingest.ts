/**
 * End-to-end ingestion benchmark: n generated articles → JSONL file → `ingest` with all cores →
 * a temporary DuckDB store. Reports throughput and peak RSS (sampled, main thread + workers share
 * one process so RSS covers all of them).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { openStore } from '../store/index.js';
import { ingest } from '../ingest/ingest.js';
import { readPath } from '../ingest/files.js';
import { generateArticles } from './corpus.js';
import { median } from './stats.js';

export interface IngestBenchResult {
  articles: number;
  articlesPerSecond: number;
  events: number;
  peakRssMB: number;
  /** Median of the RSS samples taken every 100 ms during the ingest (the level between spikes). */
  medianRssMB: number;
  seconds: number;
}

async function writeCorpus(path: string, n: number, seed: number): Promise<void> {
  const ws = createWriteStream(path);
  for (const a of generateArticles(n, seed)) {
    if (!ws.write(JSON.stringify(a) + '\n')) await once(ws, 'drain');
  }
  ws.end();
  await once(ws, 'finish');
}

export async function benchIngest(n: number, opts: { workers?: number; seed?: number; gcEvery?: number } = {}): Promise<IngestBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  try {
    const corpus = join(dir, 'corpus.jsonl');
    await writeCorpus(corpus, n, opts.seed ?? 7);
    const store = await openStore({ path: join(dir, 'bench.duckdb') });
    let peak = process.memoryUsage().rss;
    let windowPeak = peak;
    const samples: number[] = [];
    let windowSamples: number[] = [];
    const timer = setInterval(() => {
      const rss = process.memoryUsage.rss();
      samples.push(rss);
      windowSamples.push(rss);
      peak = Math.max(peak, rss);
      windowPeak = Math.max(windowPeak, rss);
    }, 100);
    const t0 = process.hrtime.bigint();
    let stats;
    try {
      let next = 2000;
      stats = await ingest(readPath(corpus), {
        store,
        workers: opts.workers ?? availableParallelism(),
        ...(opts.gcEvery === undefined ? {} : { gcEvery: opts.gcEvery }),
        onProgress: (s) => {
          if (process.env['DYAD_BENCH_TRACE'] && s.added >= next) {
            next += 2000;
            const mu = process.memoryUsage();
            const mb = (x: number) => Math.round(x / 1e6);
            const wp = windowPeak;
            windowPeak = mu.rss;
            const wm = windowSamples.length ? median(windowSamples) : mu.rss;
            windowSamples = [];
            void store
              .query<{ m: number }>('SELECT sum(memory_usage_bytes)::DOUBLE AS m FROM duckdb_memory()')
              .then((r) =>
                process.stderr.write(
                  `  ${s.added} articles, ${s.seconds.toFixed(1)} s: rss ${mb(mu.rss)} MB (since last: median ${mb(wm)}, peak ${mb(wp)}), ` +
                    `main heap ${mb(mu.heapUsed)}/${mb(mu.heapTotal)} MB, external ${mb(mu.external)} MB, duckdb ${mb(r[0]?.m ?? 0)} MB\n`,
                ),
              );
          }
        },
      });
    } finally {
      clearInterval(timer);
      const before = process.memoryUsage.rss();
      await store.close();
      if (process.env['DYAD_BENCH_TRACE']) {
        const mb = (x: number) => Math.round(x / 1e6);
        process.stderr.write(`  peak during ingest ${mb(peak)} MB; rss ${mb(before)} MB before closing the store, ${mb(process.memoryUsage.rss())} MB after its final checkpoint\n`);
      }
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      articles: stats.added,
      articlesPerSecond: Math.round((stats.added / seconds) * 10) / 10,
      events: stats.events,
      peakRssMB: Math.round(peak / 1e6),
      medianRssMB: Math.round((samples.length ? median(samples) : peak) / 1e6),
      seconds: Math.round(seconds * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/bench/ingest.js 5000 20000`: run and print each size
// (`DYAD_BENCH_GC_EVERY=0` turns the workers' periodic collection off, for comparison).
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  for (const n of sizes.length ? sizes : [1000]) {
    const gc = process.env['DYAD_BENCH_GC_EVERY'];
    const r = await benchIngest(n, gc === undefined ? {} : { gcEvery: Number(gc) });
    process.stdout.write(`ingest ${n}: ${JSON.stringify(r)}\n`);
  }
}
