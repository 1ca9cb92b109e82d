/**
 * The context rules of resolution: each adds a gain to a candidate's prior. They read the article's
 * evidence for this pass (country and state votes less the key's own, the places resolved by the
 * previous pass).
 */
import type { Place } from '../gazetteer.js';
import { isAdminKind } from '../kinds.js';
import { haversineKm } from '../normalize.js';

export interface Resolution {
  p: Place;
  conf: number;
  rule: import('../rules.js').ResolveRuleId;
}

/** What the context rules see while scoring the candidates of one resolution key. */
export interface ScoreCtx {
  rkey: string;
  pass: number;
  /** Country vote for this key (its own votes taken out) and the highest of them. */
  voteOf(country: string): number;
  maxVote: number;
  /** State vote ("USA.TX") for this key. */
  stateOf(state: string): number;
  /** Every state with votes in this pass, and its vote before the key's own is taken out. */
  stateKeys(): Iterable<string>;
  stateRaw(state: string): number;
  resolved: ReadonlyMap<string, Resolution>;
  outlet: string | null;
}

export interface ScoreRule<Id extends string = string> {
  id: Id;
  reason: string;
  gain(sc: ScoreCtx, p: Place): number;
}

export const sameCountry = {
  id: 'same-country',
  reason: 'A candidate in a country the article names (or its demonyms, or its resolved towns) gains.',
  gain(sc, p) {
    if (!p.country || sc.maxVote <= 0) return 0;
    const v = sc.voteOf(p.country);
    return v > 0 ? (p.kind === 'country' ? 1 : isAdminKind(p) ? 2.5 : 2) * (v / sc.maxVote) : 0;
  },
} as const satisfies ScoreRule<'same-country'>;

export const sameState = {
  id: 'same-state',
  reason: 'A town in a state or province the article names gains.',
  gain(sc, p) {
    if (!p.admin1 || !p.country || (p.kind !== 'city' && p.kind !== 'county')) return 0;
    const sv = sc.stateOf(`${p.country}.${p.admin1}`);
    return sv > 0 ? Math.min(2, 1.2 * sv) : 0;
  },
} as const satisfies ScoreRule<'same-state'>;

const FAR_KINDS = new Set(['country', 'continent', 'ocean', 'region']);

export const nearby = {
  id: 'nearby',
  reason: 'A town or region within 150 km of the article\'s other resolved places (or holding its towns) gains.',
  gain(sc, p) {
    if (sc.pass < 1 || !(p.kind === 'city' || p.kind === 'county' || isAdminKind(p))) return 0;
    let near = 0;
    for (const [k2, r] of sc.resolved) {
      if (k2 === sc.rkey || FAR_KINDS.has(r.p.kind)) continue;
      if (haversineKm(p.lat, p.lon, r.p.lat, r.p.lon) < 150) near++;
      // A state or province holding the article's resolved towns ("Seattle … Washington").
      if (isAdminKind(p) && p.admin1 && r.p.kind === 'city' && r.p.country === p.country && r.p.admin1 === p.admin1) near++;
    }
    return near ? 0.8 * Math.min(near, 3) : 0;
  },
} as const satisfies ScoreRule<'nearby'>;

export const outletCountry = {
  id: 'outlet-country',
  reason: 'A candidate in the outlet\'s country gains a little.',
  gain(sc, p) {
    return sc.outlet && p.country === sc.outlet ? 0.5 : 0;
  },
} as const satisfies ScoreRule<'outlet-country'>;
