/**
 * Resolution in passes: the first from priors and the article's explicit names, the next two also
 * from the places the previous pass resolved (their countries, states and neighbourhoods).
 */
import type { Place } from '../gazetteer.js';
import { isAdminKind, prior, rivalsOf } from '../kinds.js';
import type { ResolveRuleId } from '../rules.js';
import type { Ctx, Match } from '../types.js';
import type { Evidence, Groups } from './candidates.js';
import { countyInState } from './county.js';
import type { Resolution, ScoreCtx, ScoreRule } from './score.js';

export function resolveAll(ctx: Ctx, groups: Groups, ev: Evidence, rules: readonly ScoreRule<ResolveRuleId>[]): Map<string, Resolution> {
  let resolved = new Map<string, Resolution>();
  const passes = ctx.opts.noContext ? 1 : 3;
  for (let pass = 0; pass < passes; pass++) {
    const pe = passEvidence(ev, groups, resolved, pass);
    // Each key sees the keys before it as this pass resolved them (so two names never swap senses back and forth).
    const next = new Map(resolved);
    for (const rkey of groups.keys) {
      const sc = scoreCtx(ctx, pe, next, rkey, pass);
      const r = resolveKey(ctx, groups, rkey, sc, rules);
      if (r) next.set(rkey, r);
      else next.delete(rkey);
    }
    resolved = next;
  }
  return resolved;
}

const add = (m: Map<string, number>, k: string, w: number): void => {
  m.set(k, (m.get(k) ?? 0) + w);
};

/** The evidence of one pass: the named places' votes plus those of the towns and states the previous pass resolved. */
function passEvidence(ev: Evidence, groups: Groups, resolved: ReadonlyMap<string, Resolution>, pass: number): Evidence {
  const pe: Evidence = { votes: new Map(ev.votes), own: new Map(), stateVotes: new Map(ev.stateVotes), stateOwn: ev.stateOwn };
  for (const [k, o] of ev.own) pe.own.set(k, new Map(o));
  if (pass < 1) return pe;
  for (const [rkey, r] of resolved) {
    if (r.p.kind !== 'city' || !r.p.country) continue;
    const w = 0.5 * r.conf * Math.min(2, (groups.mentions.get(rkey) as Match[]).length);
    add(pe.votes, r.p.country, w);
    let o = pe.own.get(rkey);
    if (!o) pe.own.set(rkey, (o = new Map()));
    add(o, r.p.country, w);
    if (r.p.admin1 && r.conf > 0.6) add(pe.stateVotes, `${r.p.country}.${r.p.admin1}`, 0.5);
  }
  // A state the previous pass resolved by context ("Georgia" among US towns) counts as named.
  for (const [rkey, r] of resolved) {
    if (!isAdminKind(r.p) || !r.p.admin1 || !r.p.country || ev.stateOwn.has(rkey) || rkey.endsWith('#county')) continue;
    const sk = `${r.p.country}.${r.p.admin1}`;
    add(pe.stateVotes, sk, 1);
    ev.stateOwn.set(rkey, sk);
  }
  return pe;
}

function scoreCtx(ctx: Ctx, pe: Evidence, resolved: ReadonlyMap<string, Resolution>, rkey: string, pass: number): ScoreCtx {
  const ownV = pe.own.get(rkey);
  const voteOf = (c: string): number => Math.max(0, (pe.votes.get(c) ?? 0) - (ownV?.get(c) ?? 0));
  let maxVote = 0;
  for (const c of pe.votes.keys()) if (c) maxVote = Math.max(maxVote, voteOf(c));
  const prev = resolved.get(rkey)?.p;
  const prevState = pass >= 1 && prev?.admin1 ? `${prev.country}.${prev.admin1}` : null;
  const stateOf = (sk: string): number =>
    Math.max(0, (pe.stateVotes.get(sk) ?? 0) - (pe.stateOwn.get(rkey) === sk ? 1 : 0) - (prevState === sk ? 0.5 : 0));
  const stateKeys = (): Iterable<string> => pe.stateVotes.keys();
  const stateRaw = (sk: string): number => pe.stateVotes.get(sk) ?? 0;
  return { rkey, pass, voteOf, maxVote, stateOf, stateKeys, stateRaw, resolved, outlet: ctx.outlet };
}

/** The best candidate of one key, its confidence from the margin over the second, and the rule that decided. */
function resolveKey(ctx: Ctx, groups: Groups, rkey: string, sc: ScoreCtx, rules: readonly ScoreRule<ResolveRuleId>[]): Resolution | null {
  const cands = groups.cands.get(rkey) as Place[];
  const m0 = (groups.mentions.get(rkey) as Match[])[0];
  const rivals = rivalsOf(cands);
  let best: Place | null = null;
  let bestScore = -Infinity;
  let second = -Infinity;
  let bestRule: ResolveRuleId | null = null;
  for (const p of cands) {
    let s = prior(ctx.g, p, m0.key, rivals, ctx.on);
    let ctxRule: ResolveRuleId | null = null;
    let ctxGain = 0;
    for (const r of rules) {
      const gain = r.gain(sc, p);
      s += gain;
      if (gain > ctxGain) [ctxGain, ctxRule] = [gain, r.id];
    }
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = p;
      bestRule = best === cands[0] ? null : ctxRule;
    } else if (s > second) second = s;
  }
  if (m0.county && !ctx.opts.noContext && ctx.on('county-in-state')) {
    const c = countyInState(ctx, groups, rkey, sc, best);
    if (c) return c;
    if (c === null) return null;
    bestRule = 'county-in-state';
  }
  if (!best) return null;
  const margin = cands.length === 1 ? 4 : bestScore - second;
  const conf = 1 / (1 + Math.exp(-1.5 * margin));
  return { p: best, conf: m0.county ? conf * 0.6 : conf, rule: ruleOf(ctx, m0, cands, best, bestRule) };
}

/** Which rule decided: a hint, the context rule that moved the winner past the prior's choice, else the type or population. */
function ruleOf(ctx: Ctx, m0: Match, cands: Place[], best: Place, bestRule: ResolveRuleId | null): ResolveRuleId {
  if (m0.hint) return 'admin-hint';
  if (m0.hintFor) return 'admin-after-comma';
  if (bestRule) return bestRule;
  if (m0.county && best.kind === 'county') return 'county-suffix';
  if (cands.length === 1) return best.kind === 'country' ? 'country-name' : best.kind === 'city' ? 'unique-name' : 'region-name';
  if (ctx.g.preferred.get(m0.key) === best.idx) return 'alias';
  if (best.kind === 'country') return 'country-name';
  if (best.kind !== 'city') return 'region-name';
  return 'largest-population';
}
