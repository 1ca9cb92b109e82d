/**
 * The compiled actor table (dist/tables/actors.table, written by `npm run build`): the phrase
 * table's keys already tokenised, each key's entries as (kind, record) pairs, and the records as
 * JSON decoded one by one when a name first matches them. Start-up reads the index (a few ms)
 * instead of tokenising 60,000 names; user dictionaries (`--dict`) are compiled on the fly into a
 * small table merged over it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findString, hashStrings, type HashedStrings } from '../build/hashed.js';
import { TABLE_DIR, readTable, sourcePath, warnStale, writeTable, type Section, type Table } from '../build/table.js';
import {
  BUILTIN_FILES, actorDataDir, dictionaryVersion, loadActorDictionaries, loadBuiltinRecords, loadUserRecords, mergeRecords, recordIds,
  type ActorDictionaries, type ActorRecords, type CountryRecord, type OrgRecord, type PersonRecord, type RoleRecord,
} from './dictionary.js';
import {
  CONNECTORS, COLLECTION_OF, SEP, compileActorLexicon, compileNames, compileRoles, countriesByCode, nameEntry, namePhrases, phraseKeys, roleKeys,
  type ActorEntry, type ActorEntryKind, type ActorLexicon, type NamePhrase, type PhraseTable,
} from './lexicon.js';

export const ACTOR_TABLE = join(TABLE_DIR, 'actors.table');

type Collection = keyof ActorRecords;
const COLLECTIONS: readonly Collection[] = ['countries', 'orgs', 'people', 'roles'];
const NAME_KINDS: ReadonlyArray<NamePhrase['kind']> = ['country', 'adjective', 'demonym', 'capital', 'seat', 'org', 'person', 'alias'];
/** Entries are listed under a name in this order of collections (countries, organisations, people). */
const RANK: Record<string, number> = { countries: 0, orgs: 1, people: 2 };

interface ActorIndex {
  version: string;
  /** Each built-in role word with its keys joined by SEP (so start-up does not tokenise them). */
  roleKeys: Array<[string, string]>;
}

/*
 * Sections: the name keys and their proper prefixes as one hashed string set (names-*); for string
 * k, lists[k]..lists[k+1] are its pairs in `entries` (kind index + 16 × (seat + 1), record index)
 * and prefix[k] is 1 when a longer key starts with it; records-<collection> are the byte offsets
 * of each record's JSON in `records`.
 */

/** The table's sources: the data files and the modules that compile them (relative to the package root). */
export function actorTableSources(): string[] {
  const dir = actorDataDir();
  const here = (m: string) => sourcePath(fileURLToPath(new URL(m, import.meta.url)));
  return [
    ...BUILTIN_FILES.map((f) => sourcePath(join(dir, f.file))),
    sourcePath(join(dir, 'manifest.json')),
    here('./dictionary.js'),
    here('./lexicon.js'),
    here('./table.js'),
    here('../build/hashed.js'),
  ];
}

/** Compile the built-in dictionaries into the table file (the build step). Returns the number of names. */
export function buildActorTable(file = ACTOR_TABLE): number {
  const dict = loadBuiltinRecords();
  const sections: Record<string, Section> = {};
  const parts: Buffer[] = [];
  let at = 0;
  for (const c of COLLECTIONS) {
    const offsets = [at];
    for (const r of dict[c]) {
      const b = Buffer.from(JSON.stringify(r), 'utf8');
      parts.push(b);
      at += b.length;
      offsets.push(at);
    }
    sections[`records-${c}`] = Int32Array.from(offsets);
  }
  const byKey = new Map<string, number[]>();
  const prefixes = new Set<string>();
  for (const np of namePhrases(dict)) {
    const keys = phraseKeys(np.phrase);
    if (keys.length === 0) continue;
    for (let k = 1; k < keys.length; k++) prefixes.add(keys.slice(0, k).join(SEP));
    const key = keys.join(SEP);
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(NAME_KINDS.indexOf(np.kind) + 16 * (np.seat + 1), np.index);
  }
  const strings = [...byKey.keys(), ...[...prefixes].filter((p) => !byKey.has(p))];
  const lists = [0];
  const entries: number[] = [];
  for (const k of strings) {
    for (const x of byKey.get(k) ?? []) entries.push(x);
    lists.push(entries.length / 2);
  }
  const h = hashStrings(strings);
  Object.assign(sections, {
    'names-units': h.units, 'names-starts': h.starts, 'names-slots': h.slots,
    lists: Int32Array.from(lists), entries: Int32Array.from(entries), prefix: Uint8Array.from(strings, (k) => (prefixes.has(k) ? 1 : 0)),
    records: Buffer.concat(parts),
  });
  const roleKeyList = dict.roles.flatMap((r) => r.words.map((w): [string, string] => [w, roleKeys(w).join(SEP)]));
  writeTable(file, 'actors', actorTableSources(), { version: dict.version, roleKeys: roleKeyList } satisfies ActorIndex, sections);
  return byKey.size;
}

/** Records decoded from their JSON on first use, one object per record (so entries share them). */
class RecordStore {
  private cache: Record<Collection, unknown[]> = { countries: [], orgs: [], people: [], roles: [] };
  private bytes: Uint8Array;
  private offsets: Record<Collection, Int32Array>;
  private decoder = new TextDecoder();
  constructor(table: Table<ActorIndex>) {
    this.bytes = table.u8('records');
    this.offsets = { countries: table.i32('records-countries'), orgs: table.i32('records-orgs'), people: table.i32('records-people'), roles: table.i32('records-roles') };
  }
  size(c: Collection): number {
    return this.offsets[c].length - 1;
  }
  get<T>(c: Collection, i: number): T {
    const hit = this.cache[c][i];
    if (hit !== undefined) return hit as T;
    const off = this.offsets[c];
    const rec = JSON.parse(this.decoder.decode(this.bytes.subarray(off[i]!, off[i + 1]!))) as T;
    this.cache[c][i] = rec;
    return rec;
  }
  all<T>(c: Collection): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size(c); i++) out.push(this.get<T>(c, i));
    return out;
  }
}

