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
  entries: Map<string, ActorEntry[]>;
  prefixes: Set<string>;
}

export const SEP = '\u0001';

export interface ActorLexicon {
  names: PhraseTable;
  roles: TrieNode;
  dict: ActorDictionaries;
  /** Persons by id. */
  people: Map<string, PersonRecord>;
  countries: Map<string, CountryRecord>;
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
function roleKeys(word: string): string[] {
  return word
    .toLowerCase()
    .split(/[\s\-–]+/)
    .filter(Boolean)
    .map(tokenKey);
}

function insertPhrase(table: PhraseTable, keys: string[], entry: ActorEntry): void {
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

export function compileActorLexicon(dict: ActorDictionaries): ActorLexicon {
  const names: PhraseTable = { entries: new Map(), prefixes: new Set() };
  const roles = newNode();
  const people = new Map<string, PersonRecord>();
  const countries = new Map<string, CountryRecord>();
  const add = (phrase: string, e: ActorEntry) => {
    const keys = phraseKeys(phrase);
    e.length = keys.length;
    insertPhrase(names, keys, e);
  };
  for (const c of dict.countries) {
    countries.set(c.country, c);
    for (const n of new Set([c.name, ...c.names])) add(n, { kind: 'country', id: c.id, country: c, length: 0 });
    for (const n of c.adjectives) add(n, { kind: 'adjective', id: c.id, country: c, length: 0 });
    for (const n of c.demonyms) add(n, { kind: 'demonym', id: c.id, country: c, length: 0 });
    // Plural demonyms the data does not list, from the adjective: "Libyans", "Iraqis", "Kenyans".
    for (const a of c.adjectives) {
      if (/(?:an|i)$/.test(a) && !c.demonyms.includes(a + 's')) add(a + 's', { kind: 'demonym', id: c.id, country: c, length: 0 });
    }
    for (const n of c.capitals) add(n, { kind: 'capital', id: c.id, country: c, length: 0 });
    for (const s of c.seats) add(s.text, { kind: 'seat', id: c.id, country: c, seatRole: s.role, length: 0 });
  }
  for (const o of dict.orgs) {
    for (const n of new Set([o.name, ...o.names])) add(n, { kind: 'org', id: o.id, org: o, length: 0 });
  }
  for (const p of dict.people) {
    people.set(p.id, p);
    add(p.name, { kind: 'person', id: p.id, person: p, length: 0 });
    for (const a of p.aliases) add(a, { kind: 'alias', id: p.id, person: p, length: 0 });
  }
  for (const r of dict.roles) {
    for (const w of r.words) {
      const keys = roleKeys(w);
      insert(roles, keys, { kind: 'role', id: r.id, role: r, length: keys.length });
    }
  }
  return { names, roles, dict, people, countries, connectors: CONNECTORS };
}
