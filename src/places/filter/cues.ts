/** Filters that mark or accept a match before the person and word filters: a locative cue, a county after it. */
import { joinable } from '../tokens.js';
import { locativeCues } from '../words.js';
import { isCountyWord, type FilterRule } from './rule.js';

export const locativeCue = {
  id: 'locative-cue',
  reason: 'A locative preposition before a name ("in", "near", "north of") announces a place: it is kept past the person filters.',
  apply(ctx, m) {
    const prev = m.i > 0 ? ctx.toks[m.i - 1] : null;
    if (prev && !prev.cap && locativeCues().has(prev.fold)) {
      m.cue = true;
      m.recog = 0.9;
    }
    return undefined;
  },
} as const satisfies FilterRule<'locative-cue'>;

export const beforeCounty = {
  id: 'before-county',
  reason: 'A name before "County" or "Parish" is a county, whatever else it could be.',
  apply(ctx, m) {
    const nx = ctx.toks[m.j];
    return nx && isCountyWord(ctx, nx) && nx.cap && joinable(nx) ? 'keep' : undefined;
  },
} as const satisfies FilterRule<'before-county'>;
