/**
 * The offline gazetteer: the compiled GeoNames table (src/places/compile.ts: ~200k populated places
 * of cities500, first- and second-level areas, alternate names), the countries of world-countries
 * and i18n-iso-countries, and Dyad's own table of regions, provinces, conflict areas, seas and
 * continents (data/places/regions.jsonl) plus exonyms and historical names (data/places/aliases.jsonl)
 * and demonyms (data/places/demonyms.json).
 *
 * Loaded once, lazily, on first use and cached for the life of the process. GeoNames places are
 * materialised as `Place` objects only when looked at.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompiled, type CompiledGazetteer } from './compiled.js';
import { foldWord, nameKey } from './normalize.js';

export type PlaceKind =
  | 'country'
  | 'city'
  | 'state'
  | 'province'
  | 'oblast'
  | 'governorate'
  | 'nation'
  | 'territory'
  | 'district'
  | 'county'
  | 'feature'
  | 'region'
  | 'conflict-area'
  | 'continent'
  | 'sea'
  | 'ocean'
  | 'lake'
  | 'river'
  | 'canal'
  | 'mountains'
  | 'desert';

export interface Place {
  idx: number;
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-3, or null for places that belong to no single country (seas, continents). */
  country: string | null;
  geonameid: number | null;
  /** GeoNames feature class: P populated place, A administrative, L area, H water, T relief. */
  featureClass: string;
  /** GeoNames feature code for cities (PPLC, PPLA, …); 'PCLI' for countries; the kind otherwise. */
  featureCode: string;
  kind: PlaceKind;
  population: number;
  /** GeoNames admin1 code (US state postal code, "ENG", "08"…) when known. */
  admin1: string | null;
}

export interface Gazetteer {
  /** The place with this index (cities are materialised on first access). */
  place(idx: number): Place;
  /** Number of places; indices run 0..size-1. */
  size: number;
  /** Indices of the places called `key` (a `nameKey`). */
  lookup(key: string): number[] | undefined;
  /** Does any place have this name key? */
  has(key: string): boolean;
  /** name key → index of the place an exonym or historical name stands for ("kiev" → Kyiv). */
  preferred: Map<string, number>;
  /** ISO-3 → the country's record. */
  countries: Map<string, Place>;
  /** folded demonym/adjective ("french") → ISO-3, or '' for a region's ("european"). */
  demonyms: Map<string, string>;
  /** name key of a demonym ("sri lankan", "russians") → the country or region it refers to. */
  demonymPlace: Map<string, number>;
  /** (country ISO-3 + admin1 code) → the admin region record (US states, UK nations, …). */
  admin1: Map<string, Place>;
  /** State abbreviations ("Tex.", "La.") → admin record; valid only after a comma ("Paris, Tex."). */
  abbrevs: Map<string, number>;
  /** ISO-2 → ISO-3. */
  iso2to3: Map<string, string>;
  /** Longest name in tokens. */
  maxTokens: number;
  loadMs: number;
}

interface RegionRecord {
  id: string;
  name: string;
  aliases: string[];
  lat: number;
  lon: number;
  country: string | null;
  featureClass: string;
  kind: PlaceKind;
  population: number | null;
  admin1?: string;
}

interface AliasRecord {
  alias: string;
  geonameid: number;
  name: string;
  country: string;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  latlng: [number, number];
  area: number;
  demonyms?: { eng?: { f: string; m: string } };
}

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
/** dist/places → repo root; src/places when run from source. */
const dataDir = join(here, '..', '..', 'data', 'places');