/** The compiled names, probed in place: a key's entries are materialised once, on its first look-up. */
function compiledNames(table: Table<ActorIndex>, store: RecordStore): PhraseTable {
  const h: HashedStrings = { units: table.u16('names-units'), starts: table.i32('names-starts'), slots: table.i32('names-slots') };
  const lists = table.i32('lists');
  const entries = table.i32('entries');
  const prefix = table.u8('prefix');
  const made = new Map<number, ActorEntry[]>();
  const get = (key: string): ActorEntry[] | undefined => {
    const k = findString(h, key);
    if (k < 0 || lists[k] === lists[k + 1]) return undefined;
    let list = made.get(k);
    if (list) return list;
    list = [];
    const length = key.split(SEP).length;
    for (let e = lists[k]!; e < lists[k + 1]!; e++) {
      const code = entries[2 * e]!;
      const kind = NAME_KINDS[code % 16]!;
      const rec = store.get<CountryRecord | OrgRecord | PersonRecord>(COLLECTION_OF[kind], entries[2 * e + 1]!);
      list.push(nameEntry(kind, rec, Math.floor(code / 16) - 1, length));
    }
    made.set(k, list);
    return list;
  };
  const has = (key: string): boolean => {
    const k = findString(h, key);
    return k >= 0 && prefix[k] === 1;
  };
  return { entries: { get }, prefixes: { has } };
}

function collectionOf(kind: ActorEntryKind): string {
  return kind === 'role' ? 'roles' : COLLECTION_OF[kind];
}

/**
 * User names over the compiled ones: a built-in entry whose record a user record replaces (same
 * id, same collection) is dropped; under one name, entries stay in collection order with the user's
 * after the built-ins of their collection, as when everything is compiled from the sources.
 */
function overlayNames(base: PhraseTable, user: PhraseTable, replaced: Record<Collection, Set<string>>): PhraseTable {
  const made = new Map<string, ActorEntry[]>();
  const keep = (e: ActorEntry) => !replaced[collectionOf(e.kind) as Collection].has(e.id);
  const get = (key: string): ActorEntry[] | undefined => {
    const hit = made.get(key);
    if (hit) return hit;
    const b = (base.entries.get(key) ?? []).filter(keep);
    const u = user.entries.get(key) ?? [];
    if (b.length + u.length === 0) return undefined;
    const list: ActorEntry[] = [];
    for (let r = 0; r < 3; r++) {
      for (const e of b) if (RANK[collectionOf(e.kind)] === r) list.push(e);
      for (const e of u) if (RANK[collectionOf(e.kind)] === r) list.push(e);
    }
    made.set(key, list);
    return list;
  };
  return { entries: { get }, prefixes: { has: (k) => base.prefixes.has(k) || user.prefixes.has(k) } };
}

/** The lexicon over a compiled table, with user files (validated in full) merged over it. */
function lexiconFromTable(table: Table<ActorIndex>, extraFiles: string[]): ActorLexicon {
  const store = new RecordStore(table);
  const user = loadUserRecords(extraFiles);
  const replaced = recordIds(user);
  let names = compiledNames(table, store);
  if (extraFiles.length > 0) names = overlayNames(names, compileNames(user), replaced);
  const merged = (c: Collection) => (extraFiles.length > 0 ? mergeRecords({ countries: [], orgs: [], people: [], roles: [], [c]: store.all(c) }, user)[c] : store.all(c));
  const pre = new Map(table.head.roleKeys);
  const roles = compileRoles(merged('roles') as RoleRecord[], (w) => pre.get(w)?.split(SEP) ?? roleKeys(w));
  let dict: ActorDictionaries | null = null;
  let people: Map<string, PersonRecord> | null = null;
  let countries: Map<string, CountryRecord> | null = null;
  const dir = actorDataDir();
  return {
    names,
    roles,
    connectors: CONNECTORS,
    get dict() {
      dict ??= {
        countries: merged('countries') as CountryRecord[],
        orgs: merged('orgs') as OrgRecord[],
        people: merged('people') as PersonRecord[],
        roles: merged('roles') as RoleRecord[],
        version: dictionaryVersion(table.head.version, extraFiles.length),
        sources: [...BUILTIN_FILES.map((f) => join(dir, f.file)), ...user.sources],
      };
      return dict;
    },
    get people() {
      people ??= new Map((merged('people') as PersonRecord[]).map((p) => [p.id, p]));
      return people;
    },
    get countries() {
      countries ??= countriesByCode(merged('countries') as CountryRecord[]);
      return countries;
    },
  };
}

/**
 * The actor lexicon: the compiled table plus user files when the table is fresh; otherwise (not
 * built, or data/ changed since) compiled from the sources, with a warning. `version` is the
 * dictionaries' version either way.
 */
export function loadActorLexicon(opts: { extraFiles?: string[]; file?: string } = {}): { lexicon: ActorLexicon; version: string } {
  const extra = opts.extraFiles ?? [];
  const read = readTable<ActorIndex>(opts.file ?? ACTOR_TABLE, 'actors', actorTableSources());
  if (read.ok) {
    return { lexicon: lexiconFromTable(read.table, extra), version: dictionaryVersion(read.table.head.version, extra.length) };
  }
  warnStale('actors', read.why);
  const dict = loadActorDictionaries({ extraFiles: extra });
  return { lexicon: compileActorLexicon(dict), version: dict.version };
}
