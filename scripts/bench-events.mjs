#!/usr/bin/env node
/* global process, URL, performance, console */
/**
 * Scaling of the event coder: sentences per second of `events.code` + `events.merge` alone on
 * the sample articles one by one (short), on all of them joined into one document (1×) and on that
 * document repeated 20× (20×), with the ratio of per-sentence cost 20× / 1×. The stages before the
 * coder run once per document, untimed. Usage: node scripts/bench-events.mjs [distDir] [--runs=N]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 20);
const { PIPELINE } = await import(pathToFileURL(dist + '/pipeline.js').href);
const { getResources } = await import(pathToFileURL(dist + '/resources.js').href);
const { emptyDoc } = await import(pathToFileURL(dist + '/model/document.js').href);

const articles = readFileSync(new URL('../data/sample/articles.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const resources = getResources({});
const CODER = new Set(['events.code', 'events.merge']);

/** The document after every stage before the coder. */
function prepare(text, date) {
  const doc = emptyDoc({ url: null, outlet: null, date, language: 'en' });
  const ctx = { date, resources, raw: text, title: null, detectTitle: true };
  for (const stage of PIPELINE) {
    if (CODER.has(stage.name)) break;
    stage.run(doc, ctx);
  }
  return { doc, ctx };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Seconds to run the coder stages over `prepared` documents `times` times. */
function timeCoder(prepared, times = 1) {
  const t0 = performance.now();
  for (let k = 0; k < times; k++) {
    for (const { doc, ctx } of prepared) {
      doc.events = [];
      doc.rejected = [];
      for (const stage of PIPELINE) if (CODER.has(stage.name)) stage.run(doc, ctx);
    }
  }
  return (performance.now() - t0) / 1000;
}

const date = articles[0].date;
const joined = articles.map((a) => `${a.title}\n\n${a.text}`).join('\n\n');
const sets = [
  { name: 'short articles', prepared: articles.map((a) => prepare(`${a.title}\n\n${a.text}`, a.date)), times: repeat },
  { name: 'joined 1×', prepared: [prepare(joined, date)], times: repeat },
  { name: `joined ${repeat}×`, prepared: [prepare(Array.from({ length: repeat }, () => joined).join('\n\n'), date)], times: 1 },
];
timeCoder(sets[0].prepared); // warm-up: JIT, word lists, date parser
// Runs interleave the three sets, so that load from other processes falls on all of them alike;
// the short sets are coded `repeat` times per run, the same number of sentences as the long one.
const secs = sets.map(() => []);
for (let r = 0; r < runs; r++) sets.forEach((set, i) => secs[i].push(timeCoder(set.prepared, set.times)));
const rows = sets.map((set, i) => {
  const sentences = set.prepared.reduce((n, x) => n + x.doc.sentences.length, 0) * set.times;
  return { name: set.name, sentences, rate: sentences / median(secs[i]) };
});
for (const r of rows) console.log(`${r.name.padEnd(16)} ${String(r.sentences).padStart(7)} sentences coded per run  ${r.rate.toFixed(0).padStart(8)} sentences/s (coder, median of ${runs})`);
console.log(`per-sentence cost ${repeat}× / 1×: ${(rows[1].rate / rows[2].rate).toFixed(2)}   ${repeat}× / short: ${(rows[0].rate / rows[2].rate).toFixed(2)}`);
