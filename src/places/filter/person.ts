/** Filters that tell a person from a town: speech verbs, given names, titles. */
import { isSpeechVerb, givenNames, personFollowers, personTitles, sentenceAbbreviations } from '../words.js';
import type { Ctx, Match, Tok } from '../types.js';
import { bodyAfter, joinedPrev, onlyTowns, single, type FilterRule } from './rule.js';

const speechLike = (t: Tok | undefined): boolean => !!t && (isSpeechVerb(t.fold) || personFollowers().has(t.fold));

/** A single name of towns only, not announced as a place. */
const bareTown = (ctx: Ctx, m: Match): boolean => single(m) && onlyTowns(ctx, m) && !m.cue;

export const speechVerbPerson = {
  id: 'speech-verb-person',
  reason: 'A small town\'s name next to a speech verb ("Jones said", "said Welch") is a person.',
  apply(ctx, m) {
    if (!bareTown(ctx, m) || bodyAfter(ctx, m)) return undefined;
    const big = !ctx.g.preferred.has(m.key) && m.cands.some((c) => ctx.g.place(c).featureCode === 'PPLC' || ctx.g.place(c).population >= 200000);
    if (big) return undefined;
    const nx = ctx.toks[m.j];
    const pv = ctx.toks[m.i - 1];
    if (speechLike(nx) && !/[.,;:]/.test(nx.gap)) return 'drop';
    if (speechLike(pv) && !/[.,;:]/.test(ctx.toks[m.i].gap)) return 'drop';
    return undefined;
  },
} as const satisfies FilterRule<'speech-verb-person'>;

export const givenNameBefore = {
  id: 'given-name-before',
  reason: 'A town\'s name after a given name ("Mario Diaz") is a surname, remembered for the article.',
  apply(ctx, m) {
    const prev = joinedPrev(ctx, m);
    if (!bareTown(ctx, m) || !prev || !prev.cap || !givenNames().has(prev.fold) || ctx.toks[m.i].titleLine) return undefined;
    ctx.personTokens.add(m.key);
    return 'drop';
  },
} as const satisfies FilterRule<'given-name-before'>;

export const givenNameAlone = {
  id: 'given-name-alone',
  reason: 'A given name alone ("Scott said") is a person unless announced as a place ("in Scott").',
  apply(ctx, m) {
    return bareTown(ctx, m) && givenNames().has(m.key) ? 'drop' : undefined;
  },
} as const satisfies FilterRule<'given-name-alone'>;

export const titleBefore = {
  id: 'title-before',
  reason: 'A name after a title ("Mr Jordan", "President Georgia", "Sen. Warren") is a person.',
  apply(ctx, m) {
    const prev = joinedPrev(ctx, m);
    const first = ctx.toks[m.i];
    const titled = !!prev && prev.cap && personTitles().has(prev.fold);
    const before = m.i > 0 ? ctx.toks[m.i - 1] : null;
    const abbreviated = !!before && before.cap && /^\.\s$/.test(first.gap) && personTitles().has(before.fold) && sentenceAbbreviations().has(before.fold);
    if (!titled && !abbreviated) return undefined;
    ctx.personTokens.add(m.key);
    return 'drop';
  },
} as const satisfies FilterRule<'title-before'>;
