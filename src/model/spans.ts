/**
 * Character offsets ↔ tokens and sentences, by binary search over the (sorted) layers, so a
 * stage that receives character spans (the places recogniser, chrono) can give its annotations
 * token ranges and sentences without scanning the document.
 */
import type { Doc, TokenRange } from './document.js';

/** Index of the first item whose `end` is after `pos` (items sorted, non-overlapping). */
function firstEndingAfter(items: ReadonlyArray<{ start: number; end: number }>, pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence holding character `pos` (start inclusive, end exclusive), or -1. */
export function sentenceAt(doc: Doc, pos: number): number {
  const sentences = doc.layers.sentences;
  const k = firstEndingAfter(sentences, pos);
  const s = sentences[k];
  return s !== undefined && s.start <= pos ? s.index : -1;
}

/** The tokens overlapping the character span [start, end) (empty range when none). */
export function tokenRangeOf(doc: Doc, start: number, end: number): TokenRange {
  const tokens = doc.layers.tokens;
  const first = firstEndingAfter(tokens, start);
  let last = first;
  while (last < tokens.length && tokens[last]!.start < end) last++;
  return { start: first, end: Math.max(first, last) };
}
