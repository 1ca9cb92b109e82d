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
import type { PlaceLevel } from '../model/document.js';
import { foldWord, haversineKm, nameKey } from './normalize.js';
import { FIRST_NAMES, GIVEN_NAME_PLACES, COMMON_WORDS, CONNECTORS, DIRECTION_WORDS, LOCATIVE_CUES, ORG_FOLLOWERS, STREET_FOLLOWERS, TITLES, ABBREVIATIONS } from './words.js';

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
  /** How large the place is (a typed fact: readers test this, never `rule`). */
  level: PlaceLevel;
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
  /** Follows "St. " / "Mt. " / "Ft. ": joined to the abbreviation. */
  afterAbbrev: boolean;
  /** Had a possessive ending ("Iraq's"), cut from `text`. */
  poss: boolean;
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
  /** Resolution key: the name key, or a hinted/county variant of it. */
  rkey: string;
  /** Followed by "County"/"Parish". */
  county: boolean;
  /** The admin region after a comma in "Seattle, Washington". */
  hintFor: boolean;
  /** A state abbreviation after a comma ("Charleston, W.Va."). */
  abbrev: boolean;
  /** End offset when the mention ends past its last token (the abbreviation's final dot). */
  endAt?: number;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{Lu}\.\p{Lu}(?![\p{L}.])|\p{L}[\p{L}\p{M}\p{N}'’]*|\d+/gu;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = 0;
  let m: RegExpExecArray | null;
  TOKEN_RE.lastIndex = 0;
  while ((m = TOKEN_RE.exec(text))) {
    let raw = m[0];
    // Possessive / trailing apostrophe: "Kiev's" → "Kiev".
    const poss = /['’][sS]?$/.exec(raw);
    const possessive = !!poss && raw.length > poss[0].length + 1;
    if (possessive && poss) raw = raw.slice(0, raw.length - poss[0].length);
    const start = m.index;
    const gap = text.slice(prevEnd, start);
    const prev = toks[toks.length - 1];
    const first = raw[0];
    const cap = first !== first.toLowerCase();
    const letters = raw.replace(/[^\p{L}]/gu, '');
    const allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const sentenceStart =
      !prev || /\n/.test(gap) || /["“:;]\s*$/.test(gap) || (/[.!?]/.test(gap) && !(gap.trim() === '.' && ABBREVIATIONS.has(prev.fold)));
    const afterAbbrev = !!prev && /^\. $/.test(gap) && /^(st|mt|ft|ste)$/.test(prev.fold) && cap;
    toks.push({ start, end: start + raw.length, text: raw, fold: foldWord(raw), cap, allCaps, gap, sentenceStart: sentenceStart && !afterAbbrev, titleLine: false, afterAbbrev, poss: possessive });
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
  if (t.afterAbbrev) return true;
  return /^(?:[ \u00a0]|[-‐–]|[ \u00a0]?[-‐][ \u00a0]?)$/.test(t.gap);
}

/** Lower-case words that join an organisation's name around a place ("Bank of England"). */
const BRIDGES = new Set(['of', 'de', 'del', 'da', 'du', 'des', 'for', 'upon', 'am']);

/** Names in the gazetteer that in news are almost never the place (weather, faiths, brands). */
const NOT_PLACES = new Set(['el nino', 'la nina', 'notre dame', 'christians', 'muslims', 'jews', 'god', 'allah', 'toyota', 'honda', 'nokia']);

/** Verbs of saying and pronouns that put a person, not a town, next to a name. */
const SPEECH = new Set(['said', 'says', 'told', 'added', 'asked', 'noted', 'explained', 'wrote', 'testified', 'argued', 'stated', 'insisted', 'replied', 'who', 'whose']);

/** Lower-case words that end a region's name in news usage ("Donetsk region", "Idlib province"). */
const ADMIN_TAILS = new Set(['region', 'province', 'oblast', 'governorate', 'state', 'strip', 'peninsula', 'valley']);

/** Abbreviations that mean something else too often to be a state on their own ("Miss.", "Col."). */
const NOT_FREE_ABBREVS = new Set(['miss', 'me', 'col', 'del', 'la', 'gen', 'sen', 'rep', 'gov', 'no', 'co', 'ok', 'in', 'hi', 'oh', 'ma', 'pa', 'al', 'de', 'id', 'or']);

/** Street followers that name a building in the place ("Hartford Hospital"), which keeps the place. */
const BUILDINGS = new Set(['center', 'centre', 'hotel', 'church', 'cathedral', 'mosque', 'temple', 'stadium', 'arena', 'mall', 'hospital']);

/** Abbreviations that are also words ("Mass."): before a capital they end a sentence. */
const WORDLIKE_ABBREVS = new Set(['mass', 'wash', 'ore', 'conn', 'ind', 'miss', 'del']);

const COUNTY_WORDS = new Set(['county', 'parish', 'borough']);

const KIND_PRIOR: Record<string, number> = {
  country: 5,
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

/** Candidate-set facts that change a city's prior. */
interface Rivals {
  country: boolean;
  /** A sea, ocean, continent, river, range or wide region shares the name ("Atlantic", "Pacific"). */
  area: boolean;
}

const AREA_KINDS = new Set(['sea', 'ocean', 'continent', 'river', 'mountains', 'desert', 'lake', 'canal', 'region', 'conflict-area']);

const rivalsOf = (cands: Place[]): Rivals => ({
  country: cands.some((p) => p.kind === 'country'),
  area: cands.some((p) => AREA_KINDS.has(p.kind)),
});

function prior(g: Gazetteer, p: Place, key: string, rivals: Rivals = { country: false, area: false }): number {
  let s: number;
  if (p.kind === 'city') {
    s = 0.5 * Math.log10(p.population + 10);
    if (p.featureCode === 'PPLC') s += 1.2;
    else if (p.featureCode === 'PPLA') s += 0.4;
    else if (p.featureCode === 'PPLA2') s += 0.15;
    else if (p.featureCode === 'PPLX') s -= 0.3;
    // A town named like a country ("China, Maine") needs strong local evidence to win.
    if (rivals.country) s -= 2.5;
    else if (rivals.area) s -= 1.5;
  } else s = KIND_PRIOR[p.kind] ?? 2.5;
  if (g.preferred.get(key) === p.idx) s += 2;
  return s;
}

const isAdminKind = (p: Place): boolean =>
  p.kind === 'state' || p.kind === 'province' || p.kind === 'nation' || p.kind === 'territory' || p.kind === 'district' || p.kind === 'oblast' || p.kind === 'governorate';

/** The size class of a gazetteer place. */
export function placeLevel(p: Place): PlaceLevel {
  if (p.kind === 'country') return 'country';
  if (p.kind === 'city') return 'city';
  if (p.featureCode === 'ADM2' || p.kind === 'district') return 'admin2';
  if (isAdminKind(p)) return 'admin1';
  if (p.kind === 'region' || p.kind === 'conflict-area' || p.kind === 'continent') return 'region';
  return 'feature';
}

/** Find and resolve every place name in `text`. */
export function findPlaces(text: string, opts: FindPlacesOptions = {}): PlaceMention[] {
  const g = gazetteer();
  const toks = tokenize(text);
  const exclude = opts.exclude ?? [];
  // "County", "Parish", "Borough", and "Co." before a lower-case word ("Loudon Co. man dies").
  const countyWord = (t: Tok): boolean => COUNTY_WORDS.has(t.fold) || (t.text === 'Co' && /^\. \p{Ll}/u.test(text.slice(t.end, t.end + 3)));
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
      if (!last.cap && !(n > 1 && ADMIN_TAILS.has(last.fold))) continue;
      let ok = true;
      for (let q = i + 1; q < i + n; q++) {
        const tq = toks[q];
        if (!joinable(tq) || toks[q - 1].poss || (!tq.cap && !CONNECTORS.has(tq.fold) && !(q === i + n - 1 && ADMIN_TAILS.has(tq.fold)))) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const key = nameKey(text.slice(t.start, last.end));
      const cands = g.lookup(key);
      if (cands) {
        found = { i, j: i + n, key, cands, common: false, cue: false, hint: null, recog: 0.8, rkey: key, county: false, hintFor: false, abbrev: false };
        break;
      }
    }
    if (found) {
      raw.push(found);
      i = found.j - 1;
    }
  }

  // State abbreviations after a comma ("Charleston, W.Va.") and counties the gazetteer lacks ("Kanawha County").
  const tokAt = new Map<number, number>();
  toks.forEach((t, k) => tokAt.set(t.start, k));
  const covered = (i: number, j: number): boolean => raw.some((m) => m.i < j && i < m.j);
  const extra: Match[] = [];
  const blank = (i: number, j: number, key: string, cands: number[]): Match => ({ i, j, key, cands, common: false, cue: false, hint: null, recog: 0.8, rkey: key, county: false, hintFor: false, abbrev: false });
  for (const am of text.matchAll(/,\s+((?:[A-Z][a-z]{0,4}\.\s?){1,2})/g)) {
    const s0 = (am.index ?? 0) + am[0].length - am[1].length;
    const str = am[1].trimEnd();
    const key = nameKey(str);
    const idx = g.abbrevs.get(key) ?? g.lookup(key)?.find((c) => isAdminKind(g.place(c)));
    const i = tokAt.get(s0);
    if (idx === undefined || i === undefined) continue;
    let j = i;
    while (j < toks.length && toks[j].end <= s0 + str.length) j++;
    if (j === i) continue;
    // "Sulpher, La.": a one- or two-letter name the tokens inside matched is the abbreviation.
    for (let q = raw.length - 1; q >= 0; q--) if (raw[q].i >= i && raw[q].j <= j && toks[raw[q].i].text.length <= 2) raw.splice(q, 1);
    if (covered(i, j)) continue;
    const m = blank(i, j, key, [idx]);
    m.abbrev = true;
    m.endAt = s0 + str.length;
    m.recog = 0.9;
    extra.push(m);
  }
  const usState = (key: string): number | undefined =>
    (g.lookup(key) ?? g.lookup(key.replace(/ /g, '')))?.find((c) => isAdminKind(g.place(c)) && g.place(c).country === 'USA');
  // Free-standing state abbreviations ("Ga. pastor", "avoiding Ind. tax", "Sen. Bob Casey, D-Pa.") and party-state
  // tags ("D-Calif", "R-Texas"): an abbreviation with its dot, or any state name after a party letter.
  for (const am of text.matchAll(/(?<![\p{L}.]|,\s?)((?:\p{Lu}\p{Ll}{0,4}\.\s?){1,2})/gu)) {
    const s0 = am.index ?? 0;
    const str = am[1].trimEnd();
    const key = nameKey(str);
    if (NOT_FREE_ABBREVS.has(key)) continue;
    const idx = g.abbrevs.get(key) ?? (str.length > 3 && /\..*\./.test(str) ? usState(key) : undefined);
    const i = tokAt.get(s0);
    if (idx === undefined || i === undefined) continue;
    let j = i;
    while (j < toks.length && toks[j].end <= s0 + str.length) j++;
    if (j === i || covered(i, j) || extra.some((m) => m.i < j && i < m.j)) continue;
    // Before a capitalised word mid-sentence it is usually a title or an initial ("Ind. Rep.", "Col. Smith").
    const nx = toks[j];
    if (nx && nx.cap && !toks[i].titleLine && (!nx.sentenceStart || WORDLIKE_ABBREVS.has(key)) && !/^(?:d|r|i)$/i.test(toks[i - 1]?.fold ?? '')) continue;
    const m = blank(i, j, key, [idx]);
    m.abbrev = true;
    m.endAt = s0 + str.length;
    m.recog = 0.8;
    extra.push(m);
  }
  for (const pm of text.matchAll(/\b[DRI]-(\p{Lu}[\p{L}]*\.?(?: ?\p{Lu}[\p{L}]*\.?)?)/gu)) {
    const s0 = (pm.index ?? 0) + 2;
    const str = pm[1].replace(/\s+$/, '');
    const key = nameKey(str);
    const idx = g.abbrevs.get(key) ?? usState(key) ?? g.abbrevs.get(key.split(' ')[0]) ?? usState(key.split(' ')[0]);
    const i = tokAt.get(s0);
    if (idx === undefined || i === undefined) continue;
    const full = g.abbrevs.get(key) !== undefined || g.lookup(key) !== undefined;
    const end = full ? s0 + str.length : toks[i].end;
    let j = i;
    while (j < toks.length && toks[j].end <= end) j++;
    if (j === i || extra.some((m) => m.i < j && i < m.j)) continue;
    for (let q = raw.length - 1; q >= 0; q--) if (raw[q].i < j && i < raw[q].j) raw.splice(q, 1);
    const m = blank(i, j, key, [idx]);
    m.abbrev = true;
    if (text[end - 1] === '.') m.endAt = end;
    m.recog = 0.9;
    extra.push(m);
  }
  // US postal codes after a town that has a namesake in that state ("Austin, TX").
  for (const pm of text.matchAll(/,\s+([A-Z]{2})\b(?![.'’-]?\p{L})/gu)) {
    const s0 = (pm.index ?? 0) + pm[0].length - 2;
    const st = g.admin1.get(`USA.${pm[1]}`);
    const i = tokAt.get(s0);
    if (!st || i === undefined) continue;
    const before = raw.find((m) => m.j === i);
    if (!before || !before.cands.some((c) => inside(g.place(c), st))) continue;
    const clash = raw.findIndex((m) => m.i === i);
    if (clash >= 0) raw.splice(clash, 1);
    const m = blank(i, i + 1, nameKey(pm[1]), [st.idx]);
    m.abbrev = true;
    m.recog = 0.9;
    extra.push(m);
  }
  for (const cm of text.matchAll(/\b(\p{Lu}[\p{L}']+(?:[ -]\p{Lu}[\p{L}']+)?) (?:County|Parish\b|Co\.(?= \p{Ll}))/gu)) {
    const i = tokAt.get(cm.index ?? 0);
    if (i === undefined) continue;
    let j = i;
    while (j < toks.length && toks[j].end <= (cm.index ?? 0) + cm[1].length) j++;
    if (j === i || covered(i, j + 1) || toks[i].sentenceStart && COMMON_WORDS.has(toks[i].fold)) continue;
    if (TITLES.has(toks[i].fold) || COMMON_WORDS.has(toks[i].fold)) continue;
    const m = blank(i, j, nameKey(cm[1]), []);
    m.abbrev = true;
    extra.push(m);
  }
  // "Cooke, Grayson and Love counties": every name in the list is a county.
  const NAME = "\\p{Lu}[\\p{L}'’]+(?: \\p{Lu}[\\p{L}'’]+)?";
  const listRe = new RegExp(`${NAME}(?:(?:,|,? and|,? or) ${NAME})+ (?:counties|parishes)\\b`, 'gu');
  for (const lm of text.matchAll(listRe)) {
    const base = lm.index ?? 0;
    for (const nm of lm[0].matchAll(new RegExp(NAME, 'gu'))) {
      const s0 = base + (nm.index ?? 0);
      const i = tokAt.get(s0);
      if (i === undefined) continue;
      let j = i;
      while (j < toks.length && toks[j].end <= s0 + nm[0].length) j++;
      if (j === i) continue;
      for (let q = raw.length - 1; q >= 0; q--) if (raw[q].i < j && i < raw[q].j) raw.splice(q, 1);
      const key = nameKey(nm[0]);
      const m = blank(i, j, key, g.lookup(key) ?? []);
      m.abbrev = true;
      m.county = true;
      m.rkey = `${key}#county`;
      extra.push(m);
    }
  }
  if (extra.length) {
    raw.push(...extra);
    raw.sort((a, b) => a.i - b.i);
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
    if (g.demonyms.has(m.key) && !m.cands.some((c) => g.place(c).kind === 'country')) continue;
    const prevTok = m.i > 0 ? toks[m.i - 1] : null;
    const joinedPrev = prevTok && joinable(first) ? prevTok : null;
    const title = first.titleLine;
    // Locative cue before ("in", "near", "north of").
    if (prevTok && !prevTok.cap && LOCATIVE_CUES.has(prevTok.fold)) {
      m.cue = true;
      m.recog = 0.9;
    }
    if (m.abbrev) {
      kept.push(m);
      continue;
    }
    const onlyTowns = m.cands.every((c) => g.place(c).kind === 'city');
    const beforeCounty = m.j < toks.length && countyWord(toks[m.j]) && toks[m.j].cap && joinable(toks[m.j]);
    if (beforeCounty) {
      kept.push(m);
      continue;
    }
    // A town-only name next to a speech verb ("Jones said", "said Welch") is a person.
    const bigCity = !g.preferred.has(m.key) && m.cands.some((c) => {
      const p = g.place(c);
      return p.featureCode === 'PPLC' || p.population >= 200000;
    });
    const nextTok = m.j < toks.length ? toks[m.j] : null;
    // "said Avondale Mayor Ed Rieker", "said Richmond police": the name is the town's.
    const orgAfter = !!nextTok && joinable(nextTok) && ORG_FOLLOWERS.has(nextTok.fold);
    if (single && onlyTowns && !m.cue && !bigCity && !orgAfter) {
      const nx = toks[m.j];
      const pv = toks[m.i - 1];
      if ((nx && SPEECH.has(nx.fold) && !/[.,;:]/.test(nx.gap)) || (pv && SPEECH.has(pv.fold) && !/[.,;:]/.test(first.gap))) continue;
    }
    // A town after a given name ("Mario Diaz-Balart") is a surname.
    if (single && onlyTowns && !m.cue && joinedPrev && joinedPrev.cap && FIRST_NAMES.has(joinedPrev.fold) && !first.titleLine) {
      personTokens.add(m.key);
      continue;
    }
    // A given name alone ("Scott said") is a person unless announced as a place ("in Scott").
    if (single && onlyTowns && !m.cue && FIRST_NAMES.has(m.key)) continue;
    // One- and two-letter words in title case ("Al", "Li") are not place names.
    if (single && !first.allCaps && first.text.length <= 2) continue;
    if (NOT_PLACES.has(m.key)) continue;
    // Sentence-initial common word.
    if (single && first.sentenceStart && !first.allCaps && (COMMON_WORDS.has(m.key) || lowerUsed.has(first.fold))) continue;
    if (single && !first.allCaps && COMMON_WORDS.has(m.key)) m.common = true;
    if (single && first.allCaps && first.text.length <= 4) {
      // Acronyms ("AP", "NATO") are places only when the gazetteer has a country or region by that name.
      if (!m.cands.some((c) => g.place(c).kind !== 'city') && !g.preferred.has(m.key)) continue;
    }
    // Person: title before ("Mr Jordan", "President Georgia").
    if (joinedPrev && joinedPrev.cap && TITLES.has(joinedPrev.fold)) {
      personTokens.add(m.key);
      continue;
    }
    if (prevTok && prevTok.cap && /^\.\s$/.test(first.gap) && TITLES.has(prevTok.fold) && ABBREVIATIONS.has(prevTok.fold)) {
      personTokens.add(m.key);
      continue;
    }
    if (!title) {
      // The capitalised run around the match. Inside a longer name ("Jamaica Cancer Society",
      // "University of Texas") the place is kept; a two-word run around a single place name is a
      // person ("Paris Hilton", "Michael Jordan", "Georgia Smith"), and a name ending in the place
      // after an unknown capitalised word is one too ("President Barack Obama").
      const capOk = (t: Tok): boolean => t.cap && !t.allCaps && t.text.length > 1;
      let left = 0;
      let leftWord: Tok | null = null;
      for (let q = m.i - 1; q >= 0; q--) {
        const tp = toks[q];
        // A middle initial ("John G. Roberts") belongs to the name.
        if (!joinable(toks[q + 1])) {
          if (/^\. $/.test(toks[q + 1].gap) && tp.text.length === 1 && tp.cap) continue;
          break;
        }
        if (tp.text.length === 1 && tp.cap && /^\. $/.test(toks[q + 1].gap)) continue;
        // "Fargo-Moorhead", "Logan-Rogersville": a hyphen between two place names joins two places.
        if (/[-‐–]/.test(toks[q + 1].gap) && g.has(tp.fold) && !FIRST_NAMES.has(tp.fold) && !(q > 0 && joinable(tp) && toks[q - 1].cap && !tp.sentenceStart)) break;
        if (!capOk(tp)) {
          if (BRIDGES.has(tp.fold) && q > 0 && toks[q - 1].cap && joinable(tp)) {
            left += 2; // "Bank of England": an organisation around the place
            q--;
            leftWord = null;
            continue;
          }
          break;
        }
        // A sentence's first word ("Considering Tunisia's…") is not part of a name unless it is a name itself.
        if (tp.sentenceStart && !FIRST_NAMES.has(tp.fold) && (COMMON_WORDS.has(tp.fold) || lowerUsed.has(tp.fold) || !g.has(tp.fold))) break;
        if (DIRECTION_WORDS.has(tp.fold) || tp.fold === 'the') continue;
        if (left === 0) leftWord = tp;
        left++;
      }
      let right = 0;
      let rightWord: Tok | null = null;
      // "Mansfield's Pastor on Patrol": a possessive ends a well-known place's run.
      const big = m.cands.some((c) => {
        const p = g.place(c);
        return p.kind !== 'city' || p.population >= 50000;
      });
      for (let q = lastTok.poss && big ? toks.length : m.j; q < toks.length; q++) {
        const tq = toks[q];
        if (!joinable(tq) || (/[-‐–]/.test(tq.gap) && g.has(tq.fold) && !FIRST_NAMES.has(m.key) && !(m.i > 0 && joinable(first) && toks[m.i - 1].cap && !first.sentenceStart))) break;
        if (!capOk(tq)) {
          if (BRIDGES.has(tq.fold) && q + 1 < toks.length && toks[q + 1].cap && joinable(toks[q + 1])) {
            right += 2;
            q++;
            continue;
          }
          break;
        }
        if (right === 0) rightWord = tq;
        right++;
      }
      const plainWord = (t: Tok): boolean => !ORG_FOLLOWERS.has(t.fold) && !COMMON_WORDS.has(t.fold) && !STREET_FOLLOWERS.has(t.fold);
      if (rightWord && STREET_FOLLOWERS.has(rightWord.fold) && right === 1 && !(BUILDINGS.has(rightWord.fold) && left === 0 && big)) continue;
      const major = m.cands.some((c) => {
        const p = g.place(c);
        return p.kind !== 'city' || p.population >= 200000;
      });
      // "Texas Rangers", "Seattle Seahawks": a plural after a well-known place is a team or a body.
      const plural = !!rightWord && /[^su]s$/.test(rightWord.fold) && !FIRST_NAMES.has(m.key);
      const personLike = !major || FIRST_NAMES.has(m.key) || GIVEN_NAME_PLACES.has(m.key);
      if (right === 1 && left === 0 && rightWord && plainWord(rightWord) && !first.allCaps && single && personLike && !(major && plural)) {
        // "Paris Hilton", "Jordan Peterson": a given name before a surname is remembered.
        if (FIRST_NAMES.has(m.key)) personTokens.add(rightWord.fold);
        // "Wang Yi": a small town's name before a given name is a family name.
        else if (m.cands.every((c) => g.place(c).kind === 'city' && g.place(c).population < 100000)) personTokens.add(m.key);
        continue;
      }
      if (right === 0 && leftWord && plainWord(leftWord) && !g.demonyms.has(leftWord.fold) && !first.allCaps) {
        // "Barack Obama", "John Roberts": the surname alone later in the article is the person too.
        const small = m.cands.every((c) => g.place(c).kind === 'city' && g.place(c).population < 100000);
        const givenBefore = toks.slice(Math.max(0, m.i - 3), m.i).some((t) => t.cap && FIRST_NAMES.has(t.fold));
        if (givenBefore || FIRST_NAMES.has(leftWord.fold) || (small && !g.has(leftWord.fold) && /^\p{Lu}\p{Ll}{2,}$/u.test(leftWord.text))) {
          personTokens.add(m.key);
          continue;
        }
        // A well-known place after some other word ("Historic Dublin", "Air France") stays a place.
        if (small || left > 1) continue;
      }
      if (right === 0 && left > 0 && leftWord && g.demonyms.has(leftWord.fold) && m.cands.every((c) => g.place(c).kind === 'city')) continue;
    }
    if (!single) m.recog = Math.max(m.recog, 0.9);
    if (m.common) m.recog = m.cue ? 0.7 : 0.5;
    kept.push(m);
  }
  // A remembered surname is a person again, unless announced ("in Ozark") or before a public body ("Ozark police").
  const bodyAfter = (m: Match): boolean => m.j < toks.length && joinable(toks[m.j]) && ORG_FOLLOWERS.has(toks[m.j].fold);
  // One sense per article: a name the article also uses as a town's ("the DeKalb City Council", a
  // "HAMMOND, Ind." dateline) is not a remembered surname elsewhere.
  const placeKeys = new Set<string>();
  for (const m of kept) {
    const nx = m.j < toks.length ? toks[m.j] : null;
    const hinted = !!nx && /^,\s?$/.test(nx.gap) && nx.cap && (g.abbrevs.has(nx.fold) || !!g.lookup(nx.fold)?.some((c) => isAdminKind(g.place(c)) || g.place(c).kind === 'country'));
    if (bodyAfter(m) || hinted) placeKeys.add(m.key);
  }
  const matches = kept.filter((m) => !(m.j - m.i === 1 && !m.cue && personTokens.has(m.key) && !placeKeys.has(m.key) && !bodyAfter(m) && !m.cands.some((c) => g.place(c).kind === 'country')));

  // 3. "Paris, Texas" / "Ganja, Azerbaijan" / "Alexandria, La." hints; "Laurel County".
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    const after = m.j < toks.length ? toks[m.j] : null;
    // "Lancashire County Council": a county outside the US that the gazetteer has is itself.
    const foreignRegion = m.cands.some((c) => g.place(c).kind !== 'city' && g.place(c).country !== 'USA' && g.place(c).country !== null);
    if (after && after.cap && joinable(after) && countyWord(after) && !foreignRegion) {
      m.county = true;
      m.j++;
      if (after.fold === 'co') m.endAt = after.end + 1;
      m.rkey = `${m.key}#county`;
      continue;
    }
    if (opts.noContext || !after || !/^,\s?$/.test(after.gap)) continue;
    let hint: Place | null = null;
    const next = matches[k + 1];
    if (next && next.i === m.j) {
      const hp = next.cands.map((c) => g.place(c)).find((p) => p.kind === 'country' || (isAdminKind(p) && p.admin1));
      if (hp && m.cands.some((c) => inside(g.place(c), hp))) {
        hint = hp;
        // "Seattle, Washington": the second name is the state, whatever it means alone.
        next.cands = [hp.idx];
        next.rkey = `${next.key}#${hp.idx}`;
        next.hintFor = true;
      }
    }
    if (!hint && after.cap) {
      const ab = g.abbrevs.get(after.fold);
      if (ab !== undefined && text[after.end] === '.') hint = g.place(ab);
    }
    if (hint) {
      const within = m.cands.filter((c) => inside(g.place(c), hint as Place));
      if (within.length) {
        m.hint = hint;
        m.cands = within;
        m.rkey = `${m.key}#${hint.idx}`;
      }
    }
  }

  // 4. Resolution, two passes: priors and explicit evidence, then the article's resolved places.
  const mentionsByKey = new Map<string, Match[]>();
  for (const m of matches) {
    const l = mentionsByKey.get(m.rkey);
    if (l) l.push(m);
    else mentionsByKey.set(m.rkey, [m]);
  }
  const keys = [...mentionsByKey.keys()];
  const candsOf = new Map<string, Place[]>();
  for (const rkey of keys) {
    const ms = mentionsByKey.get(rkey) as Match[];
    const m0 = ms[0];
    const common = ms.every((m) => m.common);
    let cands = m0.cands.map((c) => g.place(c));
    if (common && !m0.hint) cands = cands.filter((p) => (p.kind !== 'city' && nameKey(p.name) === m0.key) || p.population >= 50000);
    if (m0.county) cands = cands.filter((p) => p.kind === 'city' && p.country === 'USA');
    // Acronyms ("EU", "BC") name countries and regions, not towns.
    if (toks[m0.i].allCaps && m0.j - m0.i === 1 && cands.some((p) => p.kind !== 'city') && !g.preferred.has(m0.key)) cands = cands.filter((p) => p.kind !== 'city');
    const rivals = rivalsOf(cands);
    cands.sort((x, y) => prior(g, y, m0.key, rivals) - prior(g, x, m0.key, rivals));
    candsOf.set(rkey, cands.slice(0, 40));
  }

  // Evidence: countries and admin regions named in the text (per name, so a name never votes for itself).
  const own = new Map<string, Map<string, number>>();
  const addVote = (key: string, c: string | null, w: number): void => {
    if (!c) return;
    vote(c, w);
    let o = own.get(key);
    if (!o) own.set(key, (o = new Map()));
    o.set(c, (o.get(c) ?? 0) + w);
  };
  const stateVotes = new Map<string, number>();
  const stateOwn = new Map<string, string>();
  for (const rkey of keys) {
    const cands = candsOf.get(rkey) as Place[];
    if (!cands.length) continue;
    const ms = mentionsByKey.get(rkey) as Match[];
    const top = cands[0];
    if (top.kind !== 'city' && !ms[0].county) {
      addVote(rkey, top.country, Math.min(2, ms.length) * (top.kind === 'country' ? 1 : 0.8));
      if (top.admin1 && top.country) {
        stateVotes.set(`${top.country}.${top.admin1}`, (stateVotes.get(`${top.country}.${top.admin1}`) ?? 0) + 1);
        stateOwn.set(rkey, `${top.country}.${top.admin1}`);
      }
    }
    for (const m of ms) {
      if (m.hint && m.hint.admin1 && m.hint.country) {
        const sk = `${m.hint.country}.${m.hint.admin1}`;
        stateVotes.set(sk, (stateVotes.get(sk) ?? 0) + 1);
      }
    }
  }
  if (opts.noContext) {
    votes.clear();
    stateVotes.clear();
  }

  const resolved = new Map<string, { p: Place; conf: number; rule: string }>();
  for (let pass = 0; pass < (opts.noContext ? 1 : 3); pass++) {
    const passVotes = new Map(votes);
    const passState = new Map(stateVotes);
    const passOwn = new Map<string, Map<string, number>>();
    for (const [k, o] of own) passOwn.set(k, new Map(o));
    if (pass >= 1) {
      for (const [rkey, r] of resolved) {
        if (r.p.kind !== 'city' || !r.p.country) continue;
        const w = 0.5 * r.conf * Math.min(2, (mentionsByKey.get(rkey) as Match[]).length);
        passVotes.set(r.p.country, (passVotes.get(r.p.country) ?? 0) + w);
        let o = passOwn.get(rkey);
        if (!o) passOwn.set(rkey, (o = new Map()));
        o.set(r.p.country, (o.get(r.p.country) ?? 0) + w);
        if (r.p.admin1 && r.conf > 0.6) {
          const sk = `${r.p.country}.${r.p.admin1}`;
          passState.set(sk, (passState.get(sk) ?? 0) + 0.5);
        }
      }
      // A state the previous pass resolved by context ("Georgia" among US towns) counts as named.
      for (const [rkey, r] of resolved) {
        if (!isAdminKind(r.p) || !r.p.admin1 || !r.p.country || stateOwn.has(rkey) || rkey.endsWith('#county')) continue;
        const sk = `${r.p.country}.${r.p.admin1}`;
        passState.set(sk, (passState.get(sk) ?? 0) + 1);
        stateOwn.set(rkey, sk);
      }
    }
    const next = new Map<string, { p: Place; conf: number; rule: string }>();
    for (const rkey of keys) {
      const cands = candsOf.get(rkey) as Place[];
      const ms = mentionsByKey.get(rkey) as Match[];
      const m0 = ms[0];
      const ownV = passOwn.get(rkey);
      const voteOf = (c: string): number => Math.max(0, (passVotes.get(c) ?? 0) - (ownV?.get(c) ?? 0));
      let maxVote = 0;
      for (const c of passVotes.keys()) if (c) maxVote = Math.max(maxVote, voteOf(c));
      const stateOf = (sk: string): number => Math.max(0, (passState.get(sk) ?? 0) - (stateOwn.get(rkey) === sk ? 1 : 0) - (pass >= 1 && resolved.get(rkey)?.p.admin1 && `${resolved.get(rkey)?.p.country}.${resolved.get(rkey)?.p.admin1}` === sk ? 0.5 : 0));
      const rivals = rivalsOf(cands);
      let best: Place | null = null;
      let bestScore = -Infinity;
      let second = -Infinity;
      let bestRule = '';
      const priorBest = cands[0];
      for (const p of cands) {
        let s = prior(g, p, m0.key, rivals);
        let ctxRule = '';
        let ctxGain = 0;
        const add = (gain: number, rule: string): void => {
          s += gain;
          if (gain > ctxGain) {
            ctxGain = gain;
            ctxRule = rule;
          }
        };
        if (p.country && maxVote > 0) {
          const v = voteOf(p.country);
          if (v > 0) add((p.kind === 'country' ? 1 : isAdminKind(p) ? 2.5 : 2) * (v / maxVote), 'context/same-country');
        }
        if (p.admin1 && p.country && p.kind === 'city') {
          const sv = stateOf(`${p.country}.${p.admin1}`);
          if (sv > 0) add(Math.min(2, 1.2 * sv), 'context/same-state');
        }
        if (pass >= 1 && (p.kind === 'city' || isAdminKind(p))) {
          let near = 0;
          for (const [k2, r] of resolved) {
            if (k2 === rkey || r.p.kind === 'country' || r.p.kind === 'continent' || r.p.kind === 'ocean' || r.p.kind === 'region') continue;
            if (haversineKm(p.lat, p.lon, r.p.lat, r.p.lon) < 150) near++;
          }
          // A state or province holding the article's resolved towns ("Seattle … Washington").
          if (isAdminKind(p) && p.admin1) {
            for (const [k2, r] of resolved) {
              if (k2 !== rkey && r.p.kind === 'city' && r.p.country === p.country && r.p.admin1 === p.admin1) near++;
            }
          }
          if (near) add(0.8 * Math.min(near, 3), 'context/nearby');
        }
        if (outlet && p.country === outlet) add(0.5, 'context/outlet-country');
        if (s > bestScore) {
          second = bestScore;
          bestScore = s;
          best = p;
          bestRule = best === priorBest ? '' : ctxRule;
        } else if (s > second) second = s;
      }
      if (m0.county && !opts.noContext) {
        // "Laurel County": a same-named town in a state the article is about, else that state's centre.
        let topState: string | null = null;
        let topV = 0;
        for (const [sk, v] of passState) if (sk.startsWith('USA.') && v > topV) [topState, topV] = [sk, v];
        const inState = best && topState && `${best.country}.${best.admin1}` === topState;
        if (!inState) {
          const st = topState ? g.admin1.get(topState) : undefined;
          if (st) {
            // The middle of the article's other places in that state, else the state's centre.
            let la = 0;
            let lo = 0;
            let n = 0;
            for (const [k2, r] of resolved) {
              if (k2 === rkey || r.p.kind !== 'city' || `${r.p.country}.${r.p.admin1}` !== topState) continue;
              la += r.p.lat;
              lo += r.p.lon;
              n++;
            }
            const p: Place = n ? { ...st, name: text.slice(toks[m0.i].start, toks[m0.j - 1].end), lat: la / n, lon: lo / n, featureClass: 'A', featureCode: 'ADM2' } : st;
            next.set(rkey, { p, conf: 0.4, rule: 'context/county-in-state' });
            continue;
          }
          best = null;
        } else bestRule = 'context/county-in-state';
      }
      if (!best) continue;
      let rule = bestRule;
      if (m0.hint) rule = 'context/admin-hint';
      else if (m0.hintFor) rule = 'gazetteer/admin-after-comma';
      else if (!rule) {
        if (cands.length === 1) rule = best.kind === 'country' ? 'gazetteer/country' : best.kind === 'city' ? 'gazetteer/unique' : 'gazetteer/region';
        else if (g.preferred.get(m0.key) === best.idx) rule = 'gazetteer/alias';
        else if (best.kind === 'country') rule = 'gazetteer/country';
        else if (best.kind !== 'city') rule = 'gazetteer/region';
        else rule = 'population/largest';
      }
      const margin = cands.length === 1 ? 4 : bestScore - second;
      const conf = 1 / (1 + Math.exp(-1.5 * margin));
      next.set(rkey, { p: best, conf: m0.county ? conf * 0.6 : conf, rule });
    }
    resolved.clear();
    for (const [k, v] of next) resolved.set(k, v);
  }

  // 5. Output.
  const out: PlaceMention[] = [];
  for (const m of matches) {
    const r = resolved.get(m.rkey);
    if (!r) continue;
    const start = toks[m.i].start;
    const end = m.endAt ?? toks[m.j - 1].end;
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
      level: placeLevel(r.p),
    });
  }
  return out;
}

/** Is place p inside the hinted admin region or country? */
function inside(p: Place, hint: Place): boolean {
  if (hint.kind === 'country') return p.country === hint.country && p.kind !== 'country';
  return p.country === hint.country && p.kind === 'city' && p.admin1 === hint.admin1;
}
