/**
 * Sentences and tokens. wink-nlp (its English lite model ships inside the npm package) splits
 * sentences and gives each token a lemma and a universal POS tag; paragraphs are split on
 * newlines first, so headlines and captions never run into the body.
 */
import winkNLP from 'wink-nlp';
import type { Dropped, Sentence, Token, Part } from '../model/document.js';
import { winkModel } from './wink-model.js';
import { limitSentences, mayGrow } from './limits.js';

type WinkNlp = ReturnType<typeof winkNLP>;
let nlpSingleton: WinkNlp | null = null;

function nlp(): WinkNlp {
  if (nlpSingleton === null) nlpSingleton = winkNLP(winkModel() as unknown as Parameters<typeof winkNLP>[0]);
  return nlpSingleton;
}

export interface Segment {
  text: string;
  part: Part;
  paragraph: number;
}

export interface Analysed {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  /** Over-long sentences split by the work budget (src/text/limits.ts). */
  notes: Dropped[];
}

/** Joins segments with blank lines and splits each into sentences and tokens. */
export function analyse(segments: Segment[]): Analysed {
  const n = nlp();
  const its = n.its;
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const notes: Dropped[] = [];
  let text = '';
  for (const seg of segments) {
    if (text.length > 0) text += '\n\n';
    const base = text.length;
    text += seg.text;
    const doc = n.readDoc(seg.text);
    // wink's typings do not model every accessor: read through one loosely typed view.
    const toks = doc.tokens() as unknown as { out(f: unknown): string[] };
    const values = toks.out(its.value);
    const lemmas = toks.out(its.lemma);
    const pos = toks.out(its.pos);
    // Token char offsets: walk the segment, finding each token's surface in order.
    const starts: number[] = new Array(values.length);
    let cursor = 0;
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      let at = seg.text.startsWith(v, cursor) ? cursor : seg.text.indexOf(v, cursor);
      if (at < 0) {
        // The tagger normalised the surface (rare): skip spaces and take the same length.
        at = cursor;
        while (at < seg.text.length && /\s/.test(seg.text[at]!)) at++;
      }
      starts[k] = at;
      cursor = at + v.length;
    }
    const sents = doc.sentences() as unknown as { each(cb: (s: { out(f: unknown): unknown }) => void): void };
    const spans: Array<[number, number]> = [];
    sents.each((s) => {
      const [first, last] = s.out(its.span) as [number, number];
      if (first === undefined || last === undefined || first > last) return;
      spans.push([first, last]);
    });
    // Refiner: a split inside an open quotation ("We will not back down. Never.") is undone.
    const merged: Array<[number, number]> = [];
    let openQuote = false;
    for (const sp of spans) {
      const prev = merged[merged.length - 1];
      if (openQuote && prev && mayGrow(prev)) prev[1] = sp[1];
      else merged.push([sp[0], sp[1]]);
      const cur = merged[merged.length - 1]!;
      const txt = seg.text.slice(starts[cur[0]]!, starts[cur[1]]! + values[cur[1]]!.length);
      openQuote = quoteOpen(txt);
    }
    const limited = limitSentences(merged, values, starts, seg.text);
    notes.push(...limited.notes);
    for (const [first, last] of limited.spans) {
      const sStart = starts[first]!;
      const sEnd = starts[last]! + values[last]!.length;
      // Trim the sentence to its visible text.
      let a = sStart;
      let b = Math.min(sEnd, seg.text.length);
      while (a < b && /\s/.test(seg.text[a]!)) a++;
      while (b > a && /\s/.test(seg.text[b - 1]!)) b--;
      if (b <= a) continue;
      const index = sentences.length;
      const t0 = tokens.length;
      for (let k = first; k <= last; k++) {
        const v = values[k]!;
        if (/^\s+$/.test(v)) continue;
        tokens.push({
          start: base + starts[k]!,
          end: base + starts[k]! + v.length,
          text: v,
          norm: v.toLowerCase(),
          lemma: (lemmas[k] ?? v).toLowerCase(),
          pos: pos[k] ?? 'X',
          sentence: index,
        });
      }
      sentences.push({ index, start: base + a, end: base + b, text: seg.text.slice(a, b), part: seg.part, paragraph: seg.paragraph, range: { start: t0, end: tokens.length } });
    }
  }
  return { text, sentences, tokens, notes };
}

/** A hyphen or dash token that joins words ("Nagorno-Karabakh", "war-torn", "Vietnamese-led"). */
export function isJoiner(tokenText: string): boolean {
  return tokenText === '-' || tokenText === '–' || tokenText === '‐';
}

/** Whether a quotation opened in `text` is still open at its end (straight or curly marks). */
function quoteOpen(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const opened = (text.match(/[“«]/g) ?? []).length;
  const closed = (text.match(/[”»]/g) ?? []).length;
  return straight % 2 === 1 || opened > closed;
}

/** Sentence split of one string (used by tests and tools). */
export function splitSentences(text: string): string[] {
  return analyse([{ text, part: 'body', paragraph: 0 }]).sentences.map((s) => s.text);
}
