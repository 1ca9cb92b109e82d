/**
 * county-in-state: "Laurel County" is the county (or the same-named town) in the US state the
 * article is about; failing both, the middle of the article's other places in that state.
 */
import type { Place } from '../gazetteer.js';
import type { Ctx, Match } from '../types.js';
import type { Groups } from './candidates.js';
import type { Resolution, ScoreCtx } from './score.js';

/**
 * A resolution when the rule places the county itself; undefined when the best candidate already lies
 * in the article's state (the caller keeps it, under this rule); null when nothing fits.
 */
export function countyInState(ctx: Ctx, groups: Groups, rkey: string, sc: ScoreCtx, best: Place | null): Resolution | null | undefined {
  const topState = articleState(sc);
  if (best && topState && `${best.country}.${best.admin1}` === topState) return undefined;
  const st = topState ? ctx.g.admin1.get(topState) : undefined;
  if (!st) return null;
  let la = 0;
  let lo = 0;
  let n = 0;
  for (const [k2, r] of sc.resolved) {
    if (k2 === rkey || r.p.kind !== 'city' || `${r.p.country}.${r.p.admin1}` !== topState) continue;
    la += r.p.lat;
    lo += r.p.lon;
    n++;
  }
  const m0 = (groups.mentions.get(rkey) as Match[])[0];
  const name = ctx.text.slice(ctx.toks[m0.i].start, ctx.toks[m0.j - 1].end);
  const p: Place = { ...st, name, lat: n ? la / n : st.lat, lon: n ? lo / n : st.lon, featureClass: 'A', featureCode: 'ADM2', kind: 'county' };
  return { p, conf: 0.4, rule: 'county-in-state' };
}

/** The US state with the most votes in this pass. */
function articleState(sc: ScoreCtx): string | null {
  let top: string | null = null;
  let topV = 0;
  for (const sk of sc.stateKeys()) {
    const v = sc.stateRaw(sk);
    if (sk.startsWith('USA.') && v > topV) [top, topV] = [sk, v];
  }
  return top;
}
