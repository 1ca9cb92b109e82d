/** County rules: "Kanawha County" when the gazetteer lacks the name, and every name of "Cooke, Grayson and Love counties". */
import { nameKey } from '../normalize.js';
import { tokensUpTo } from '../tokens.js';
import { newMatch } from '../types.js';
import { commonWords, personTitles } from '../words.js';
import { dropOverlapping, overlaps, type RecogniseRule } from './rule.js';

export const countyName = {
  id: 'county-name',
  reason: 'A name before "County", "Parish" or "Co." that the gazetteer lacks as a place ("Kanawha County").',
  apply(ctx, found) {
    const { text, toks } = ctx;
    for (const cm of text.matchAll(/\b(\p{Lu}[\p{L}']+(?:[ -]\p{Lu}[\p{L}']+)?) (?:County|Parish\b|Co\.(?= \p{Ll}))/gu)) {
      const i = ctx.tokAt.get(cm.index);
      if (i === undefined) continue;
      const j = tokensUpTo(toks, i, cm.index + cm[1].length);
      if (j === i || overlaps(found.raw, i, j + 1)) continue;
      if (personTitles().has(toks[i].fold) || commonWords().has(toks[i].fold)) continue;
      found.extra.push(newMatch(i, j, nameKey(cm[1]), [], 'county-name'));
    }
  },
} as const satisfies RecogniseRule<'county-name'>;

const NAME = "\\p{Lu}[\\p{L}'’]+(?: \\p{Lu}[\\p{L}'’]+)?";
const LIST_RE = new RegExp(`${NAME}(?:(?:,|,? and|,? or) ${NAME})+ (?:counties|parishes)\\b`, 'gu');
const NAME_RE = new RegExp(NAME, 'gu');

export const countyList = {
  id: 'county-list',
  reason: 'Every name of a list ending in "counties" or "parishes" ("Cooke, Grayson and Love counties").',
  apply(ctx, found) {
    const { g, text, toks } = ctx;
    for (const lm of text.matchAll(LIST_RE)) {
      for (const nm of lm[0].matchAll(NAME_RE)) {
        const s0 = lm.index + nm.index;
        const i = ctx.tokAt.get(s0);
        if (i === undefined) continue;
        const j = tokensUpTo(toks, i, s0 + nm[0].length);
        if (j === i) continue;
        dropOverlapping(found.raw, i, j);
        const key = nameKey(nm[0]);
        // The counties of that name when the gazetteer has them ("Cooke County"), else the towns.
        const counties = [...(g.lookup(`${key} county`) ?? []), ...(g.lookup(`${key} parish`) ?? [])];
        const m = newMatch(i, j, key, counties.length ? counties : (g.lookup(key) ?? []), 'county-list');
        m.county = true;
        m.rkey = `${key}#county`;
        found.extra.push(m);
      }
    }
  },
} as const satisfies RecogniseRule<'county-list'>;
