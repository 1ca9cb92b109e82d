/**
 * unsupported-village: a one-word name resolved to a village or small town (under 5,000 people)
 * with nothing in the text for it (no "in" before it, no "X, State", no "X police", no nearby place
 * or named state that chose it) is far more often a surname or a word ("Patrol", "Welch", "Turner")
 * than that village.
 */
import type { Resolution } from '../resolve/score.js';
import type { ResolveRuleId } from '../rules.js';
import type { Ctx, Match } from '../types.js';
import { bodyAfter, single } from '../filter/rule.js';

const VILLAGE = 5000;
/** Resolutions that no evidence of the article's own chose. */
const UNSUPPORTED = new Set<ResolveRuleId>(['unique-name', 'largest-population', 'same-country', 'outlet-country']);

export const unsupportedVillage = {
  id: 'unsupported-village',
  reason: 'A one-word name resolved to a village with no locative cue, hint, public body or nearby evidence is not kept.',
  keep(ctx: Ctx, m: Match, r: Resolution): boolean {
    if (!single(m) || m.via !== 'gazetteer-name' || m.cue || m.hint || m.county) return true;
    if (r.p.kind !== 'city' || r.p.population >= VILLAGE || !UNSUPPORTED.has(r.rule)) return true;
    return bodyAfter(ctx, m);
  },
} as const;