/** Names the country packages lack or spell differently from news usage. */
const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  USA: ['U.S.', 'US', 'U.S.A.', 'USA', 'America', 'United States of America', 'the United States'],
  GBR: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  NLD: ['Holland'],
  CIV: ['Ivory Coast'],
  COD: ['DRC', 'DR Congo', 'D.R. Congo', 'Congo-Kinshasa', 'Democratic Republic of Congo'],
  COG: ['Congo-Brazzaville', 'Republic of Congo'],
  ARE: ['UAE', 'U.A.E.', 'Emirates'],
  CHN: ['PRC', 'Mainland China'],
  MMR: ['Burma'],
  PSE: ['Palestine', 'Palestinian territories', 'occupied Palestinian territories'],
  CZE: ['Czech Republic', 'Czechia'],
  TUR: ['Turkey', 'Türkiye', 'Turkiye'],
  SWZ: ['Swaziland', 'Eswatini'],
  MKD: ['Macedonia', 'North Macedonia'],
  TLS: ['East Timor'],
  VAT: ['Vatican', 'Vatican City', 'Holy See'],
  KOR: ['South Korea', 'Republic of Korea'],
  PRK: ['North Korea', 'DPRK'],
  RUS: ['Russian Federation'],
  SYR: ['Syria'],
  IRN: ['Iran'],
  LAO: ['Laos'],
  CPV: ['Cape Verde'],
  FSM: ['Micronesia'],
};

/**
 * GeoNames' own points for countries whose world-countries centroid differs by more than ~150 km
 * (GeoNames puts Japan at Tokyo, the United States at its geographic centre).
 */
const GEONAMES_COUNTRY_POINT: Record<string, [number, number]> = {
  USA: [39.76, -98.5],
  CAN: [60.10867, -113.64258],
  IND: [22, 79],
  JPN: [35.68536, 139.75309],
  LBY: [28, 17],
  RUS: [60, 100],
  CHN: [35, 105],
};

/** Short or ambiguous alternative spellings in the country packages that are not names in news text. */
const SKIP_COUNTRY_NAMES = new Set(['georgia', 'jersey', 'guernsey', 'sark', 'chad', 'guinea', 'jordan', 'niger', 'man', 'cook']);

let cached: Gazetteer | null = null;

/** Load (once) and return the gazetteer. */
export function gazetteer(): Gazetteer {
  if (!cached) cached = build();
  return cached;
}

/** The runtime half of the index: names of countries, regions and aliases (the compiled file has the rest). */
class Names {
  readonly index = new Map<string, number | number[]>();
  maxTokens = 1;

  add(name: string, idx: number): void {
    const key = /^[A-Za-z]+$/.test(name) ? name.toLowerCase() : nameKey(name);
    if (!key) return;
    this.maxTokens = Math.max(this.maxTokens, key.split(' ').length);
    const list = this.index.get(key);
    if (list === undefined) this.index.set(key, idx);
    else if (typeof list === 'number') {
      if (list !== idx) this.index.set(key, [list, idx]);
    } else if (!list.includes(idx)) list.push(idx);
  }

  get(key: string): number[] | undefined {
    const v = this.index.get(key);
    return v === undefined ? undefined : typeof v === 'number' ? [v] : v;
  }
}

interface Parts {
  fixed: Map<number, Place>;
  names: Names;
  countries: Map<string, Place>;
  demonyms: Map<string, string>;
  iso2to3: Map<string, string>;
}

function build(): Gazetteer {
  const t0 = performance.now();
  const parts: Parts = { fixed: new Map(), names: new Names(), countries: new Map(), demonyms: new Map(), iso2to3: new Map() };
  addCountries(parts);
  const cityBase = parts.fixed.size;
  const geo = loadCompiled();
  const place = placeReader(parts, geo, cityBase);
  const regions = addRegions(parts, cityBase + geo.size);
  const shadowed = shadowedAreas(geo, cityBase, regions, parts);
  for (let k = 0; k < geo.size; k++) {
    if (geo.kind(k) !== 'admin1' || shadowed.has(cityBase + k)) continue;
    const p = place(cityBase + k);
    if (p.admin1 && p.country) regions.admin1.set(`${p.country}.${p.admin1}`, p);
  }
  const preferred = addAliases(parts, geo, cityBase);
  const demonymPlace = demonymTable(parts.demonyms, parts.countries, regions.ids, (i) => parts.fixed.get(i) as Place);
  const lookup = (key: string): number[] | undefined => {
    const own = parts.names.get(key);
    const found = geo.lookup(key);
    if (!found || !found.length) return own;
    const out = own ? [...own] : [];
    for (const c of found) {
      const i = cityBase + c;
      if (!shadowed.has(i) && !own?.includes(i)) out.push(i);
    }
    return out.length ? out : undefined;
  };
  const has = (key: string): boolean => parts.names.index.has(key) || !!geo.lookup(key);
  return {
    place,
    size: regions.end,
    lookup,
    has,
    preferred,
    countries: parts.countries,
    demonyms: parts.demonyms,
    demonymPlace,
    admin1: regions.admin1,
    abbrevs: regions.abbrevs,
    iso2to3: parts.iso2to3,
    maxTokens: Math.max(parts.names.maxTokens, geo.maxTokens),
    loadMs: performance.now() - t0,
  };
}

