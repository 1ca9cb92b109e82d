/**
 * Benchmark of the whole `code` path (clean, tokenise, actors, coreference, quotes, places,
 * events, dates, merge) in one process, on generated news-style articles.
 */
import { generateArticles } from './corpus.js';
import { runPipeline } from '../pipeline.js';
import { getResources } from '../resources.js';
import { findPieces } from '../actors/match.js';
import { median } from './stats.js';
import { entityIndex } from '../model/entities.js';

export interface CodeBench {
  articles: number;
  sentences: number;
  events: number;
  entities: number;
  runs: number;
  /** Medians over the runs. */
  sentencesPerSecond: number;
  articlesPerSecond: number;
  /** Entity recognition alone (dictionary pieces over already tokenised sentences). */
  entitiesPerSecond: number;
  recognitionShare: number;
  loadMs: number;
  peakRssMB: number;
}

export function benchCode(n = 5000, runs = 3): CodeBench {
  const t0 = performance.now();
  const res = getResources();
  runPipeline('Warm-up: France accused Turkey on Wednesday.', { date: '2020-10-07' });
  const loadMs = performance.now() - t0;
  const corpus = [...generateArticles(n, 7)];
  let peak = process.memoryUsage().rss;
  const sps: number[] = [];
  const aps: number[] = [];
  const eps: number[] = [];
  const shares: number[] = [];
  let sentences = 0;
  let events = 0;
  let entities = 0;
  for (let r = 0; r < runs; r++) {
    sentences = 0;
    events = 0;
    entities = 0;
    let recognitionMs = 0;
    let pieces = 0;
    const start = performance.now();
    for (const a of corpus) {
      const doc = runPipeline(a.text, { date: a.date, title: a.title, url: a.url });
      sentences += doc.layers.sentences.length;
      events += doc.layers.events.length;
      entities += entityIndex(doc).entities.length;
      // Time recognition alone on the tokenised document.
      const r0 = performance.now();
      for (let s = 0; s < doc.layers.sentences.length; s++) pieces += findPieces(doc, s, res).length;
      recognitionMs += performance.now() - r0;
      peak = Math.max(peak, process.memoryUsage.rss());
    }
    const seconds = (performance.now() - start - recognitionMs) / 1000;
    sps.push(sentences / seconds);
    aps.push(corpus.length / seconds);
    eps.push(pieces / (recognitionMs / 1000));
    shares.push(recognitionMs / 1000 / seconds);
  }
  return {
    articles: corpus.length,
    sentences,
    events,
    entities,
    runs,
    sentencesPerSecond: median(sps),
    articlesPerSecond: median(aps),
    entitiesPerSecond: median(eps),
    recognitionShare: median(shares),
    loadMs,
    peakRssMB: peak / 1048576,
  };
}
