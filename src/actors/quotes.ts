/**
 * actors.quotes: direct quotes (straight and curly, multi-sentence, partial quotes inside a
 * sentence) with their speakers. Attribution rules, in order:
 *   quote-then-speaker   "…," the minister said / "…," said Le Drian
 *   speaker-then-quote   Le Drian said: "…" / Macron had described Islam as a religion "in crisis"
 *   continuation         a paragraph that is only a quote continues the previous quote's speaker
 * The speaker is the referent of the mention (coreference), so "the minister" gives Le Drian.
 */
import type { Doc, Entity, Quote } from '../model/document.js';
import { entitiesIn, entityIndex } from '../model/entities.js';
import { sentenceAt, tokenRangeOf } from '../model/spans.js';
import { wordList } from '../text/words.js';

const OPEN = new Set(['"', '“', '«', '„']);
const CLOSE_FOR: Record<string, string[]> = { '"': ['"'], '“': ['”', '"'], '«': ['»'], '„': ['“', '”'] };

interface RawQuote {
  open: number;
  close: number;
  paragraph: number;
}

/** The paragraph of the first sentence holding `pos` (its end included). */
function paragraphOf(doc: Doc, pos: number): number {
  const sentences = doc.layers.sentences;
  const ending = sentenceAt(doc, pos - 1);
  if (ending >= 0 && sentences[ending]!.end === pos) return sentences[ending]!.paragraph;
  const s = sentenceAt(doc, pos);
  return s >= 0 ? sentences[s]!.paragraph : -1;
}

/** Pairs quote marks within each paragraph. */
function scanQuotes(doc: Doc): RawQuote[] {
  const out: RawQuote[] = [];
  const text = doc.layers.text;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (OPEN.has(ch) && (ch !== '"' || i === 0 || /[\s([—–-]/.test(text[i - 1]!))) {
      const closers = CLOSE_FOR[ch]!;
      let j = i + 1;
      while (j < text.length && text[j] !== '\n' && !(closers.includes(text[j]!) && j > i + 1)) j++;
      if (j < text.length && closers.includes(text[j]!)) {
        out.push({ open: i, close: j, paragraph: paragraphOf(doc, i) });
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

function referent(doc: Doc, e: Entity): number {
  return e.ref != null ? e.ref : entityIndex(doc).indexOf.get(e)!;
}

function isSpeaker(e: Entity): boolean {
  return e.code !== null && (e.type === 'person' || e.type === 'government' || e.type === 'country' || e.type === 'igo' || e.type === 'organization' || e.type === 'group');
}

function tokenRange(doc: Doc, from: number, to: number) {
  const r = tokenRangeOf(doc, from, to);
  return doc.layers.tokens.slice(r.start, r.end).filter((t) => t.start >= from && t.end <= to);
}

/** The first sentence of each paragraph. */
function paragraphStarts(doc: Doc): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of doc.layers.sentences) if (!out.has(s.paragraph)) out.set(s.paragraph, s.start);
  return out;
}

export function findQuotes(doc: Doc): Quote[] {
  const text = doc.layers.text;
  const speechVerbs = wordList('quote-verbs');
  const starts = paragraphStarts(doc);
  const quotes: Quote[] = [];
  const raw = scanQuotes(doc);
  let previousSpeaker: number | null = null;
  let previousParagraph = -2;
  for (const q of raw) {
    const start = q.open + 1;
    const end = q.close;
    const inner = text.slice(start, end);
    // Trim trailing punctuation that belongs to the sentence, not the words ("…conflict," → "…conflict").
    let e2 = end;
    while (e2 > start && /[,.\s]/.test(text[e2 - 1]!)) e2--;
    if (e2 <= start || inner.trim() === '') continue;
    const sIdx = sentenceAt(doc, q.open + 1);
    const sentence = doc.layers.sentences[sIdx];
    let speaker: number | null = null;
    let rule = 'quote/unattributed';
    if (sentence) {
      // Quote then speaker: ', the minister said' / ', said Le Drian' after the closing mark.
      const afterEnd = Math.min(sentence.end, q.close + 120);
      const after = tokenRange(doc, q.close + 1, afterEnd);
      // Only a quote that ends its own clause ('"…," X said') is attributed forwards;
      // a partial quote ('sent "jihadists" to the region') belongs to the sentence's speaker.
      const closesClause = /[,.!?…]$/.test(inner.trimEnd()) || /^\s*[,—–-]/.test(text.slice(q.close + 1, q.close + 4));
      const hasSpeech = closesClause && after.slice(0, 14).some((t) => speechVerbs.has(t.lemma));
      if (hasSpeech) {
        const ents = entitiesIn(doc, sIdx).filter((e) => e.start > q.close && e.start < afterEnd && isSpeaker(e));
        const near = ents.find((e) => e.start - q.close < 60);
        if (near) {
          speaker = referent(doc, near);
          rule = 'quote/quote-then-speaker';
        }
      }
      if (speaker === null) {
        // Speaker then quote: the nearest person (else actor) before the quote in the sentence.
        const before = entitiesIn(doc, sIdx).filter((e) => e.end <= q.open && e.start >= sentence.start && isSpeaker(e));
        const persons = before.filter((e) => e.type === 'person');
        const pick = persons[0] ?? before[0];
        if (pick) {
          speaker = referent(doc, pick);
          rule = 'quote/speaker-then-quote';
        }
      }
    }
    if (speaker === null && previousSpeaker !== null && q.paragraph - previousParagraph <= 1) {
      const paraStart = starts.get(q.paragraph);
      if (paraStart !== undefined && text.slice(paraStart, q.open).trim() === '') {
        speaker = previousSpeaker;
        rule = 'quote/continuation';
      }
    }
    const quote: Quote = { start, end: e2, text: text.slice(start, e2), speaker, rule };
    quotes.push(quote);
    if (speaker !== null) {
      previousSpeaker = speaker;
      previousParagraph = q.paragraph;
    }
  }
  return quotes;
}
