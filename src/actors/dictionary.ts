/**
 * The actor dictionaries: countries, international organisations, armed groups, people with
 * dated offices, and role words (CAMEO agents). This module only loads and validates the data
 * files (data/actors/*.jsonl, see docs/actors-data.md); matching text against them is the
 * matcher's job. Nothing is cached here: every call reads the files again (start-up reads the
 * compiled table instead, src/actors/table.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/errors.js';

export interface CountryRecord {
  id: string;
  country: string;
  name: string;
  names: string[];
  adjectives: string[];
  demonyms: string[];
  capitals: string[];
  seats: Array<{ text: string; role: string }>;
}
export interface OrgRecord {
  id: string;
  code: string;
  name: string;
  names: string[];
  type: 'igo' | 'ngo' | 'group';
  country?: string | null;
  role?: string | null;
}
export interface Office {
  code: string;
  country: string | null;
  role: string | null;
  title: string;
  from: string | null;
  until: string | null;
}
export interface PersonRecord {
  id: string;
  name: string;
  aliases: string[];
  offices: Office[];
}
export interface RoleRecord {
  id: string;
  words: string[];
  role: string;
  title: string;
  person?: boolean;
}
export interface ActorDictionaries {
  countries: CountryRecord[];
  orgs: OrgRecord[];
  people: PersonRecord[];
  roles: RoleRecord[];
  version: string;
  sources: string[];
}

export type RecordKind = 'country' | 'igo' | 'ngo' | 'group' | 'person' | 'role';
const KINDS: readonly RecordKind[] = ['country', 'igo', 'ngo', 'group', 'person', 'role'];

/**
 * The built-in files, in load order, with the kind their records have when they do not say.
 * A later record with the same id (in the same collection) replaces an earlier one, so the
 * curated people.jsonl comes after people-petrarch.jsonl.
 */
export const BUILTIN_FILES: ReadonlyArray<{ file: string; kind: RecordKind | 'org' }> = [
  { file: 'countries.jsonl', kind: 'country' },
  { file: 'igos.jsonl', kind: 'org' },
  { file: 'groups.jsonl', kind: 'group' },
  { file: 'people-petrarch.jsonl', kind: 'person' },
  { file: 'people.jsonl', kind: 'person' },
  { file: 'roles.jsonl', kind: 'role' },
];

const CODE3 = /^[A-Z]{3}$/;
const CAMEO = /^[A-Z]{3}(?:[A-Z0-9]{3})*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The folder data/actors of the installed package, found from this module's own location. */
export function actorDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'actors');
    if (existsSync(join(candidate, 'countries.jsonl'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new DyadError('DYAD_E007', 'data/actors: the actor dictionary files are missing from the installation');
}

class LineError extends Error {}

function fail(what: string): never {
  throw new LineError(what);
}

type Obj = Record<string, unknown>;

function str(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') fail(`"${key}" must be a non-empty string`);
  return v;
}

function optStr(o: Obj, key: string, pattern?: RegExp): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.trim() === '') fail(`"${key}" must be a non-empty string or null`);
  if (pattern && !pattern.test(v)) fail(`"${key}" is "${v}", expected ${describe(pattern)}`);
  return v;
}

function strList(o: Obj, key: string, fallback: string[] = []): string[] {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  if (!Array.isArray(v)) fail(`"${key}" must be an array of strings`);
  v.forEach((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') fail(`"${key}"[${i}] must be a non-empty string`);
  });
  return v as string[];
}

function describe(p: RegExp): string {
  if (p === CODE3) return 'three capital letters (ISO 3166-1 alpha-3 or CAMEO sector, e.g. "FRA", "GOV")';
  if (p === CAMEO) return 'a CAMEO code made of 3-letter parts (e.g. "FRAGOV", "IGOUNO")';
  return String(p);
}

function code(o: Obj, key: string, pattern: RegExp): string {
  const v = str(o, key);
  if (!pattern.test(v)) fail(`"${key}" is "${v}", expected ${describe(pattern)}`);
  return v;
}

