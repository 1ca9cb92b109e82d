/**
 * PLACES stage: find every place name in raw text and resolve it to coordinates, offline.
 *
 * Recognition: gazetteer longest match over capitalised token runs (with connectors such as
 * "of", "de", "al-"), filtered by rules that keep people ("Paris Hilton"), organisations' inner
 * words, sentence-initial common words ("Reading the report…") and demonyms ("French") out.
 * Resolution: a score per candidate from its type and population, then the article's context
 * (countries mentioned, states mentioned, nearby places, the outlet's country, "Paris, Texas").
 */
import { gazetteer, type Gazetteer, type Place } from './gazetteer.js';
import { foldWord, haversineKm, nameKey } from './normalize.js';
import { COMMON_WORDS, CONNECTORS, DIRECTION_WORDS, LOCATIVE_CUES, ORG_FOLLOWERS, STREET_FOLLOWERS, TITLES, ABBREVIATIONS } from './words.js';

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** Canonical name of the resolved place. */
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-3. */
  country: string | null;
  geonameid: number | null;
  featureClass: string | null;
  /** 0..1 */
  confidence: number;
  /** Which rule resolved it ("gazetteer/country", "context/same-country", "population/largest", …). */
  rule: string;
}

export interface FindPlacesOptions {
  /** ISO-3 (or ISO-2) country of the outlet, when known. */
  outletCountry?: string | null;
  /** Spans the actor stage already knows are not places (people's names etc.). */
  exclude?: Array<{ start: number; end: number }>;
  /** Resolve each name by type and population alone (the eval's context-free baseline). */
  noContext?: boolean;
}

/** Build the gazetteer index now rather than on the first call. */
export function loadGazetteer(): void {
  gazetteer();
}

/** Milliseconds the gazetteer took to build (0 before it is built). */
export function gazetteerLoadMs(): number {
  return gazetteer().loadMs;
}

interface Tok {
  start: number;
  end: number;
  text: string;
  fold: string;
  cap: boolean;
  allCaps: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  sentenceStart: boolean;
  titleLine: boolean;
}

