/**
 * A country modifier with no role word after it:
 *   country           "France accused…";
 *   capital-metonym   "Ankara denied…" (after "in", "at"… a capital is a place: the places stage takes it);
 *   ethnic-demonym    "ethnic Albanians" (CAMEO codes ethnic groups by where they live);
 *   demonym-modifier  "Israeli helicopters": a demonym used as an adjective stands for its country;
 *   demonym           "Armenians fled": the country's civilians;
 *   adjective         "Turkish sides", "French warships": an adjective before a noun the dictionaries
 *                     do not know stands for its country (as in PETRARCH's country lists).
 */
import { wordList } from '../../text/words.js';
import { countryFields, push, type Compose, type ComposeRule } from './context.js';

const PLACE_PREPOSITIONS = wordList('place-prepositions');

/** Is the next token a noun that no dictionary piece starts? */
function bareNounFollows(c: Compose, p: number): boolean {
  const piece = c.pieces[p]!;
  const next = c.tokens[piece.end];
  const nextPiece = c.pieces[p + 1];
  return next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN') && !(nextPiece && nextPiece.start === piece.end);
}

function demonym(c: Compose, p: number): void {
  const piece = c.pieces[p]!;
  const country = piece.entry.country!;
  if (c.tokens[piece.start - 1]?.norm === 'ethnic') {
    push(c, piece.start - 1, piece.end, { type: 'group', code: 'CVL', country: null, role: 'CVL', name: `ethnic ${country.name}`, rules: ['ethnic-demonym'] });
  } else if (bareNounFollows(c, p)) {
    push(c, piece.start, piece.end, { type: 'country', ...countryFields(country, null), rules: ['demonym-modifier'] });
  } else push(c, piece.start, piece.end, { type: 'group', ...countryFields(country, 'CVL'), rules: ['demonym'] });
}

export const loneModifier: ComposeRule = {
  emits: ['country', 'capital-metonym', 'ethnic-demonym', 'demonym-modifier', 'demonym', 'adjective'],
  kinds: ['adjective', 'country', 'demonym', 'capital'],
  apply(c, p) {
    const piece = c.pieces[p]!;
    const country = piece.entry.country!;
    c.used[p] = true;
    if (piece.kind === 'country') {
      push(c, piece.start, piece.end, { type: 'country', ...countryFields(country, null), rules: ['country'] });
    } else if (piece.kind === 'capital') {
      const before = c.tokens[piece.start - 1];
      if (!(before && PLACE_PREPOSITIONS.has(before.norm))) push(c, piece.start, piece.end, { type: 'government', ...countryFields(country, 'GOV'), rules: ['capital-metonym'] });
    } else if (piece.kind === 'demonym') {
      demonym(c, p);
    } else if (bareNounFollows(c, p)) {
      push(c, piece.start, piece.end, { type: 'country', ...countryFields(country, null), rules: ['adjective'] });
    }
    return p;
  },
};
