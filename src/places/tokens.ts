/** Tokens for the places rules: words with their case, the gap before them, sentence and headline flags. */
import { foldWord } from './normalize.js';
import type { Tok } from './types.js';
import { sentenceAbbreviations } from './words.js';

const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{Lu}\.\p{Lu}(?![\p{L}.])|\p{L}[\p{L}\p{M}\p{N}'’]*|\d+/gu;

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const abbrevs = sentenceAbbreviations();
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    let raw = m[0];
    // Possessive / trailing apostrophe: "Kiev's" → "Kiev".
    const poss = /['’][sS]?$/.exec(raw);
    const possessive = !!poss && raw.length > poss[0].length + 1;
    if (possessive && poss) raw = raw.slice(0, raw.length - poss[0].length);
    const start = m.index;
    const gap = text.slice(prevEnd, start);
    const prev = toks[toks.length - 1];
    const first = raw[0];
    const cap = first !== first.toLowerCase();
    const letters = raw.replace(/[^\p{L}]/gu, '');
    const allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const sentenceStart = !prev || /\n/.test(gap) || /["“:;]\s*$/.test(gap) || (/[.!?]/.test(gap) && !(gap.trim() === '.' && abbrevs.has(prev.fold)));
    const afterAbbrev = !!prev && /^\. $/.test(gap) && /^(st|mt|ft|ste)$/.test(prev.fold) && cap;
    toks.push({ start, end: start + raw.length, text: raw, fold: foldWord(raw), cap, allCaps, gap, sentenceStart: sentenceStart && !afterAbbrev, titleLine: false, afterAbbrev, poss: possessive });
    prevEnd = m.index + m[0].length;
  }
  markTitleLines(toks);
  return toks;
}

/** Headline-style lines (most words capitalised) relax the person and organisation rules. */
function markTitleLines(toks: Tok[]): void {
  let lineStart = 0;
  for (let k = 0; k <= toks.length; k++) {
    if (k < toks.length && !(k > lineStart && /\n/.test(toks[k].gap))) continue;
    let caps = 0;
    let words = 0;
    for (let q = lineStart; q < k; q++) {
      if (toks[q].text.length > 3 && /\p{L}/u.test(toks[q].text[0])) {
        words++;
        if (toks[q].cap) caps++;
      }
    }
    if (words >= 3 && caps / words > 0.8) for (let q = lineStart; q < k; q++) toks[q].titleLine = true;
    lineStart = k;
  }
}

/** Tokens i and i+1 belong to one name only when separated by a space or a hyphen. */
export function joinable(t: Tok): boolean {
  if (t.afterAbbrev) return true;
  return /^(?:[ \u00a0]|[-‐–]|[ \u00a0]?[-‐][ \u00a0]?)$/.test(t.gap);
}

/** Index of the first token at or after j that ends past `end` (the exclusive end of a span). */
export function tokensUpTo(toks: Tok[], i: number, end: number): number {
  let j = i;
  while (j < toks.length && toks[j].end <= end) j++;
  return j;
}
