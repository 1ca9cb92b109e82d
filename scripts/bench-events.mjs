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

/** Median seconds of the coder stages over `prepared` documents. */
function timeCoder(prepared) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const { doc, ctx } of prepared) {
      doc.events = [];
      doc.rejected = [];
      for (const stage of PIPELINE) if (CODER.has(stage.name)) stage.run(doc, ctx);
    }
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

const date = articles[0].date;
const joined = articles.map((a) => `${a.title}\n\n${a.text}`).join('\n\n');
const short = articles.map((a) => prepare(`${a.title}\n\n${a.text}`, a.date));
const one = [prepare(joined, date)];
const long = [prepare(Array.from({ length: repeat }, () => joined).join('\n\n'), date)];
const count = (p) => p.reduce((n, x) => n + x.doc.sentences.length, 0);
timeCoder(short); // warm-up: JIT, word lists, date parser
const rows = [
  ['short articles', short],
  ['joined 1×', one],
  [`joined ${repeat}×`, long],
].map(([name, p]) => {
  const secs = timeCoder(p);
  return { name, sentences: count(p), rate: count(p) / secs };
});
for (const r of rows) console.log(`${r.name.padEnd(16)} ${String(r.sentences).padStart(7)} sentences  ${r.rate.toFixed(0).padStart(8)} sentences/s (coder, median of ${runs})`);
console.log(`per-sentence cost ${repeat}× / 1×: ${(rows[1].rate / rows[2].rate).toFixed(2)}   ${repeat}× / short: ${(rows[0].rate / rows[2].rate).toFixed(2)}`);