function date(o: Obj, key: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (!m) fail(`"${key}" must be a date YYYY-MM-DD or null, got ${JSON.stringify(v)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    fail(`"${key}" is not a real date: "${v}"`);
  }
  return v as string;
}

function toCountry(o: Obj): CountryRecord {
  const id = str(o, 'id');
  const country = o['country'] === undefined && CODE3.test(id) ? id : code(o, 'country', CODE3);
  const name = str(o, 'name');
  const seatsRaw = o['seats'] ?? [];
  if (!Array.isArray(seatsRaw)) fail('"seats" must be an array of {"text", "role"}');
  const seats = seatsRaw.map((s: unknown, i: number) => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) fail(`"seats"[${i}] must be an object {"text", "role"}`);
    const so = s as Obj;
    try {
      return { text: str(so, 'text'), role: code(so, 'role', CODE3) };
    } catch (e) {
      if (e instanceof LineError) fail(`"seats"[${i}]: ${e.message}`);
      throw e;
    }
  });
  return {
    id,
    country,
    name,
    names: strList(o, 'names', [name]),
    adjectives: strList(o, 'adjectives'),
    demonyms: strList(o, 'demonyms'),
    capitals: strList(o, 'capitals'),
    seats,
  };
}

function toOrg(o: Obj, type: OrgRecord['type']): OrgRecord {
  const name = str(o, 'name');
  const rec: OrgRecord = {
    id: str(o, 'id'),
    code: code(o, 'code', CAMEO),
    name,
    names: strList(o, 'names', [name]),
    type,
  };
  if ('country' in o) rec.country = optStr(o, 'country', CODE3);
  if ('role' in o) rec.role = optStr(o, 'role', CODE3);
  return rec;
}

function toOffice(v: unknown, i: number): Office {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`"offices"[${i}] must be an object`);
  const o = v as Obj;
  try {
    const off: Office = {
      code: code(o, 'code', CAMEO),
      country: optStr(o, 'country', CODE3),
      role: optStr(o, 'role', CODE3),
      title: str(o, 'title'),
      from: date(o, 'from'),
      until: date(o, 'until'),
    };
    if (off.from !== null && off.until !== null && off.until < off.from) {
      fail(`"until" ${off.until} is before "from" ${off.from}`);
    }
    return off;
  } catch (e) {
    if (e instanceof LineError) fail(`"offices"[${i}]: ${e.message}`);
    throw e;
  }
}

function toPerson(o: Obj): PersonRecord {
  const offices = o['offices'];
  if (!Array.isArray(offices)) fail('"offices" must be an array');
  return {
    id: str(o, 'id'),
    name: str(o, 'name'),
    aliases: strList(o, 'aliases'),
    offices: offices.map(toOffice),
  };
}

function toRole(o: Obj): RoleRecord {
  const words = strList(o, 'words');
  if (words.length === 0) fail('"words" must list at least one word');
  for (const w of words) if (w !== w.toLowerCase()) fail(`"words" must be lower case: "${w}"`);
  const rec: RoleRecord = { id: str(o, 'id'), words, role: code(o, 'role', CODE3), title: str(o, 'title') };
  const person = o['person'];
  if (person !== undefined) {
    if (typeof person !== 'boolean') fail('"person" must be true or false');
    rec.person = person;
  }
  return rec;
}

interface Collections {
  countries: Map<string, CountryRecord>;
  orgs: Map<string, OrgRecord>;
  people: Map<string, PersonRecord>;
  roles: Map<string, RoleRecord>;
}

function addRecord(c: Collections, o: Obj, defaultKind: RecordKind | 'org'): void {
  let kind = o['kind'];
  if (kind === undefined) {
    if (defaultKind === 'org') kind = o['type'];
    else kind = defaultKind;
  }
  if (kind === undefined) fail('"kind" is missing (one of country, igo, ngo, group, person, role)');
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    fail(`"kind" is ${JSON.stringify(kind)}, expected one of ${KINDS.join(', ')}`);
  }
  switch (kind as RecordKind) {
    case 'country': {
      const r = toCountry(o);
      c.countries.delete(r.id);
      c.countries.set(r.id, r);
      return;
    }
    case 'igo':
    case 'ngo':
    case 'group': {
      const r = toOrg(o, kind as OrgRecord['type']);
      c.orgs.delete(r.id);
      c.orgs.set(r.id, r);
      return;
    }
    case 'person': {
      const r = toPerson(o);
      c.people.delete(r.id);
      c.people.set(r.id, r);
      return;
    }
    case 'role': {
      const r = toRole(o);
      c.roles.delete(r.id);
      c.roles.set(r.id, r);
      return;
    }
  }
}

/**
 * Built-in files are validated in full by the build script and by the tests (validateActorFile),
 * so at run time they only get a cheap shape check; user files are always validated in full.
 */
function trustedRecord(c: Collections, o: Obj, kind: RecordKind | 'org'): void {
  if (typeof o['id'] !== 'string') fail('"id" must be a non-empty string');
  switch (kind) {
    case 'country':
      c.countries.set(o['id'], o as unknown as CountryRecord);
      return;
    case 'person':
      c.people.set(o['id'], o as unknown as PersonRecord);
      return;
    case 'role':
      c.roles.set(o['id'], o as unknown as RoleRecord);
      return;
    default:
      if (kind !== 'org') (o as Obj)['type'] = kind;
      c.orgs.set(o['id'], o as unknown as OrgRecord);
  }
}

function loadFile(c: Collections, path: string, label: string, defaultKind: RecordKind | 'org' | null, trusted = false): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new DyadError('DYAD_E007', `${label}: ${why}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      let o: unknown;
      try {
        o = JSON.parse(line);
      } catch {
        fail('not valid JSON (each line must be one JSON object)');
      }
      if (typeof o !== 'object' || o === null || Array.isArray(o)) fail('a line must be one JSON object');
      const obj = o as Obj;
      if (trusted && defaultKind !== null && obj['kind'] === undefined) {
        trustedRecord(c, obj, defaultKind);
        continue;
      }
      if (defaultKind === null && obj['kind'] === undefined) {
        fail('"kind" is missing (one of country, igo, ngo, group, person, role)');
      }
      addRecord(c, obj, defaultKind ?? 'country');
    } catch (e) {
      if (e instanceof LineError) throw new DyadError('DYAD_E007', `${label}:${i + 1}: ${e.message}`);
      throw e;
    }
  }
}