interface Match {
  i: number;
  /** Exclusive token index. */
  j: number;
  key: string;
  cands: number[];
  /** Single common word ("Reading", "Mobile"): never a small town. */
  common: boolean;
  cue: boolean;
  /** Restriction from "X, <admin>" / "X, <country>". */
  hint: Place | null;
  recog: number;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}'’]*|\d+/gu;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = 0;
  let m: RegExpExecArray | null;
  TOKEN_RE.lastIndex = 0;
  while ((m = TOKEN_RE.exec(text))) {
    let raw = m[0];
    // Possessive / trailing apostrophe: "Kiev's" → "Kiev".
    const poss = /['’]s?$/.exec(raw);
    if (poss && raw.length > poss[0].length + 1) raw = raw.slice(0, raw.length - poss[0].length);
    const start = m.index;
    const gap = text.slice(prevEnd, start);
    const prev = toks[toks.length - 1];
    const first = raw[0];
    const cap = first !== first.toLowerCase();
    const letters = raw.replace(/[^\p{L}]/gu, '');
    const allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const sentenceStart =
      !prev || /\n/.test(gap) || /["“:;]\s*$/.test(gap) || (/[.!?]/.test(gap) && !(gap.trim() === '.' && ABBREVIATIONS.has(prev.fold)));
    toks.push({ start, end: start + raw.length, text: raw, fold: foldWord(raw), cap, allCaps, gap, sentenceStart, titleLine: false });
    prevEnd = m.index + m[0].length;
  }
  // Headline-style lines (most words capitalised) relax the person/organisation rules.
  let lineStart = 0;
  for (let k = 0; k <= toks.length; k++) {
    if (k === toks.length || (k > lineStart && /\n/.test(toks[k].gap))) {
      let caps = 0;
      let words = 0;
      for (let q = lineStart; q < k; q++) {
        if (toks[q].text.length > 3 && /\p{L}/u.test(toks[q].text[0])) {
          words++;
          if (toks[q].cap) caps++;
        }
      }
      const title = words >= 3 && caps / words > 0.8;
      if (title) for (let q = lineStart; q < k; q++) toks[q].titleLine = true;
      lineStart = k;
    }
  }
  return toks;
}

/** Tokens i and i+1 belong to one name only when separated by a space or a hyphen. */
function joinable(t: Tok): boolean {
  return /^(?:[ \u00a0]|[-‐–]|[ \u00a0]?[-‐][ \u00a0]?)$/.test(t.gap);
}

const KIND_PRIOR: Record<string, number> = {
  country: 4,
  state: 3,
  province: 3,
  oblast: 3,
  governorate: 3,
  nation: 3.2,
  territory: 3,
  district: 3,
  region: 3,
  'conflict-area': 3.2,
  continent: 3.5,
  sea: 3,
  ocean: 3,
  lake: 2.5,
  river: 2.5,
  canal: 2.5,
  mountains: 2.5,
  desert: 2.5,
};

function prior(g: Gazetteer, p: Place, key: string): number {
  let s: number;
  if (p.kind === 'city') {
    s = 0.5 * Math.log10(p.population + 10);
    if (p.featureCode === 'PPLC') s += 1.2;
    else if (p.featureCode === 'PPLA') s += 0.4;
    else if (p.featureCode === 'PPLA2') s += 0.15;
    else if (p.featureCode === 'PPLX') s -= 0.3;
  } else s = KIND_PRIOR[p.kind] ?? 2.5;
  if (g.preferred.get(key) === p.idx) s += 3;
  return s;
}

const isAdminKind = (p: Place): boolean =>
  p.kind === 'state' || p.kind === 'province' || p.kind === 'nation' || p.kind === 'territory' || p.kind === 'district' || p.kind === 'oblast' || p.kind === 'governorate';

/** Find and resolve every place name in `text`. */
export function findPlaces(text: string, opts: FindPlacesOptions = {}): PlaceMention[] {
  const g = gazetteer();
  const toks = tokenize(text);
  const exclude = opts.exclude ?? [];
  const excluded = (s: number, e: number): boolean => exclude.some((x) => s < x.end && x.start < e);

  // Words used in lower case somewhere in the text ("reading", "split"): when they open a sentence they are words.
  const lowerUsed = new Set<string>();
  for (const t of toks) if (!t.cap) lowerUsed.add(t.fold);

  // 1. Gazetteer longest match.
  const raw: Match[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const dirPrefix = !t.cap && DIRECTION_WORDS.has(t.fold);
    if (!t.cap && !dirPrefix) continue;
    let found: Match | null = null;
    const maxN = Math.min(g.maxTokens, toks.length - i);
    for (let n = maxN; n >= (dirPrefix ? 2 : 1); n--) {
      const last = toks[i + n - 1];
      if (!last.cap) continue;
      let ok = true;
      for (let q = i + 1; q < i + n; q++) {
        const tq = toks[q];
        if (!joinable(tq) || (!tq.cap && !CONNECTORS.has(tq.fold))) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const key = nameKey(text.slice(t.start, last.end));
      const cands = g.index.get(key);
      if (cands) {
        found = { i, j: i + n, key, cands, common: false, cue: false, hint: null, recog: 0.8 };
        break;
      }
    }
    if (found) {
      raw.push(found);
      i = found.j - 1;
    }
  }

  // Mentions of a demonym as evidence of a country (never places themselves).
  const votes = new Map<string, number>();
  const vote = (c: string | null, w: number): void => {
    if (c) votes.set(c, (votes.get(c) ?? 0) + w);
  };
  for (const t of toks) {
    if (!t.cap) continue;
    const d = g.demonyms.get(t.fold);
    if (d) vote(d, 0.5);
  }
  const oc = opts.outletCountry ? opts.outletCountry.toUpperCase() : null;
  const outlet = oc ? (oc.length === 2 ? (g.iso2to3.get(oc) ?? null) : oc) : null;
  if (outlet) vote(outlet, 0.5);

  // 2. Recognition filters.
  const personTokens = new Set<string>();
  const kept: Match[] = [];
  for (const m of raw) {
    const first = toks[m.i];
    const lastTok = toks[m.j - 1];
    const start = first.start;
    const end = lastTok.end;
    const single = m.j - m.i === 1;
    if (excluded(start, end)) continue;
    if (g.demonyms.has(m.key) && !m.cands.some((c) => g.places[c].kind === 'country')) continue;
    const prevTok = m.i > 0 ? toks[m.i - 1] : null;
    const nextTok = m.j < toks.length ? toks[m.j] : null;
    const joinedPrev = prevTok && joinable(first) ? prevTok : null;
    const joinedNext = nextTok && joinable(nextTok) ? nextTok : null;
    const title = first.titleLine;
    // Sentence-initial common word.
    if (single && first.sentenceStart && !first.allCaps && (COMMON_WORDS.has(m.key) || lowerUsed.has(first.fold))) continue;
    if (single && !first.allCaps && COMMON_WORDS.has(m.key)) m.common = true;
    if (single && first.allCaps && first.text.length <= 4) {
      // Acronyms ("AP", "NATO") are places only when the gazetteer has a country or region by that name.
      if (!m.cands.some((c) => g.places[c].kind !== 'city')) continue;
    }
    // Person: title before ("Mr Jordan", "President Georgia").
    if (joinedPrev && joinedPrev.cap && TITLES.has(joinedPrev.fold)) {
      personTokens.add(m.key);
      continue;
    }
    if (prevTok && prevTok.gap !== undefined && /^\.\s$/.test(first.gap) && TITLES.has(prevTok.fold)) {
      personTokens.add(m.key);
      continue;
    }
    if (!title) {
      // The capitalised run around the match must not extend it into a longer name: a person
      // ("Paris Hilton", "Michael Jordan", "Georgia Smith") or an unknown organisation.
      let bad = false;
      for (let q = m.i - 1; q >= 0; q--) {
        const tq = toks[q + 1];
        const tp = toks[q];
        if (!joinable(tq) || !tp.cap || tp.allCaps) break;
        if (tp.sentenceStart && (COMMON_WORDS.has(tp.fold) || lowerUsed.has(tp.fold))) break;
        if (DIRECTION_WORDS.has(tp.fold) || g.demonyms.has(tp.fold) || tp.fold === 'the') continue;
        if (COMMON_WORDS.has(tp.fold)) break;
        bad = true;
        break;
      }
      if (!bad && joinedNext && joinedNext.cap && !joinedNext.allCaps) {
        if (STREET_FOLLOWERS.has(joinedNext.fold)) bad = true;
        else if (!ORG_FOLLOWERS.has(joinedNext.fold) && !COMMON_WORDS.has(joinedNext.fold)) {
          // "Paris Hilton", "Jordan Peterson": the next word is a surname; remember it.
          personTokens.add(joinedNext.fold);
          bad = true;
        }
      }
      if (bad) continue;
    }
    // Locative cue before ("in", "near", "north of").
    if (prevTok && !prevTok.cap && LOCATIVE_CUES.has(prevTok.fold)) {
      m.cue = true;
      m.recog = 0.9;
    }
    if (!single) m.recog = Math.max(m.recog, 0.9);
    if (m.common) m.recog = m.cue ? 0.7 : 0.5;
    kept.push(m);
  }
  const matches = kept.filter((m) => !(m.j - m.i === 1 && personTokens.has(m.key) && !m.cands.some((c) => g.places[c].kind === 'country')));

  // 3. "Paris, Texas" / "Ganja, Azerbaijan" / "Alexandria, La." hints.
  for (let k = 0; !opts.noContext && k < matches.length; k++) {
    const m = matches[k];
    const after = m.j < toks.length ? toks[m.j] : null;
    if (!after || !/^,\s?$/.test(after.gap)) continue;
    let hint: Place | null = null;
    const next = matches[k + 1];
    if (next && next.i === m.j) {
      const hp = next.cands.map((c) => g.places[c]).find((p) => p.kind === 'country' || (isAdminKind(p) && p.admin1));
      if (hp) hint = hp;
    }
    if (!hint && after.cap) {
      const ab = g.abbrevs.get(after.fold);
      if (ab !== undefined && /^\./.test(text.slice(after.end, after.end + 1))) hint = g.places[ab];
    }
    if (hint && hint.idx !== m.cands[0]) {
      const within = m.cands.filter((c) => inside(g.places[c], hint as Place));
      if (within.length) {
        m.hint = hint;
        m.cands = within;
      }
    }
  }

  // 4. Resolution, two passes: priors and explicit evidence, then the article's resolved places.
  const mentionsByKey = new Map<string, Match[]>();
  for (const m of matches) {
    const l = mentionsByKey.get(m.key);
    if (l) l.push(m);
    else mentionsByKey.set(m.key, [m]);
  }
  const keys = [...mentionsByKey.keys()];
  const candsOf = new Map<string, Place[]>();
  for (const key of keys) {
    const ms = mentionsByKey.get(key) as Match[];
    const hinted = ms.find((m) => m.hint);
    const common = ms.every((m) => m.common);
    let cands = (hinted ? hinted.cands : ms[0].cands).map((c) => g.places[c]);
    if (common && !hinted) cands = cands.filter((p) => p.kind !== 'city' || p.population >= 50000);
    cands.sort((a, b) => prior(g, b, key) - prior(g, a, key));
    candsOf.set(key, cands.slice(0, 40));
  }

  // Explicit evidence: countries and admin regions named in the text.
  const stateVotes = new Map<string, number>();
  for (const key of keys) {
    const cands = candsOf.get(key) as Place[];
    if (!cands.length) continue;
    const top = cands[0];
    const n = (mentionsByKey.get(key) as Match[]).length;
    if (top.kind !== 'city') {
      vote(top.country, Math.min(2, n) * (top.kind === 'country' ? 1 : 0.8));
      if (top.admin1 && top.country) stateVotes.set(`${top.country}.${top.admin1}`, 1);
    }
  }

  const resolved = new Map<string, { p: Place; conf: number; rule: string }>();
  if (opts.noContext) {
    votes.clear();
    stateVotes.clear();
  }
  for (let pass = 0; pass < (opts.noContext ? 1 : 2); pass++) {
    const passVotes = new Map(votes);
    if (pass === 1) {
      for (const [key, r] of resolved) {
        if (r.p.kind === 'city') {
          const w = 0.5 * r.conf * Math.min(2, (mentionsByKey.get(key) as Match[]).length);
          passVotes.set(r.p.country ?? '', (passVotes.get(r.p.country ?? '') ?? 0) + w);
        }
      }
    }
    const next = new Map<string, { p: Place; conf: number; rule: string }>();
    for (const key of keys) {
      const cands = candsOf.get(key) as Place[];
      if (!cands.length) continue;
      const ms = mentionsByKey.get(key) as Match[];
      // Votes excluding this name's own contribution.
      let maxVote = 0;
      for (const [c, v] of passVotes) if (c && v > maxVote) maxVote = v;
      let best: Place | null = null;
      let bestScore = -Infinity;
      let second = -Infinity;
      let bestRule = '';
      const priorBest = cands[0];
      const scores: number[] = [];
      for (const p of cands) {
        const base = prior(g, p, key);
        let s = base;
        let ctxRule = '';
        let ctxGain = 0;
        const add = (gain: number, rule: string): void => {
          s += gain;
          if (gain > ctxGain) {
            ctxGain = gain;
            ctxRule = rule;
          }
        };
        if (p.country && maxVote > 0 && p.kind !== 'country') {
          const v = passVotes.get(p.country) ?? 0;
          if (v > 0) add(2 * (v / maxVote), 'context/same-country');
        }
        if (p.kind === 'country' && maxVote > 0) {
          const v = passVotes.get(p.country ?? '') ?? 0;
          if (v > 0) add(1 * (v / maxVote), 'context/same-country');
        }
        if (p.admin1 && p.country && p.kind === 'city' && stateVotes.has(`${p.country}.${p.admin1}`)) add(1.5, 'context/same-state');
        if (pass === 1 && (p.kind === 'city' || isAdminKind(p))) {
          let near = 0;
          for (const [k2, r] of resolved) {
            if (k2 === key || r.p.kind === 'country' || r.p.kind === 'continent' || r.p.kind === 'ocean') continue;
            if (haversineKm(p.lat, p.lon, r.p.lat, r.p.lon) < 150) near++;
          }
          if (near) add(0.8 * Math.min(near, 3), 'context/nearby');
        }
        if (outlet && p.country === outlet) add(0.5, 'context/outlet-country');
        scores.push(s);
        if (s > bestScore) {
          second = bestScore;
          bestScore = s;
          best = p;
          bestRule = best === priorBest ? '' : ctxRule;
        } else if (s > second) second = s;
      }
      if (!best) continue;
      let rule = bestRule;
      if (ms.some((m) => m.hint) && !opts.noContext) rule = 'context/admin-hint';
      else if (!rule) {
        if (cands.length === 1) rule = best.kind === 'country' ? 'gazetteer/country' : best.kind === 'city' ? 'gazetteer/unique' : 'gazetteer/region';
        else if (g.preferred.get(key) === best.idx) rule = 'gazetteer/alias';
        else if (best.kind === 'country') rule = 'gazetteer/country';
        else if (best.kind !== 'city') rule = 'gazetteer/region';
        else rule = 'population/largest';
      }
      const margin = cands.length === 1 ? 4 : bestScore - second;
      const conf = 1 / (1 + Math.exp(-1.5 * margin));
      next.set(key, { p: best, conf, rule });
    }
    resolved.clear();
    for (const [k, v] of next) resolved.set(k, v);
  }

  // 5. Output.
  const out: PlaceMention[] = [];
  for (const m of matches) {
    const r = resolved.get(m.key);
    if (!r) continue;
    const start = toks[m.i].start;
    const end = toks[m.j - 1].end;
    // A lower-case direction prefix ("northern Syria") stays outside the span unless it is part of the name.
    out.push({
      start,
      end,
      text: text.slice(start, end),
      name: r.p.name,
      lat: r.p.lat,
      lon: r.p.lon,
      country: r.p.country,
      geonameid: r.p.geonameid,
      featureClass: r.p.featureClass,
      confidence: Math.round(Math.min(1, r.conf * m.recog + 0.05) * 1000) / 1000,
      rule: r.rule,
    });
  }
  return out;
}

/** Is place p inside the hinted admin region or country? */
function inside(p: Place, hint: Place): boolean {
  if (hint.kind === 'country') return p.country === hint.country && p.kind !== 'country';
  return p.country === hint.country && p.kind === 'city' && p.admin1 === hint.admin1;
}
