/**
 * The compiled actor lexicon: every dictionary name tokenised once into keys and stored in a
 * token trie whose terminals hold the entry (STYLE.md 5). Names match case-sensitively on their
 * capitalised words; role words match on lemmas, case-insensitively.
 */
import type { ActorDictionaries, CountryRecord, OrgRecord, PersonRecord, RoleRecord } from './dictionary.js';

export type ActorEntryKind = 'country' | 'adjective' | 'demonym' | 'capital' | 'seat' | 'org' | 'person' | 'alias' | 'role';

export interface ActorEntry {
  kind: ActorEntryKind;
  /** Id of the record ("FRA", "NATO", "emmanuel-macron", "foreign-minister"). */
  id: string;
  country?: CountryRecord;
  org?: OrgRecord;
  person?: PersonRecord;
  role?: RoleRecord;
  /** For seats: the CAMEO role of the seat ("MIL" for the Pentagon). */
  seatRole?: string;
  /** Number of key tokens. */
  length: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries: ActorEntry[] | null;
}

/**
 * Names as a flat phrase table: key sequences joined by SEP → entries, plus every proper prefix,
 * so a longest-match walk stops as soon as no name continues. (A node-per-token trie over 60,000
 * names cost seconds of start-up in allocation alone.)
 */
export interface PhraseTable {
  entries: { get(key: string): ActorEntry[] | undefined };
  prefixes: { has(key: string): boolean };
}

/** A phrase table held in a Map and a Set (compiled in memory). */
export interface MapPhraseTable extends PhraseTable {
  entries: Map<string, ActorEntry[]>;
  prefixes: Set<string>;
}

export const SEP = '\u0001';

export interface ActorLexicon {
  names: PhraseTable;
  roles: TrieNode;
  /** Every record (the compiled table materialises them on first access: slow, for tools and tests). */
  readonly dict: ActorDictionaries;
  /** Persons by id (materialised on first access). */
  readonly people: Map<string, PersonRecord>;
  /** Country records by ISO code (materialised on first access). */
  readonly countries: Map<string, CountryRecord>;
  /** Lower-case words that may stand inside a name without a capital ("of", "the", "al"…). */
  connectors: Set<string>;
}

export const CONNECTORS = new Set([
  'of', 'the', 'and', 'for', 'on', 'de', 'du', 'des', 'la', 'le', 'les', 'el', 'al', 'd', "d'", 'von', 'van', 'der', 'den', 'bin', 'ibn', 'da', 'di', 'y', 'e', 'in', '&', 'to', 'upon', 'del', 'dos', 'das',
]);

/** The matching key of one token or word: lower case, no diacritics, no dots, straight apostrophes. */
const PLAIN = /^[a-z0-9' ]*$/;
const ASCII = /^[\x20-\x7e]*$/;

export function tokenKey(s: string): string {
  if (PLAIN.test(s)) return s;
  if (ASCII.test(s)) return s.toLowerCase().replace(/\./g, '').replace(/`/g, "'");
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\./g, '');
}

/** Tokens that a name may be written with or without ("Nagorno-Karabakh", "Nagorno Karabakh"). */
export { isJoiner } from '../text/tokens.js';

/** Tokenises a dictionary phrase the way the article tokenizer splits it, as keys. */
export function phraseKeys(phrase: string): string[] {
  const out: string[] = [];
  let s = phrase.trim().replace(/[’‘`]/g, "'");
  s = s.replace(/^the\s+/i, '');
  for (const raw of s.split(/[\s\-–‐]+/)) {
    if (raw === '') continue;
    let w = raw;
    let suffix: string | null = null;
    if (/'s$/i.test(w) && w.length > 2) {
      suffix = "'s";
      w = w.slice(0, -2);
    }
    // Trailing punctuation other than the dots of abbreviations.
    w = w.replace(/[,;:!?()"]+$/g, '').replace(/^[("]+/, '');
    if (w !== '') out.push(tokenKey(w));
    if (suffix) out.push(suffix);
  }
  return out;
}

function newNode(): TrieNode {
  return { next: new Map(), entries: null };
}

function insert(root: TrieNode, keys: string[], entry: ActorEntry): void {
  if (keys.length === 0) return;
  let node = root;
  for (const k of keys) {
    let n = node.next.get(k);
    if (!n) {
      n = newNode();
      node.next.set(k, n);
    }
    node = n;
  }
  if (node.entries === null) node.entries = [];
  // A later record with the same id and kind replaces the earlier one (user files override).
  const i = node.entries.findIndex((e) => e.id === entry.id && e.kind === entry.kind);
  if (i >= 0) node.entries[i] = entry;
  else node.entries.push(entry);
}

/** English singular → lemma form for role words written with plural heads in the data. */
export function roleKeys(word: string): string[] {
  return word
    .toLowerCase()
    .split(/[\s\-–]+/)
    .filter(Boolean)
    .map(tokenKey);
}

