/**
 * `npm run bench`: prints speed and memory figures (medians of several runs; machines are noisy,
 * so compare ratios, not absolute numbers). `--only=code,long,extraction,places,ingest,syntax,serve,cluster,serve-load`
 * (serve-load is not in the default run: it needs a 1M-event store and a minute of load).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCode } from './code.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
  const want = (name: string) => only === null || only.has(name);
  if (want('code')) {
    const b = benchCode(Number(process.env['DYAD_BENCH_ARTICLES'] ?? 5000), 3);
    console.log(`code path (one process, ${b.articles} generated articles, ${b.sentences} sentences, median of ${b.runs} runs)`);
    console.log(`  ${b.sentencesPerSecond.toFixed(0)} sentences/s, ${b.articlesPerSecond.toFixed(0)} articles/s, ${b.events} events, ${b.entities} entities`);
    console.log(`  entity recognition alone: ${b.entitiesPerSecond.toFixed(0)} entities/s (${(100 * b.recognitionShare).toFixed(1)}% of the code path)`);
    console.log(`  resources load ${b.loadMs.toFixed(0)} ms, peak RSS ${b.peakRssMB.toFixed(0)} MB`);
    console.log('');
  }
  if (want('long')) {
    const { benchLongDocument } = await import('./code.js');
    const l = benchLongDocument(20, 3);
    console.log(`long document (data/sample articles as one document, ${l.shortSentences} sentences, and ${l.times}x: ${l.longSentences} sentences; median of 3 runs)`);
    console.log(`  1x ${l.shortSentencesPerSecond.toFixed(0)} sentences/s, ${l.times}x ${l.longSentencesPerSecond.toFixed(0)} sentences/s, cost per sentence ratio ${l.ratio.toFixed(2)} (target <= 1.3)`);
    console.log(`  per stage (ratio, share of the long run): ${l.stageRatios.map((s) => `${s.stage} ${s.ratio.toFixed(2)} (${(100 * s.longShare).toFixed(0)}%)`).join(', ')}`);
    console.log('');
  }
  if (want('extraction')) {
    const { benchExtraction } = await import('./extraction.js');
    const e = await benchExtraction();
    console.log(`HTML extraction: ${e.pagesPerSecond.toFixed(0)} pages/s (median ${e.medianMsPerPage.toFixed(1)} ms/page)`);
    console.log('');
  }
  if (want('places')) {
    const { benchPlaces } = await import('./places.js');
    const p = await benchPlaces();
    console.log(`places: ${p.toponymsPerSecond.toFixed(0)} toponyms/s, ${p.docsPerSecond.toFixed(0)} docs/s, gazetteer load ${p.loadMs.toFixed(0)} ms, heap ${p.heapMB.toFixed(0)} MB`);
    console.log('');
  }
  if (want('ingest')) {
    const { benchIngest } = await import('./ingest.js');
    const runs = [];
    for (const n of [5000, 20000]) {
      const r = await benchIngest(n);
      runs.push(r);
      console.log(
        `ingest ${r.articles} articles into DuckDB (all cores): ${r.articlesPerSecond.toFixed(0)} articles/s, ${r.events} events, ` +
          `${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMB.toFixed(0)} MB, median RSS ${r.medianRssMB.toFixed(0)} MB`,
      );
    }
    const [small, large] = runs;
    if (small && large) {
      // Flat memory means these stay near 1.0 while the corpus grows four times.
      console.log(
        `ingest memory, ${large.articles} vs ${small.articles} articles: peak x${(large.peakRssMB / small.peakRssMB).toFixed(2)}, ` +
          `median x${(large.medianRssMB / small.medianRssMB).toFixed(2)}`,
      );
    }
    console.log('');
  }
  if (want('syntax')) {
    const { benchSyntax } = await import('./syntax.js');
    const { sharedDir } = await import('../eval/main.js');
    const b = benchSyntax(sharedDir());
    console.log(`dependency parser on real news text (${b.texts} texts, ${b.sentences} sentences, ${b.tokens} tokens, best of 3; model load ${b.loadMs.toFixed(0)} ms)`);
    console.log(`  wink-nlp tokenising and tagging: ${b.taggingSentencesPerSecond.toFixed(0)} sentences/s; parsing its tokens: ${b.parsingSentencesPerSecond.toFixed(0)} sentences/s; parse/tag time x${b.ratio.toFixed(2)}`);
    console.log('');
  }
  if (want('serve')) {
    const { benchServe } = await import('./serve.js');
    const s = await benchServe();
    console.log(`dashboard overview over ${s.events} stored events: ${s.overviewMs.toFixed(0)} ms (median)`);
  }
  if (only?.has('serve-load')) {
    const { benchServeLoad, printServeLoad } = await import('./serveLoad.js');
    const n = Number(process.env['DYAD_BENCH_EVENTS'] ?? 1_000_000);
    printServeLoad(await benchServeLoad(n, 64, Number(process.env['DYAD_BENCH_SECONDS'] ?? 8)));
  }
  if (want('cluster')) {
    const { benchCluster, printCluster } = await import('./cluster.js');
    printCluster(await benchCluster(Number(process.env['DYAD_BENCH_CLUSTER_ARTICLES'] ?? 600)));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error('bench: ' + (e instanceof Error ? e.message : String(e)));
    process.exitCode = 1;
  });
}
