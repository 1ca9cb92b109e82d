/**
 * dates.find: the date expressions of every sentence (layer `dates`), resolved against the
 * publication date (never the clock). A bare weekday keeps both readings; the event coder picks
 * the past or the future one from the tense of the event's clause (`sentenceDates`).
 */
import type { DateAnnotation, Doc } from '../model/document.js';
import { defineStage } from '../model/stage.js';
import { tokenRangeOf } from '../model/spans.js';
import { chooseReading, findDateCandidates, type DateMention } from './dates.js';

export function dateAnnotations(doc: Doc): DateAnnotation[] {
  const out: DateAnnotation[] = [];
  for (const s of doc.layers.sentences) {
    for (const d of findDateCandidates(s.text, doc.meta.date)) {
      const start = s.start + d.start;
      const end = s.start + d.end;
      out.push({ ...d, start, end, range: tokenRangeOf(doc, start, end), sentence: s.index });
    }
  }
  return out;
}

/** Index of the first date of each sentence in the layer (dates are in sentence order). */
const firstCache = new WeakMap<readonly DateAnnotation[], Map<number, number>>();

function firstOf(dates: readonly DateAnnotation[]): Map<number, number> {
  let m = firstCache.get(dates);
  if (!m) {
    m = new Map();
    dates.forEach((d, i) => {
      if (!m!.has(d.sentence)) m!.set(d.sentence, i);
    });
    firstCache.set(dates, m);
  }
  return m;
}

/**
 * The dates of sentence s with offsets relative to the sentence, each weekday read as the next
 * such day when `future(offset)` says its clause is in the future tense.
 */
export function sentenceDates(doc: Doc, s: number, future: (offset: number) => boolean): DateMention[] {
  const dates = doc.layers.dates;
  const base = doc.layers.sentences[s]!.start;
  const out: DateMention[] = [];
  for (let i = firstOf(dates).get(s) ?? dates.length; i < dates.length && dates[i]!.sentence === s; i++) {
    const d = dates[i]!;
    out.push(chooseReading({ ...d, start: d.start - base, end: d.end - base }, future));
  }
  return out;
}

export const datesFind = defineStage({
  name: 'dates.find',
  requires: ['tokens', 'sentences'],
  assigns: ['dates'],
  resources: [],
  run: (doc) => ({ dates: dateAnnotations(doc) }),
});