function insertPhrase(table: MapPhraseTable, keys: string[], entry: ActorEntry): void {
  if (keys.length === 0) return;
  let prefix = keys[0]!;
  for (let k = 1; k < keys.length; k++) {
    table.prefixes.add(prefix);
    prefix += SEP + keys[k]!;
  }
  // Records are unique by id once loaded (a user record replaces the built-in one with its id),
  // so entries only accumulate here.
  const list = table.entries.get(prefix);
  if (list) list.push(entry);
  else table.entries.set(prefix, [entry]);
}

/** The collection of records each kind of name entry points into (roles live in their own trie). */
export const COLLECTION_OF: Record<Exclude<ActorEntryKind, 'role'>, 'countries' | 'orgs' | 'people'> = {
  country: 'countries', adjective: 'countries', demonym: 'countries', capital: 'countries', seat: 'countries', org: 'orgs', person: 'people', alias: 'people',
};

/** One name of the phrase table: its text, its entry's kind, its record (index in its collection) and, for seats, which seat. */
export interface NamePhrase {
  phrase: string;
  kind: Exclude<ActorEntryKind, 'role'>;
  index: number;
  seat: number;
}

/** Every name the phrase table lists, in table order (countries, then organisations, then people). */
export function namePhrases(dict: Pick<ActorDictionaries, 'countries' | 'orgs' | 'people'>): NamePhrase[] {
  const out: NamePhrase[] = [];
  const add = (phrase: string, kind: NamePhrase['kind'], index: number, seat = -1) => out.push({ phrase, kind, index, seat });
  dict.countries.forEach((c, i) => {
    for (const n of new Set([c.name, ...c.names])) add(n, 'country', i);
    for (const n of c.adjectives) add(n, 'adjective', i);
    for (const n of c.demonyms) add(n, 'demonym', i);
    // Plural demonyms the data does not list, from the adjective: "Libyans", "Iraqis", "Kenyans".
    for (const a of c.adjectives) {
      if (/(?:an|i)$/.test(a) && !c.demonyms.includes(a + 's')) add(a + 's', 'demonym', i);
    }
    for (const n of c.capitals) add(n, 'capital', i);
    c.seats.forEach((s, k) => add(s.text, 'seat', i, k));
  });
  dict.orgs.forEach((o, i) => {
    for (const n of new Set([o.name, ...o.names])) add(n, 'org', i);
  });
  dict.people.forEach((p, i) => {
    add(p.name, 'person', i);
    for (const a of p.aliases) add(a, 'alias', i);
  });
  return out;
}

/** The entry of one name, pointing at its record. */
export function nameEntry(kind: NamePhrase['kind'], rec: CountryRecord | OrgRecord | PersonRecord, seat: number, length: number): ActorEntry {
  const col = COLLECTION_OF[kind];
  if (col === 'orgs') return { kind, id: rec.id, org: rec as OrgRecord, length };
  if (col === 'people') return { kind, id: rec.id, person: rec as PersonRecord, length };
  const country = rec as CountryRecord;
  if (kind === 'seat') return { kind, id: rec.id, country, seatRole: country.seats[seat]!.role, length };
  return { kind, id: rec.id, country, length };
}

/** The names of these records as a phrase table in memory (user files, and the build). */
export function compileNames(dict: Pick<ActorDictionaries, 'countries' | 'orgs' | 'people'>): MapPhraseTable {
  const names: MapPhraseTable = { entries: new Map(), prefixes: new Set() };
  for (const np of namePhrases(dict)) {
    const keys = phraseKeys(np.phrase);
    insertPhrase(names, keys, nameEntry(np.kind, dict[COLLECTION_OF[np.kind]][np.index]!, np.seat, keys.length));
  }
  return names;
}

/** The role words as a trie of lemma keys (`keysOf`: the keys of a word, precomputed by the compiled table). */
export function compileRoles(roles: RoleRecord[], keysOf: (word: string) => string[] = roleKeys): TrieNode {
  const root = newNode();
  for (const r of roles) {
    for (const w of r.words) {
      const keys = keysOf(w);
      insert(root, keys, { kind: 'role', id: r.id, role: r, length: keys.length });
    }
  }
  return root;
}

/** Country records by ISO code (a later record with the same code wins). */
export function countriesByCode(countries: CountryRecord[]): Map<string, CountryRecord> {
  return new Map(countries.map((c) => [c.country, c]));
}

/** Compile dictionaries loaded from the sources (the slow path; start-up reads the compiled table, src/actors/table.ts). */
export function compileActorLexicon(dict: ActorDictionaries): ActorLexicon {
  return {
    names: compileNames(dict),
    roles: compileRoles(dict.roles),
    dict,
    people: new Map(dict.people.map((p) => [p.id, p])),
    countries: countriesByCode(dict.countries),
    connectors: CONNECTORS,
  };
}
