/** The candidates of each resolution key, best prior first, and the evidence the article's names give. */
import type { Place } from '../gazetteer.js';
import { prior, rivalsOf } from '../kinds.js';
import { nameKey } from '../normalize.js';
import type { Ctx, Match } from '../types.js';

/** Mentions grouped by resolution key (one sense per article and key). */
export interface Groups {
  keys: string[];
  mentions: Map<string, Match[]>;
  cands: Map<string, Place[]>;
}

export function groupMatches(ctx: Ctx, matches: readonly Match[]): Groups {
  const mentions = new Map<string, Match[]>();
  for (const m of matches) {
    const l = mentions.get(m.rkey);
    if (l) l.push(m);
    else mentions.set(m.rkey, [m]);
  }
  const keys = [...mentions.keys()];
  const cands = new Map<string, Place[]>();
  for (const rkey of keys) cands.set(rkey, candidatesOf(ctx, mentions.get(rkey) as Match[]));
  return { keys, mentions, cands };
}

/** The 40 best candidates by prior; common words keep only large places, counties US towns, acronyms areas. */
function candidatesOf(ctx: Ctx, ms: Match[]): Place[] {
  const { g } = ctx;
  const m0 = ms[0];
  let cands = m0.cands.map((c) => g.place(c));
  if (ms.every((m) => m.common) && !m0.hint) cands = cands.filter((p) => (p.kind !== 'city' && nameKey(p.name) === m0.key) || p.population >= 50000);
  if (m0.county) cands = countyCandidates(cands);
  // Acronyms ("EU", "BC") name countries and regions, not towns.
  const acronym = ctx.toks[m0.i].allCaps && ctx.toks[m0.i].text.length <= 4;
  if (acronym && m0.j - m0.i === 1 && cands.some((p) => p.kind !== 'city') && !g.preferred.has(m0.key)) cands = cands.filter((p) => p.kind !== 'city');
  const rivals = rivalsOf(cands);
  const scored = cands.map((p) => ({ p, s: prior(g, p, m0.key, rivals, ctx.on) }));
  scored.sort((x, y) => y.s - x.s);
  return scored.slice(0, 40).map((x) => x.p);
}

/** "X County": the US counties of that name when the gazetteer has them, else US towns of that name. */
function countyCandidates(cands: Place[]): Place[] {
  const counties = cands.filter((p) => p.kind === 'county' && p.country === 'USA');
  return counties.length ? counties : cands.filter((p) => p.kind === 'city' && p.country === 'USA');
}

/** Votes for countries and US-style states from the names resolved by their type alone. */
export interface Evidence {
  votes: Map<string, number>;
  /** Per resolution key, the votes it cast itself (a name never votes for itself). */
  own: Map<string, Map<string, number>>;
  stateVotes: Map<string, number>;
  stateOwn: Map<string, string>;
}

const add = (m: Map<string, number>, k: string, w: number): void => {
  m.set(k, (m.get(k) ?? 0) + w);
};

export function gatherEvidence(ctx: Ctx, groups: Groups): Evidence {
  const ev: Evidence = { votes: new Map(), own: new Map(), stateVotes: new Map(), stateOwn: new Map() };
  if (ctx.opts.noContext) return ev;
  const { g } = ctx;
  // Demonyms ("Armenian forces") and the outlet vote for their country.
  for (const t of ctx.toks) {
    const d = t.cap ? g.demonyms.get(t.fold) : undefined;
    if (d) add(ev.votes, d, 0.5);
  }
  if (ctx.outlet && ctx.on('outlet-country')) add(ev.votes, ctx.outlet, 0.5);
  for (const rkey of groups.keys) {
    const top = (groups.cands.get(rkey) as Place[])[0];
    const ms = groups.mentions.get(rkey) as Match[];
    if (top && top.kind !== 'city' && top.kind !== 'county' && !ms[0].county && ms[0].form !== 'demonym' && top.country) {
      const w = Math.min(2, ms.length) * (top.kind === 'country' ? 1 : 0.8);
      add(ev.votes, top.country, w);
      let o = ev.own.get(rkey);
      if (!o) ev.own.set(rkey, (o = new Map()));
      add(o, top.country, w);
      if (top.admin1) {
        add(ev.stateVotes, `${top.country}.${top.admin1}`, 1);
        ev.stateOwn.set(rkey, `${top.country}.${top.admin1}`);
      }
    }
    for (const m of ms) if (m.hint && m.hint.admin1 && m.hint.country) add(ev.stateVotes, `${m.hint.country}.${m.hint.admin1}`, 1);
  }
  return ev;
}
