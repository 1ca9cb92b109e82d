/**
 * Compiled tables: the resources that never change between runs (actor phrase table, event
 * lexicon, codebook, the tagger's model), compiled once by `npm run build` into dist/tables/ and
 * read back at start-up instead of being rebuilt from data/.
 *
 * A table file is one line of JSON (the header and small indexes, parsed at once), a newline, then
 * binary sections (typed arrays, 8-byte aligned, viewed in place without copying: hash tables,
 * UTF-8 JSON records decoded one by one only when asked for). The header stamps every source the
 * table was compiled from (data files and the compiling modules) with its size, modification time
 * and SHA-1, so a table whose sources changed is never served: `readTable` says why it is stale and the caller compiles from the sources.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when the layout of any table changes: a table of another format is stale. */
export const TABLE_FORMAT = 1;

/** The package root (this module sits in src/build or dist/build). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where `npm run build` writes the tables (git-ignored with the rest of dist/). */
export const TABLE_DIR = join(PACKAGE_ROOT, 'dist', 'tables');

/** A source's path as tables record it: relative to the package root, forward slashes. */
export function sourcePath(abs: string): string {
  return relative(PACKAGE_ROOT, abs).split('\\').join('/');
}

export interface SourceStamp {
  /** Path relative to the package root, with forward slashes ("data/actors/people.jsonl"). */
  path: string;
  size: number;
  mtimeMs: number;
  sha1: string;
}

type SectionType = 'u8' | 'u16' | 'i32' | 'u32';
export type Section = Uint8Array | Uint16Array | Int32Array | Uint32Array;

export interface TableHeader {
  format: number;
  /** What the table holds ("actors", "events", "wink"). */
  kind: string;
  sources: SourceStamp[];
  /** Binary sections: name → [byte offset after the header, length in elements, type]. */
  sections: Record<string, [number, number, SectionType]>;
}

export interface Table<H> {
  head: H & TableHeader;
  /** A binary section, viewed in place (throws when the table has no such section). */
  u8(name: string): Uint8Array;
  u16(name: string): Uint16Array;
  i32(name: string): Int32Array;
  u32(name: string): Uint32Array;
}

export type TableRead<H> = { ok: true; table: Table<H> } | { ok: false; why: string };

/** Stamp of one source file (path relative to the package root). */
export function stampSource(rel: string): SourceStamp {
  const abs = join(PACKAGE_ROOT, rel);
  const st = statSync(abs);
  return { path: rel, size: st.size, mtimeMs: st.mtimeMs, sha1: sha1(readFileSync(abs)) };
}

function sha1(b: Buffer): string {
  return createHash('sha1').update(b).digest('hex');
}

/**
 * Why a stamped source no longer matches its file, or null when it does. Size and modification
 * time equal: unchanged (no read); otherwise the content hash decides, so a fresh checkout or a
 * `touch` does not make a table stale.
 */
export function staleSource(s: SourceStamp): string | null {
  const abs = join(PACKAGE_ROOT, s.path);
  let size: number;
  let mtimeMs: number;
  try {
    ({ size, mtimeMs } = statSync(abs));
  } catch {
    return `${s.path} is missing`;
  }
  if (size === s.size && mtimeMs === s.mtimeMs) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch {
    return `${s.path} cannot be read`;
  }
  return sha1(bytes) === s.sha1 ? null : `${s.path} changed since the build`;
}

function typeOf(a: Section): SectionType {
  return a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : 'i32';
}

/** Write a table atomically (a reader never sees half a file). */
export function writeTable(file: string, kind: string, sources: string[], index: object, sections: Record<string, Section> = {}): void {
  const layout: TableHeader['sections'] = {};
  const parts: Buffer[] = [];
  let at = 0;
  for (const [name, a] of Object.entries(sections)) {
    const pad = (8 - (at % 8)) % 8;
    if (pad > 0) parts.push(Buffer.alloc(pad));
    at += pad;
    layout[name] = [at, a.length, typeOf(a)];
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    at += a.byteLength;
  }
  const head: TableHeader & object = { ...index, format: TABLE_FORMAT, kind, sources: sources.map(stampSource), sections: layout };
  let line = JSON.stringify(head);
  // Spaces (valid JSON whitespace) so that the sections start 8-byte aligned.
  line += ' '.repeat((8 - ((Buffer.byteLength(line) + 1) % 8)) % 8) + '\n';
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(line, 'utf8'), ...parts]));
  renameSync(tmp, file);
}

function view<H>(head: H & TableHeader, buf: Buffer, start: number): Table<H> {
  const section = (name: string, type: SectionType): [number, number] => {
    const s = head.sections[name];
    if (!s || s[2] !== type) throw new Error(`table ${head.kind}: no ${type} section "${name}"`);
    return [buf.byteOffset + start + s[0], s[1]];
  };
  return {
    head,
    u8: (n) => new Uint8Array(buf.buffer, ...section(n, 'u8')),
    u16: (n) => new Uint16Array(buf.buffer, ...section(n, 'u16')),
    i32: (n) => new Int32Array(buf.buffer, ...section(n, 'i32')),
    u32: (n) => new Uint32Array(buf.buffer, ...section(n, 'u32')),
  };
}

/**
 * Read a table compiled from `sources` (paths relative to the package root, in the order the
 * compiler was given them). Stale when the file is missing or of another format or kind, when the
 * list of sources differs (a data file was added or removed) or when one of them changed.
 */
export function readTable<H>(file: string, kind: string, sources: string[]): TableRead<H> {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
    // Typed-array views need aligned memory: copy in the (rare) case the read buffer is not.
    if (buf.byteOffset % 8 !== 0) buf = Buffer.from(new Uint8Array(buf));
  } catch {
    return { ok: false, why: `${sourcePath(file)} has not been built` };
  }
  const nl = buf.indexOf(10);
  let head: H & TableHeader;
  try {
    head = JSON.parse(buf.toString('utf8', 0, nl < 0 ? buf.length : nl)) as H & TableHeader;
  } catch {
    return { ok: false, why: `${sourcePath(file)} is damaged` };
  }
  if (head.format !== TABLE_FORMAT || head.kind !== kind) return { ok: false, why: `${sourcePath(file)} is of another format` };
  const listed = head.sources.map((s) => s.path);
  if (listed.length !== sources.length || listed.some((p, k) => p !== sources[k])) {
    return { ok: false, why: `the source files of ${sourcePath(file)} changed (added or removed)` };
  }
  for (const s of head.sources) {
    const why = staleSource(s);
    if (why !== null) return { ok: false, why };
  }
  return { ok: true, table: view(head, buf, nl + 1) };
}


const warned = new Set<string>();

/**
 * Tell the user, once per table and process, that a table is served from the sources (slow
 * start-up, right answers) and how to rebuild it. Silenced with DYAD_QUIET_TABLES=1.
 */
export function warnStale(kind: string, why: string): void {
  if (warned.has(kind) || process.env['DYAD_QUIET_TABLES'] === '1') return;
  warned.add(kind);
  process.stderr.write(`dyad: compiled ${kind} table not used (${why}); compiling from the sources instead. Run \`npm run build\` to make start-up fast again.\n`);
}
