/**
 * Reads the compiled GeoNames gazetteer (src/places/compile.ts writes it at build time into
 * dist/places/gazetteer.bin): typed-array views over one file read, no per-place objects. When the
 * file is missing (a plain `tsc` build), it is compiled once in-process and written for next time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/errors.js';
import { COMPILED_KINDS, writeCompiledGazetteer, type CompiledHeader, type CompiledKind } from './compile.js';

export const COMPILED_FILE = fileURLToPath(new URL('./gazetteer.bin', import.meta.url));

export interface CompiledGazetteer {
  size: number;
  maxTokens: number;
  lat: Float32Array;
  lon: Float32Array;
  population: Uint32Array;
  geonameid: Uint32Array;
  /** ISO-2 country of place i. */
  country(i: number): string;
  admin1(i: number): string;
  featureCode(i: number): string;
  kind(i: number): CompiledKind;
  name(i: number): string;
  /** Places called `key` (a `nameKey`). */
  lookup(key: string): Uint32Array | undefined;
}

/** Loads the compiled file (compiling it first when absent). */
export function loadCompiled(file = COMPILED_FILE): CompiledGazetteer {
  if (!existsSync(file)) writeCompiledGazetteer(file);
  return parseCompiled(readFileSync(file), file);
}

/** Parses the file's bytes; `file` names it in errors. */
export function parseCompiled(buf: Buffer, file: string): CompiledGazetteer {
  const bad = (what: string): DyadError => new DyadError('DYAD_E030', `${file}: not a Dyad gazetteer file (${what}); rebuild it with npm run build`);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== 'DYGZ') throw bad('wrong magic');
  const hlen = buf.readUInt32LE(4);
  let header: CompiledHeader;
  try {
    header = JSON.parse(buf.toString('utf8', 8, 8 + hlen)) as CompiledHeader;
  } catch {
    throw bad('unreadable header');
  }
  if (header.magic !== 'dyad-gazetteer' || header.version !== 1) throw bad(`version ${String(header.version)}`);
  const base = buf.byteOffset + 8 + ((hlen + 3) & ~3);
  const section = (name: string): { offset: number; length: number } => {
    const s = header.sections.find((x) => x.name === name);
    if (!s || 8 + hlen + s.offset + s.length > buf.length + 3) throw bad(`section ${name} missing or cut`);
    return { offset: base + s.offset, length: s.length };
  };
  // Copy once into an aligned buffer: Buffer pools do not guarantee 4-byte alignment.
  const ab = buf.byteOffset % 4 === 0 ? buf.buffer : Uint8Array.from(buf).buffer;
  const shift = buf.byteOffset % 4 === 0 ? 0 : buf.byteOffset;
  const view = <T>(C: new (b: ArrayBufferLike, o: number, n: number) => T, name: string, width: number): T => {
    const s = section(name);
    return new C(ab, s.offset - shift, s.length / width);
  };
  const text = (name: string): string[] => {
    const s = section(name);
    return buf.toString('utf8', s.offset - buf.byteOffset, s.offset - buf.byteOffset + s.length).split('\n');
  };
  const country = view(Uint16Array, 'country', 2);
  const admin1 = view(Uint16Array, 'admin1', 2);
  const fcode = view(Uint8Array, 'featureCode', 1);
  const kind = view(Uint8Array, 'kind', 1);
  const offsets = view(Uint32Array, 'postingOffsets', 4);
  const postings = view(Uint32Array, 'postings', 4);
  const names = text('names');
  const keys = text('keys');
  return {
    size: header.size,
    maxTokens: header.maxTokens,
    lat: view(Float32Array, 'lat', 4),
    lon: view(Float32Array, 'lon', 4),
    population: view(Uint32Array, 'population', 4),
    geonameid: view(Uint32Array, 'geonameid', 4),
    country: (i) => header.countries[country[i]],
    admin1: (i) => header.admin1Codes[admin1[i]],
    featureCode: (i) => header.featureCodes[fcode[i]],
    kind: (i) => COMPILED_KINDS[kind[i]],
    name: (i) => names[i],
    lookup(key) {
      const k = search(keys, key);
      return k < 0 ? undefined : postings.subarray(offsets[k], offsets[k + 1]);
    },
  };
}

/** Index of `key` in the sorted `keys`, or -1. */
function search(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
