/** Filters of word shape: short words, names that are not places, common words, acronyms. */
import { commonWords, notPlaces } from '../words.js';
import { single, type FilterRule } from './rule.js';

export const shortWord = {
  id: 'short-word',
  reason: 'One- and two-letter words in title case ("Al", "Li") are not place names.',
  apply(ctx, m) {
    const first = ctx.toks[m.i];
    return single(m) && !first.allCaps && first.text.length <= 2 ? 'drop' : undefined;
  },
} as const satisfies FilterRule<'short-word'>;

export const notAPlace = {
  id: 'not-a-place',
  reason: 'Gazetteer names that in news are almost never the place (weather, faiths, brands).',
  apply(_ctx, m) {
    return notPlaces().has(m.key) ? 'drop' : undefined;
  },
} as const satisfies FilterRule<'not-a-place'>;

export const sentenceInitialWord = {
  id: 'sentence-initial-word',
  reason: 'A common word at a sentence start, or one the text also uses in lower case ("Reading the report"), is a word.',
  apply(ctx, m) {
    const first = ctx.toks[m.i];
    const wordy = commonWords().has(m.key) || ctx.lowerUsed.has(first.fold);
    return single(m) && first.sentenceStart && !first.allCaps && wordy ? 'drop' : undefined;
  },
} as const satisfies FilterRule<'sentence-initial-word'>;

export const commonWord = {
  id: 'common-word',
  reason: 'A common word elsewhere ("Mobile", "Split") may only be a large place, and with low confidence.',
  apply(ctx, m) {
    if (single(m) && !ctx.toks[m.i].allCaps && commonWords().has(m.key)) m.common = true;
    return undefined;
  },
} as const satisfies FilterRule<'common-word'>;

export const acronym = {
  id: 'acronym',
  reason: 'An all-caps acronym ("AP", "NATO") is a place only when a country or region has that name.',
  apply(ctx, m) {
    const first = ctx.toks[m.i];
    if (!single(m) || !first.allCaps || first.text.length > 4) return undefined;
    return !m.cands.some((c) => ctx.g.place(c).kind !== 'city') && !ctx.g.preferred.has(m.key) ? 'drop' : undefined;
  },
} as const satisfies FilterRule<'acronym'>;