function addCountries(parts: Parts): void {
  const world = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as { getNames(lang: string, opts: { select: 'all' }): Record<string, string[]> };
  const i18nNames = iso.getNames('en', { select: 'all' });
  for (const c of world) {
    parts.iso2to3.set(c.cca2, c.cca3);
    const point = GEONAMES_COUNTRY_POINT[c.cca3] ?? c.latlng;
    const p: Place = {
      idx: parts.fixed.size,
      name: c.name.common,
      lat: point[0],
      lon: point[1],
      country: c.cca3,
      geonameid: null,
      featureClass: 'A',
      featureCode: 'PCLI',
      kind: 'country',
      population: Math.round(c.area),
      admin1: null,
    };
    parts.fixed.set(p.idx, p);
    parts.countries.set(c.cca3, p);
    const names = new Set<string>([c.name.common, c.name.official, ...(i18nNames[c.cca2] ?? []), ...(EXTRA_COUNTRY_NAMES[c.cca3] ?? [])]);
    // ISO-2 codes ("FR") are not names in prose.
    for (const a of c.altSpellings) if (!/^[A-Z]{2}$/.test(a)) names.add(a);
    for (const n of names) {
      const key = nameKey(n);
      if (SKIP_COUNTRY_NAMES.has(key) && key !== nameKey(c.name.common)) continue;
      parts.names.add(n, p.idx);
    }
    const dem = c.demonyms?.eng;
    if (dem) for (const d of [dem.m, dem.f]) if (d) parts.demonyms.set(foldWord(d), c.cca3);
  }
}

const AREA_KIND: Record<string, PlaceKind> = { admin1: 'province', admin2: 'county' };

/** Place records for the compiled GeoNames rows, made on first access. */
function placeReader(parts: Parts, geo: CompiledGazetteer, cityBase: number): (idx: number) => Place {
  const cache = new Map<number, Place>();
  return (idx) => {
    const k = idx - cityBase;
    if (k < 0 || k >= geo.size) return parts.fixed.get(idx) as Place;
    let p = cache.get(idx);
    if (p) return p;
    const iso2 = geo.country(k);
    const kind = geo.kind(k);
    const country = parts.iso2to3.get(iso2) ?? (iso2 === 'XK' ? 'UNK' : iso2 || null);
    p = {
      idx,
      name: geo.name(k),
      lat: Math.round(geo.lat[k] * 1e5) / 1e5,
      lon: Math.round(geo.lon[k] * 1e5) / 1e5,
      country,
      geonameid: geo.geonameid[k] || null,
      featureClass: kind === 'city' ? 'P' : 'A',
      featureCode: geo.featureCode(k),
      kind: kind === 'city' ? 'city' : kind === 'admin1' && country === 'USA' ? 'state' : AREA_KIND[kind],
      population: geo.population[k],
      admin1: geo.admin1(k) || null,
    };
    cache.set(idx, p);
    return p;
  };
}

interface Regions {
  end: number;
  ids: Map<string, number>;
  admin1: Map<string, Place>;
  abbrevs: Map<string, number>;
  records: Place[];
}

