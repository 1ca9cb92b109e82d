/**
 * Abbreviation rules: a state abbreviation after a comma ("Charleston, W.Va."), one standing alone
 * ("a Ga. pastor"), the state of a party tag ("D-Pa.", "R-Texas") and a US postal code after a town
 * of that state ("Austin, TX").
 */
import type { Gazetteer } from '../gazetteer.js';
import { inside, isAdminKind } from '../kinds.js';
import { nameKey } from '../normalize.js';
import { tokensUpTo } from '../tokens.js';
import type { Match } from '../types.js';
import { newMatch } from '../types.js';
import { ambiguousAbbreviations, wordlikeAbbreviations } from '../words.js';
import { dropOverlapping, overlaps, type RecogniseRule } from './rule.js';

const abbreviation = (i: number, j: number, key: string, idx: number, via: Match['via'], recog: number, endAt?: number): Match => {
  const m = newMatch(i, j, key, [idx], via);
  m.form = 'abbreviation';
  m.recog = recog;
  if (endAt !== undefined) m.endAt = endAt;
  return m;
};

export const abbreviationAfterComma = {
  id: 'abbreviation-after-comma',
  reason: 'A state or province abbreviation after a comma ("Charleston, W.Va.", "Brandon, Man.").',
  apply(ctx, found) {
    const { g, text, toks } = ctx;
    for (const am of text.matchAll(/,\s+((?:[A-Z][a-z]{0,4}\.\s?){1,2})/g)) {
      const s0 = am.index + am[0].length - am[1].length;
      const str = am[1].trimEnd();
      const key = nameKey(str);
      const idx = g.abbrevs.get(key) ?? g.lookup(key)?.find((c) => isAdminKind(g.place(c)));
      const i = ctx.tokAt.get(s0);
      if (idx === undefined || i === undefined) continue;
      const j = tokensUpTo(toks, i, s0 + str.length);
      if (j === i) continue;
      // "Sulpher, La.", "Brandon, Man.": a name the tokens inside matched (short, or a known abbreviation) is the abbreviation.
      const known = g.abbrevs.has(key);
      dropOverlapping(found.raw, i, j, (m) => m.i >= i && m.j <= j && (known || toks[m.i].text.length <= 2));
      if (overlaps(found.raw, i, j)) continue;
      found.extra.push(abbreviation(i, j, key, idx, 'abbreviation-after-comma', 0.9, s0 + str.length));
    }
  },
} as const satisfies RecogniseRule<'abbreviation-after-comma'>;

/** A US state by a name key or its letters run together ("w va" → "wva"). */
function usState(g: Gazetteer, key: string): number | undefined {
  return (g.lookup(key) ?? g.lookup(key.replace(/ /g, '')))?.find((c) => isAdminKind(g.place(c)) && g.place(c).country === 'USA');
}

export const freeAbbreviation = {
  id: 'free-abbreviation',
  reason: 'A state abbreviation with its dot standing alone ("a Ga. pastor", "avoiding Ind. tax").',
  apply(ctx, found) {
    const { g, text, toks } = ctx;
    for (const am of text.matchAll(/(?<![\p{L}.]|,\s?)((?:\p{Lu}\p{Ll}{0,4}\.\s?){1,2})/gu)) {
      const s0 = am.index;
      const str = am[1].trimEnd();
      const key = nameKey(str);
      if (ambiguousAbbreviations().has(key)) continue;
      const idx = g.abbrevs.get(key) ?? (str.length > 3 && /\..*\./.test(str) ? usState(g, key) : undefined);
      const i = ctx.tokAt.get(s0);
      if (idx === undefined || i === undefined) continue;
      const j = tokensUpTo(toks, i, s0 + str.length);
      if (j === i || overlaps(found.raw, i, j) || overlaps(found.extra, i, j)) continue;
      // Before a capitalised word mid-sentence it is usually a title or an initial ("Ind. Rep.", "Col. Smith").
      const nx = toks[j];
      const party = /^(?:d|r|i)$/i.test(toks[i - 1]?.fold ?? '');
      if (nx && nx.cap && !toks[i].titleLine && (!nx.sentenceStart || wordlikeAbbreviations().has(key)) && !party) continue;
      found.extra.push(abbreviation(i, j, key, idx, 'free-abbreviation', 0.8, s0 + str.length));
    }
  },
} as const satisfies RecogniseRule<'free-abbreviation'>;

export const partyStateTag = {
  id: 'party-state-tag',
  reason: 'The state in a party tag ("Sen. Bob Casey, D-Pa.", "R-Texas").',
  apply(ctx, found) {
    const { g, text, toks } = ctx;
    for (const pm of text.matchAll(/\b[DRI]-(\p{Lu}[\p{L}]*\.?(?: ?\p{Lu}[\p{L}]*\.?)?)/gu)) {
      const s0 = pm.index + 2;
      const str = pm[1].replace(/\s+$/, '');
      const key = nameKey(str);
      const first = key.split(' ')[0];
      const idx = g.abbrevs.get(key) ?? usState(g, key) ?? g.abbrevs.get(first) ?? usState(g, first);
      const i = ctx.tokAt.get(s0);
      if (idx === undefined || i === undefined) continue;
      const full = g.abbrevs.get(key) !== undefined || g.lookup(key) !== undefined;
      const end = full ? s0 + str.length : toks[i].end;
      const j = tokensUpTo(toks, i, end);
      if (j === i || overlaps(found.extra, i, j)) continue;
      dropOverlapping(found.raw, i, j);
      found.extra.push(abbreviation(i, j, key, idx, 'party-state-tag', 0.9, text[end - 1] === '.' ? end : undefined));
    }
  },
} as const satisfies RecogniseRule<'party-state-tag'>;

export const postalCode = {
  id: 'postal-code',
  reason: 'A US postal code after a town of that state ("Austin, TX").',
  apply(ctx, found) {
    const { g, text } = ctx;
    for (const pm of text.matchAll(/,\s+([A-Z]{2})\b(?![.'’-]?\p{L})/gu)) {
      const s0 = pm.index + pm[0].length - 2;
      const st = g.admin1.get(`USA.${pm[1]}`);
      const i = ctx.tokAt.get(s0);
      if (!st || i === undefined) continue;
      const before = found.raw.find((m) => m.j === i);
      if (!before || !before.cands.some((c) => inside(g.place(c), st))) continue;
      const clash = found.raw.findIndex((m) => m.i === i);
      if (clash >= 0) found.raw.splice(clash, 1);
      found.extra.push(abbreviation(i, i + 1, nameKey(pm[1]), st.idx, 'postal-code', 0.9));
    }
  },
} as const satisfies RecogniseRule<'postal-code'>;