/** The records of the actor dictionaries, by collection, in load order. */
export type ActorRecords = Pick<ActorDictionaries, 'countries' | 'orgs' | 'people' | 'roles'>;

const COLLECTION_KEYS = ['countries', 'orgs', 'people', 'roles'] as const;

function emptyCollections(): Collections {
  return { countries: new Map(), orgs: new Map(), people: new Map(), roles: new Map() };
}

function toRecords(c: Collections): ActorRecords {
  return { countries: [...c.countries.values()], orgs: [...c.orgs.values()], people: [...c.people.values()], roles: [...c.roles.values()] };
}

/** User files, validated in full (a bad line fails with its file and line); a later record with an id replaces the earlier one. */
export function loadUserRecords(files: string[]): ActorRecords & { sources: string[] } {
  const user = emptyCollections();
  const sources: string[] = [];
  for (const f of files) {
    const path = resolve(f);
    loadFile(user, path, f, null);
    sources.push(path);
  }
  return { ...toRecords(user), sources };
}

/** The built-in records (data/actors/*.jsonl, cheap shape check only: the build and the tests validate them in full). */
export function loadBuiltinRecords(): ActorRecords & { sources: string[]; version: string } {
  const dir = actorDataDir();
  const c = emptyCollections();
  const sources: string[] = [];
  for (const { file, kind } of BUILTIN_FILES) {
    const path = join(dir, file);
    loadFile(c, path, `data/actors/${file}`, kind, true);
    sources.push(path);
  }
  let version = 'builtin';
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version?: unknown };
    if (typeof manifest.version === 'string') version = manifest.version;
  } catch {
    // the manifest is informative only
  }
  return { ...toRecords(c), sources, version };
}

