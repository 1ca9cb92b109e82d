/** The shape of a filtering rule, and facts about a match that several filters read. */
import type { Ctx, Match, Tok } from '../types.js';
import { joinable } from '../tokens.js';
import { countyWords, organisationWords } from '../words.js';

/** 'drop': not a place; 'keep': a place, no further filter; undefined: the next filter decides. */
export type Verdict = 'drop' | 'keep' | undefined;

export interface FilterRule<Id extends string = string> {
  id: Id;
  reason: string;
  apply(ctx: Ctx, m: Match): Verdict;
}

export const single = (m: Match): boolean => m.j - m.i === 1;

/** Every candidate is a town. */
export const onlyTowns = (ctx: Ctx, m: Match): boolean => m.cands.every((c) => ctx.g.place(c).kind === 'city');

/** Every candidate is a town under 100,000 people. */
export const smallTowns = (ctx: Ctx, m: Match): boolean =>
  m.cands.every((c) => {
    const p = ctx.g.place(c);
    return p.kind === 'city' && p.population < 100000;
  });

/** Some candidate is not a town or has at least `pop` people. */
export const somePlaceOver = (ctx: Ctx, m: Match, pop: number): boolean =>
  m.cands.some((c) => {
    const p = ctx.g.place(c);
    return p.kind !== 'city' || p.population >= pop;
  });

/** The previous token when joined to the match's first by a space or hyphen. */
export function joinedPrev(ctx: Ctx, m: Match): Tok | null {
  const prev = m.i > 0 ? ctx.toks[m.i - 1] : null;
  return prev && joinable(ctx.toks[m.i]) ? prev : null;
}

/** "County", "Parish", "Borough", and "Co." before a lower-case word ("Loudon Co. man dies"). */
export function isCountyWord(ctx: Ctx, t: Tok): boolean {
  return countyWords().has(t.fold) || (t.text === 'Co' && /^\. \p{Ll}/u.test(ctx.text.slice(t.end, t.end + 3)));
}

/** A public body follows the name in one run ("Ozark police", "Avondale Mayor"). */
export function bodyAfter(ctx: Ctx, m: Match): boolean {
  const nx = ctx.toks[m.j];
  return !!nx && joinable(nx) && organisationWords().has(nx.fold);
}
