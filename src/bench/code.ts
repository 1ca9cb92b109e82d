/**
 * Benchmark of the whole `code` path (clean, tokenise, actors, coreference, quotes, places,
 * events, dates, merge) in one process, on generated news-style articles; and the long-document
 * row: the shipped sample articles as one document at 1× and 20× length (linear time).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

export interface LongDocBench {
  /** Sentences of the 1× document and of the long one. */
  shortSentences: number;
  longSentences: number;
  times: number;
  /** Medians over the runs. */
  shortSentencesPerSecond: number;
  longSentencesPerSecond: number;
  /** Cost per sentence on the long document over that on the short one (1.0 = linear). */
  ratio: number;
  /** Per stage: cost per sentence on the long document over that on the short one. */
  stageRatios: Array<{ stage: string; ratio: number; longShare: number }>;
}

/** The shipped sample articles (data/sample/articles.jsonl) as one document, one paragraph each. */
export function sampleDocument(): { text: string; date: string } {
  const file = fileURLToPath(new URL('../../data/sample/articles.jsonl', import.meta.url));
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { title: string; text: string });
  return { text: rows.map((r) => `${r.title}.\n${r.text}`).join('\n'), date: '2024-04-15' };
}

/** One document, then the same text `times` times over: sentences per second for each. */
export function benchLongDocument(times = 20, runs = 3): LongDocBench {
  const { text, date } = sampleDocument();
  const long = Array.from({ length: times }, () => text).join('\n');
  runPipeline(text, { date, detectTitle: false });
  const timed = (t: string, repeat: number) => {
    const stages = new Map<string, number>();
    let sentences = 0;
    const start = performance.now();
    for (let k = 0; k < repeat; k++) {
      sentences += runPipeline(t, { date, detectTitle: false }, (s, ms) => stages.set(s, (stages.get(s) ?? 0) + ms)).layers.sentences.length;
    }
    return { sps: sentences / ((performance.now() - start) / 1000), sentences: sentences / repeat, stages, perSentence: (s: string) => (stages.get(s) ?? 0) / sentences };
  };
  const shorts: Array<ReturnType<typeof timed>> = [];
  const longs: Array<ReturnType<typeof timed>> = [];
  for (let r = 0; r < runs; r++) {
    shorts.push(timed(text, times));
    longs.push(timed(long, 1));
  }
  const short = median(shorts.map((s) => s.sps));
  const longSps = median(longs.map((s) => s.sps));
  const s0 = shorts[0]!;
  const l0 = longs[0]!;
  const longTotal = median(longs.map((l) => [...l.stages.values()].reduce((a, b) => a + b, 0)));
  const perSentence = (runs: Array<ReturnType<typeof timed>>, stage: string) => median(runs.map((r) => r.perSentence(stage)));
  return {
    shortSentences: s0.sentences,
    longSentences: l0.sentences,
    times,
    shortSentencesPerSecond: short,
    longSentencesPerSecond: longSps,
    ratio: short / longSps,
    stageRatios: [...l0.stages.keys()].map((stage) => ({
      stage,
      ratio: perSentence(longs, stage) / perSentence(shorts, stage),
      longShare: (perSentence(longs, stage) * l0.sentences) / longTotal,
    })),
  };
}