/** The ids of one collection's records (to tell which built-in records a user file replaces). */
export function recordIds(records: ActorRecords): Record<keyof ActorRecords, Set<string>> {
  return {
    countries: new Set(records.countries.map((r) => r.id)),
    orgs: new Set(records.orgs.map((r) => r.id)),
    people: new Set(records.people.map((r) => r.id)),
    roles: new Set(records.roles.map((r) => r.id)),
  };
}

/** Built-in records with user records over them: a user record with the id of a built-in one replaces it, at the end of its collection. */
export function mergeRecords(builtin: ActorRecords, user: ActorRecords): ActorRecords {
  const replaced = recordIds(user);
  const out = {} as Record<keyof ActorRecords, unknown[]>;
  for (const key of COLLECTION_KEYS) {
    const base = builtin[key] as Array<{ id: string }>;
    out[key] = [...base.filter((r) => !replaced[key].has(r.id)), ...(user[key] as Array<{ id: string }>)];
  }
  return out as unknown as ActorRecords;
}

/** The version of the built-ins, marked when user files are added. */
export function dictionaryVersion(builtin: string, userFiles: number): string {
  return userFiles > 0 ? `${builtin}+${userFiles} user file${userFiles > 1 ? 's' : ''}` : builtin;
}

/** Load the built-in files (data/actors/*.jsonl, found relative to the package root via import.meta.url, working from both src/ and dist/) plus user files. */
export function loadActorDictionaries(opts?: { extraFiles?: string[] }): ActorDictionaries {
  // User files first: a bad user line fails fast, before the built-ins are read.
  const extra = opts?.extraFiles ?? [];
  const user = loadUserRecords(extra);
  const builtin = loadBuiltinRecords();
  return {
    ...mergeRecords(builtin, user),
    version: dictionaryVersion(builtin.version, extra.length),
    sources: [...builtin.sources, ...user.sources],
  };
}

/**
 * Validate one actor file in full, as user files are (for tests and the build). `kind` is the kind its
 * records have when they do not say (null: each record must say). Throws DyadError DYAD_E007.
 */
export function validateActorFile(path: string, kind: RecordKind | 'org' | null = null): number {
  const c = emptyCollections();
  loadFile(c, path, path, kind);
  return c.countries.size + c.orgs.size + c.people.size + c.roles.size;
}

/** Office held by a person at a date (YYYY-MM-DD), or null. When date is null, the most recent office. */
export function officeAt(person: PersonRecord, date: string | null): Office | null {
  const dated = (o: Office): boolean => o.from !== null || o.until !== null;
  if (date === null) {
    let best: Office | null = null;
    for (const o of person.offices) {
      if (best === null) {
        best = o;
        continue;
      }
      if (dated(o) !== dated(best)) {
        if (dated(o)) best = o;
        continue;
      }
      const ou = o.until ?? '9999-99-99';
      const bu = best.until ?? '9999-99-99';
      if (ou > bu || (ou === bu && (o.from ?? '') > (best.from ?? ''))) best = o;
    }
    return best;
  }
  let best: Office | null = null;
  for (const o of person.offices) {
    if (o.from !== null && date < o.from) continue;
    if (o.until !== null && date > o.until) continue;
    if (best === null) {
      best = o;
      continue;
    }
    // A dated office beats an undated one; among dated ones the latest start wins; ties keep file order.
    if (dated(o) && !dated(best)) best = o;
    else if (dated(o) === dated(best) && (o.from ?? '') > (best.from ?? '')) best = o;
  }
  return best;
}
