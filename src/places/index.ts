/**
 * PLACES: find every place name in raw text and resolve it to coordinates, offline.
 *
 * Three phases of registered rules (src/places/rules.ts): recognise (gazetteer longest match over
 * capitalised runs, abbreviations, counties, demonyms), filter (people, organisations, streets,
 * common words), resolve (hints such as "Paris, Texas", then type and population priors scored with
 * the article's context: countries and states named, nearby places, the outlet's country). Every
 * mention is returned, countries and demonyms included; consumers choose what they need by `level`
 * and `form`.
 */
import { gazetteer, type Place } from './gazetteer.js';
import { levelOf } from './kinds.js';
import { CHECK, FILTER, FILTER_ARTICLE, HINTS, RECOGNISE, RESOLVE_LABEL, SCORE, type PlaceRuleId } from './rules.js';
import { groupMatches, gatherEvidence } from './resolve/candidates.js';
import { resolveAll } from './resolve/passes.js';
import type { Resolution } from './resolve/score.js';
import { tokenize } from './tokens.js';
import type { Ctx, FindPlacesOptions, Match, PlaceForm, PlaceMention } from './types.js';
import type { Found } from './recognise/rule.js';

export type { FindPlacesOptions, PlaceForm, PlaceLevel, PlaceMention } from './types.js';
export type { PlaceRuleId } from './rules.js';

/** Build the gazetteer index now rather than on the first call. */
export function loadGazetteer(): void {
  gazetteer();
}

/** Milliseconds the gazetteer took to load (it loads on first use). */
export function gazetteerLoadMs(): number {
  return gazetteer().loadMs;
}

/** Find and resolve every place name in `text`. */
export function findPlaces(text: string, opts: FindPlacesOptions = {}): PlaceMention[] {
  const ctx = makeCtx(text, opts);
  const found: Found = { raw: [], extra: [] };
  for (const rule of RECOGNISE) if (ctx.on(rule.id)) rule.apply(ctx, found);
  const all = [...found.raw, ...found.extra].sort((a, b) => a.i - b.i);
  let kept = all.filter((m) => keepMatch(ctx, m));
  for (const rule of FILTER_ARTICLE) if (ctx.on(rule.id)) kept = rule.apply(ctx, kept);
  for (let k = 0; k < kept.length; k++) {
    for (const rule of HINTS) if (ctx.on(rule.id) && rule.apply(ctx, kept, k)) break;
  }
  const groups = groupMatches(ctx, kept);
  const evidence = gatherEvidence(ctx, groups);
  const scoring = ctx.opts.noContext ? [] : SCORE.filter((r) => ctx.on(r.id));
  const resolved = resolveAll(ctx, groups, evidence, scoring);
  const out: PlaceMention[] = [];
  for (const m of kept) {
    const r = resolved.get(m.rkey);
    if (r && CHECK.every((c) => !ctx.on(c.id) || c.keep(ctx, m, r))) out.push(mention(ctx, m, r));
  }
  return out;
}

function makeCtx(text: string, opts: FindPlacesOptions): Ctx {
  const toks = tokenize(text);
  const off = new Set<PlaceRuleId>(opts.without ?? []);
  const tokAt = new Map<number, number>();
  toks.forEach((t, k) => tokAt.set(t.start, k));
  const lowerUsed = new Set<string>();
  for (const t of toks) if (!t.cap) lowerUsed.add(t.fold);
  const g = gazetteer();
  const oc = opts.outletCountry ? opts.outletCountry.toUpperCase() : null;
  const outlet = oc ? (oc.length === 2 ? (g.iso2to3.get(oc) ?? null) : oc) : null;
  return { text, toks, g, opts, on: (id) => !off.has(id), tokAt, lowerUsed, personTokens: new Set(), outlet, excludedTokens: excludedTokens(toks, opts.exclude) };
}

/** Runs the filters on one match: the first to drop or keep it decides; the survivors are kept. */
function keepMatch(ctx: Ctx, m: Match): boolean {
  if (ctx.on('excluded-span') && excluded(ctx, m)) return false;
  for (const rule of FILTER) {
    if (!ctx.on(rule.id)) continue;
    if (m.via !== 'gazetteer-name' && rule.id !== 'locative-cue') break;
    const v = rule.apply(ctx, m);
    if (v === 'drop') return false;
    if (v === 'keep') return true;
  }
  if (m.j - m.i > 1) m.recog = Math.max(m.recog, 0.9);
  if (m.common) m.recog = m.cue ? 0.7 : 0.5;
  return true;
}

/** Does the match overlap a span the caller excluded? (`ctx.excludedTokens` marks the tokens they cover.) */
function excluded(ctx: Ctx, m: Match): boolean {
  return ctx.excludedTokens.subarray(m.i, m.j).includes(1);
}

/** Marks the tokens that overlap an excluded span: one pass over the sorted spans and the tokens. */
function excludedTokens(toks: Ctx['toks'], spans: FindPlacesOptions['exclude']): Uint8Array {
  const out = new Uint8Array(toks.length);
  const ex = [...(spans ?? [])].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const x of ex) {
    while (k < toks.length && toks[k].end <= x.start) k++;
    for (let q = k; q < toks.length && toks[q].start < x.end; q++) out[q] = 1;
  }
  return out;
}

/** A dateline: an all-caps name opening a line, before a comma, a dash or "(AP)" ("BEIJING —", "HAMMOND, Ind."). */
function formOf(ctx: Ctx, m: Match): PlaceForm {
  if (m.form !== 'name') return m.form;
  const first = ctx.toks[m.i];
  if (!first.allCaps || !first.sentenceStart || !(m.i === 0 || /\n/.test(first.gap))) return 'name';
  const after = ctx.text.slice(ctx.toks[m.j - 1].end, ctx.toks[m.j - 1].end + 6);
  return /^\s*(?:,|[-–—]|\()/.test(after) ? 'dateline' : 'name';
}

function mention(ctx: Ctx, m: Match, r: Resolution): PlaceMention {
  const start = ctx.toks[m.i].start;
  const end = m.endAt ?? ctx.toks[m.j - 1].end;
  const p: Place = r.p;
  return {
    start,
    end,
    text: ctx.text.slice(start, end),
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    country: p.country,
    geonameid: p.geonameid,
    featureClass: p.featureClass,
    level: levelOf(p),
    form: formOf(ctx, m),
    confidence: Math.round(Math.min(1, r.conf * m.recog + 0.05) * 1000) / 1000,
    rules: [m.via, r.rule],
    rule: m.form === 'demonym' ? 'demonym' : RESOLVE_LABEL[r.rule],
  };
}
