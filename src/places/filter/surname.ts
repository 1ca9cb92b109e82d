/**
 * remembered-surname: a name the article used for a person ("Michael Jordan") is a person again
 * when it comes back alone, unless announced ("in Ozark"), before a public body ("Ozark police"),
 * a country, or used by the same article as a town's ("HAMMOND, Ind.", "the DeKalb City Council":
 * one sense per article).
 */
import { isAdminKind } from '../kinds.js';
import type { Ctx, Match } from '../types.js';
import { bodyAfter, single } from './rule.js';

export const rememberedSurname = {
  id: 'remembered-surname',
  reason: 'A name the article used as a person\'s is a person again, unless announced, before a public body, or used as a town\'s.',
  apply(ctx: Ctx, kept: Match[]): Match[] {
    const placeKeys = new Set<string>();
    for (const m of kept) if (bodyAfter(ctx, m) || hintedByRegion(ctx, m)) placeKeys.add(m.key);
    return kept.filter(
      (m) =>
        !(
          single(m) &&
          m.via === 'gazetteer-name' &&
          !m.cue &&
          ctx.personTokens.has(m.key) &&
          !placeKeys.has(m.key) &&
          !bodyAfter(ctx, m) &&
          !m.cands.some((c) => ctx.g.place(c).kind === 'country')
        ),
    );
  },
} as const;

/** "Hammond, Ind.", "Tbilisi, Georgia": a region or country follows after a comma. */
function hintedByRegion(ctx: Ctx, m: Match): boolean {
  const nx = ctx.toks[m.j];
  if (!nx || !/^,\s?$/.test(nx.gap) || !nx.cap) return false;
  const { g } = ctx;
  return g.abbrevs.has(nx.fold) || !!g.lookup(nx.fold)?.some((c) => isAdminKind(g.place(c)) || g.place(c).kind === 'country');
}