/** Dyad's own regions table (data/places/regions.jsonl), indexed after the compiled places. */
function addRegions(parts: Parts, base: number): Regions {
  const out: Regions = { end: base, ids: new Map(), admin1: new Map(), abbrevs: new Map(), records: [] };
  for (const line of readFileSync(join(dataDir, 'regions.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as RegionRecord;
    const p: Place = {
      idx: out.end++,
      name: r.name,
      lat: r.lat,
      lon: r.lon,
      country: r.country,
      geonameid: null,
      featureClass: r.featureClass,
      featureCode: r.kind,
      kind: r.kind,
      population: r.population ?? 0,
      admin1: r.admin1 ?? null,
    };
    parts.fixed.set(p.idx, p);
    out.records.push(p);
    parts.names.add(r.name, p.idx);
    for (const a of r.aliases) {
      if (/^[A-Z][a-z]{1,4}\.$/.test(a)) out.abbrevs.set(nameKey(a), p.idx);
      else parts.names.add(a, p.idx);
    }
    if (r.admin1 && r.country) out.admin1.set(`${r.country}.${r.admin1}`, p);
    out.ids.set(r.id, p.idx);
  }
  return out;
}

/** Compiled admin areas that Dyad's own table already has (same country and admin1 code, or same name): the own record wins. */
function shadowedAreas(geo: CompiledGazetteer, cityBase: number, regions: Regions, parts: Parts): Set<number> {
  const out = new Set<number>();
  const iso3 = (k: number): string | undefined => parts.iso2to3.get(geo.country(k));
  const ownCodes = new Set(regions.records.filter((p) => p.admin1 && p.country).map((p) => `${p.country}.${p.admin1}`));
  for (let k = 0; k < geo.size; k++) if (geo.kind(k) === 'admin1' && ownCodes.has(`${iso3(k)}.${geo.admin1(k)}`)) out.add(cityBase + k);
  for (const p of regions.records) {
    for (const c of geo.lookup(nameKey(p.name)) ?? []) if (geo.kind(c) !== 'city' && iso3(c) === p.country) out.add(cityBase + c);
  }
  return out;
}

/** Exonyms and historical names of cities (data/places/aliases.jsonl), by GeoNames id. */
function addAliases(parts: Parts, geo: CompiledGazetteer, cityBase: number): Map<string, number> {
  const records = readFileSync(join(dataDir, 'aliases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AliasRecord);
  const wanted = new Set(records.map((a) => a.geonameid));
  const byId = new Map<number, number>();
  for (let k = 0; k < geo.size; k++) if (wanted.has(geo.geonameid[k]) && geo.kind(k) === 'city') byId.set(geo.geonameid[k], cityBase + k);
  const preferred = new Map<string, number>();
  for (const a of records) {
    const idx = byId.get(a.geonameid);
    if (idx === undefined) continue;
    parts.names.add(a.alias, idx);
    // Only true exonyms and old names ("Kiev", "Bombay") get the preference, not a repeat of the name.
    if (nameKey(a.alias) !== nameKey(a.name)) preferred.set(nameKey(a.alias), idx);
  }
  return preferred;
}

/**
 * Demonyms as places: the country packages' own (already in `demonyms`) plus data/places/demonyms.json,
 * whose targets are ISO-3 codes or ids of regions.jsonl records. Plurals ("Russians") are added.
 */
function demonymTable(demonyms: Map<string, string>, countries: Map<string, Place>, regionIds: Map<string, number>, fixedPlace: (idx: number) => Place): Map<string, number> {
  const file = JSON.parse(readFileSync(join(dataDir, 'demonyms.json'), 'utf8')) as { demonyms: Record<string, string>; noPlace: string[] };
  for (const d of file.noPlace) demonyms.set(d, '');
  const out = new Map<string, number>();
  for (const [d, iso] of demonyms) {
    const c = countries.get(iso);
    if (c) out.set(nameKey(d), c.idx);
  }
  for (const [d, target] of Object.entries(file.demonyms)) {
    const idx = /^[A-Z]{3}$/.test(target) ? countries.get(target)?.idx : regionIds.get(target);
    if (idx === undefined) continue;
    out.set(nameKey(d), idx);
    // Votes go to the country (a region's own country: "english" → GBR; a continent's none).
    const region = regionIds.has(target) ? fixedPlace(regionIds.get(target) as number) : undefined;
    const c = /^[A-Z]{3}$/.test(target) ? target : (region?.country ?? '');
    if (!d.includes(' ')) demonyms.set(foldWord(d), c);
  }
  for (const [k, idx] of [...out]) if (!k.endsWith('s') && !k.endsWith('ese') && !k.endsWith('ish') && !k.endsWith('ch')) out.set(`${k}s`, idx);
  return out;
}

