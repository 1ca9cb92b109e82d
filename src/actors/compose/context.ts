/**
 * What every compose rule works with: the sentence's dictionary pieces, which of them are used,
 * and helpers that turn a token range into an actor mention.
 */
import type { ActorMention, Doc, EntityType, Office, Token } from '../../model/document.js';
import type { Resources } from '../../resources.js';
import { officeAt, type CountryRecord, type RoleRecord } from '../dictionary.js';
import { isJoiner, type ActorEntry, type ActorEntryKind } from '../lexicon.js';
import type { ActorRuleId } from '../rules.js';
import { wordList } from '../../text/words.js';

export interface Piece {
  kind: ActorEntryKind;
  entry: ActorEntry;
  /** Token range [start, end). */
  start: number;
  end: number;
}

export interface Builder {
  doc: Doc;
  res: Pick<Resources, 'actors'>;
  date: string | null;
  /** Dictionary people already named in full (their bare surname may follow). */
  introduced: Set<string>;
  /** The mentions composed so far, in order. */
  out: ActorMention[];
}

/** One sentence being composed. */
export interface Compose {
  b: Builder;
  doc: Doc;
  tokens: readonly Token[];
  s: number;
  /** End token of the sentence. */
  t1: number;
  pieces: Piece[];
  used: boolean[];
}

/** A compose rule: tries piece p; returns the index of the last piece it consumed, or null when it does not apply. */
export interface ComposeRule {
  /** The rule ids it may give a mention (src/actors/rules.ts). */
  emits: readonly ActorRuleId[];
  kinds: readonly ActorEntryKind[];
  apply(c: Compose, p: number): number | null;
}

/** What a compose rule decides about a mention (its span aside). */
export interface Fields {
  type: EntityType;
  code: string | null;
  country: string | null;
  role: string | null;
  name: string | null;
  office?: Office | null;
  rules: ActorRuleId[];
}

export const COUNTRYISH: ReadonlySet<ActorEntryKind> = new Set(['adjective', 'country', 'demonym', 'capital']);
const MODIFIER_GAP_POS = new Set(['ADJ', 'NOUN', 'PROPN']);

export function typeForRole(role: RoleRecord | undefined): EntityType {
  if (!role) return 'other';
  if (role.person) return 'person';
  if (role.role === 'GOV') return 'government';
  return 'group';
}

export function span(doc: Doc, a: number, b: number): { start: number; end: number; text: string } {
  const start = doc.layers.tokens[a]!.start;
  const end = doc.layers.tokens[b - 1]!.end;
  return { start, end, text: doc.layers.text.slice(start, end) };
}

export function push(c: Compose, a: number, z: number, fields: Fields): ActorMention {
  const e: ActorMention = { ...span(c.doc, a, z), range: { start: a, end: z }, ...fields, sentence: c.s };
  c.b.out.push(e);
  return e;
}

/** Is the gap between two token positions only modifiers (≤ 2 adjectives/nouns) or a possessive? */
export function modifierGap(doc: Doc, from: number, to: number): boolean {
  const tokens = doc.layers.tokens;
  // "Vietnamese-led forces": the leader's country.
  if (to - from === 2 && isJoiner(tokens[from]!.text) && tokens[from + 1]!.norm === 'led') return true;
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.text === "'s" || t.text === '’s') continue;
    if (!MODIFIER_GAP_POS.has(t.pos)) return false;
  }
  return true;
}

export function isConj(t: Token | undefined): boolean {
  return t !== undefined && (t.norm === 'and' || t.norm === 'or' || t.text === ',');
}

const NAME_PARTICLES = wordList('name-particles');

/** A run of capitalised name tokens starting at i (for "President Ilham Aliyev"). */
export function nameRun(doc: Doc, i: number, end: number): number {
  const tokens = doc.layers.tokens;
  let j = i;
  let words = 0;
  while (j < end && words < 5) {
    const t = tokens[j]!;
    // Hyphens and particles inside names: "Jean-Yves", "F.W. de Klerk", "Ahmad bin Salman".
    if ((isJoiner(t.text) || NAME_PARTICLES.has(t.norm)) && words > 0 && j + 1 < end && /^\p{Lu}/u.test(tokens[j + 1]!.text)) {
      j++;
      continue;
    }
    if (!/^\p{Lu}[\p{L}'’.]*$/u.test(t.text)) break;
    if (t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'X' && t.pos !== 'ADJ') break;
    j++;
    words++;
  }
  return words === 0 ? i : j;
}

export function countryFields(c: CountryRecord, role: string | null): { code: string; country: string; role: string | null; name: string } {
  return { code: c.country + (role ?? ''), country: c.country, role, name: c.name };
}

export function countryAdjective(c: CountryRecord): string {
  return c.adjectives[0] ?? c.name;
}

/** The fields of a dictionary person, with the office at the article's date. */
export function personFields(b: Builder, e: ActorEntry, rules: ActorRuleId[]): Fields {
  const p = e.person!;
  const office = officeAt(p, b.date);
  b.introduced.add(p.id);
  if (office) {
    return { type: 'person', code: office.code, country: office.country, role: office.role, name: p.name, rules, office: { title: office.title, code: office.code, from: office.from, until: office.until } };
  }
  const last = p.offices[p.offices.length - 1];
  return { type: 'person', code: last?.country ?? null, country: last?.country ?? null, role: null, name: p.name, rules, office: null };
}
