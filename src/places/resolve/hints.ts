/**
 * Hints read before resolution: "Laurel County" (the county of that name), "Paris, Texas" and
 * "Ganja, Azerbaijan" (the region or country after a comma restricts the town), and the second
 * name of "Seattle, Washington" (the state, whatever it means alone).
 */
import type { Place } from '../gazetteer.js';
import { inside, isAdminKind } from '../kinds.js';
import { joinable } from '../tokens.js';
import type { Ctx, Match } from '../types.js';
import { isCountyWord } from '../filter/rule.js';

export interface HintRule<Id extends string = string> {
  id: Id;
  reason: string;
  /** Applies to match k of `matches`; true when the hint is settled (later hint rules skip it). */
  apply(ctx: Ctx, matches: Match[], k: number): boolean;
}

export const countySuffix = {
  id: 'county-suffix',
  reason: 'A name before "County"/"Parish" is the county of that name (a county outside the US the gazetteer has is itself).',
  apply(ctx, matches, k) {
    const m = matches[k];
    const after = ctx.toks[m.j];
    const { g } = ctx;
    const foreignRegion = m.cands.some((c) => g.place(c).kind !== 'city' && g.place(c).country !== 'USA' && g.place(c).country !== null);
    if (!after || !after.cap || !joinable(after) || !isCountyWord(ctx, after) || foreignRegion) return false;
    m.county = true;
    m.j++;
    if (after.fold === 'co') m.endAt = after.end + 1;
    m.rkey = `${m.key}#county`;
    return true;
  },
} as const satisfies HintRule<'county-suffix'>;

/** The comma after match m, when the next token follows it. */
const commaAfter = (ctx: Ctx, m: Match): boolean => {
  const after = ctx.toks[m.j];
  return !!after && /^,\s?$/.test(after.gap);
};

export const adminAfterComma = {
  id: 'admin-after-comma',
  reason: 'The second name of "Seattle, Washington" is the state (or country) that holds a town of the first name.',
  apply(ctx, matches, k) {
    const m = matches[k];
    const next = matches[k + 1];
    if (ctx.opts.noContext || !commaAfter(ctx, m) || !next || next.i !== m.j) return false;
    const { g } = ctx;
    const hp = next.cands.map((c) => g.place(c)).find((p) => p.kind === 'country' || (isAdminKind(p) && p.admin1));
    if (!hp || !m.cands.some((c) => inside(g.place(c), hp))) return false;
    next.cands = [hp.idx];
    next.rkey = `${next.key}#${hp.idx}`;
    next.hintFor = true;
    restrict(ctx, m, hp);
    return true;
  },
} as const satisfies HintRule<'admin-after-comma'>;

export const adminHint = {
  id: 'admin-hint',
  reason: '"Paris, Tex.": a state abbreviation after a comma restricts the town to that state.',
  apply(ctx, matches, k) {
    const m = matches[k];
    const after = ctx.toks[m.j];
    if (ctx.opts.noContext || !commaAfter(ctx, m) || !after.cap) return false;
    const ab = ctx.g.abbrevs.get(after.fold);
    if (ab === undefined || ctx.text[after.end] !== '.') return false;
    restrict(ctx, m, ctx.g.place(ab));
    return true;
  },
} as const satisfies HintRule<'admin-hint'>;

/** Keeps the candidates of m inside the hinted region, when there are any. */
function restrict(ctx: Ctx, m: Match, hint: Place): void {
  const within = m.cands.filter((c) => inside(ctx.g.place(c), hint));
  if (!within.length) return;
  m.hint = hint;
  m.cands = within;
  m.rkey = `${m.key}#${hint.idx}`;
}
