/**
 * A work budget per sentence. Coding a sentence costs more than linear time in its length (clause
 * segmentation and actor binding look at pairs and triples of positions), which is right for news
 * sentences of 20-60 tokens and ruinous for one 80 KB "sentence" with no full stop (122 s, issue
 * #17). A sentence longer than MAX_SENTENCE_TOKENS tokens is split into pieces of at most
 * PIECE_TOKENS tokens, each cut after the last clause mark (; : , or a dash) of its window, or
 * at the window's end when there is none. The text is unchanged (offsets stay valid); the split is
 * recorded on the document (`dropped`, kind `split-sentence`), never silent.
 */
import type { Dropped } from '../model/document.js';

/** Longer than any news sentence (the longest in the PLOVER and seed sets are about 120 tokens). */
export const MAX_SENTENCE_TOKENS = 250;
/** Tokens per piece of a split sentence, at most. */
export const PIECE_TOKENS = 120;
/** A piece is not cut before this many tokens (no one-word pieces after a comma). */
const MIN_PIECE = 40;

/** Tokens after which a long sentence may be cut. */
const CLAUSE_MARKS = new Set([';', ':', ',', '—', '–', '--', '…']);

/** A sentence as token indexes [first, last], inclusive (as wink gives them). */
export type TokenSpan = [number, number];

/** True when a sentence span may still grow by a merge (see the quotation refiner in tokens.ts). */
export function mayGrow(span: TokenSpan): boolean {
  return span[1] - span[0] + 1 < MAX_SENTENCE_TOKENS;
}

/** Pieces of one over-long span: cut after the last clause mark of each window of PIECE_TOKENS. */
function pieces(span: TokenSpan, values: string[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let from = span[0];
  while (span[1] - from + 1 > PIECE_TOKENS) {
    let cut = from + PIECE_TOKENS - 1;
    for (let k = cut; k >= from + MIN_PIECE; k--) {
      if (CLAUSE_MARKS.has(values[k]!)) {
        cut = k;
        break;
      }
    }
    out.push([from, cut]);
    from = cut + 1;
  }
  out.push([from, span[1]]);
  return out;
}

/**
 * Split the over-long sentences of one segment. `values` are the segment's token texts and `text`
 * the segment; the notes say which sentence was split and into how many pieces.
 */
export function limitSentences(spans: TokenSpan[], values: string[], starts: number[], text: string): { spans: TokenSpan[]; notes: Dropped[] } {
  const out: TokenSpan[] = [];
  const notes: Dropped[] = [];
  for (const sp of spans) {
    if (sp[1] - sp[0] + 1 <= MAX_SENTENCE_TOKENS) {
      out.push(sp);
      continue;
    }
    const parts = pieces(sp, values);
    out.push(...parts);
    const from = starts[sp[0]]!;
    const to = starts[sp[1]]! + values[sp[1]]!.length;
    const head = text.slice(from, Math.min(to, from + 80)).replace(/\s+/g, ' ');
    notes.push({
      kind: 'split-sentence',
      text: `${head}… (${sp[1] - sp[0] + 1} tokens, ${to - from} characters: coded as ${parts.length} pieces of at most ${PIECE_TOKENS} tokens)`,
    });
  }
  return { spans: out, notes };
}
