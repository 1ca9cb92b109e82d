/**
 * actors.match, match phase: dictionary pieces (names, role words) found by longest match over
 * the token trie, one entry chosen per piece (kind priority, curated before converted, in office
 * at the article's date); then the compose rules (src/actors/compose/) turn them into mentions,
 * each recording the rule ids that made it.
 */
import type { ActorMention, Doc, Token } from '../model/document.js';
import type { Resources } from '../resources.js';
import { officeAt } from './dictionary.js';
import { wordList } from '../text/words.js';
import { isJoiner, tokenKey, SEP, type ActorEntry, type ActorEntryKind, type PhraseTable, type TrieNode } from './lexicon.js';
import { composeSentence, type Builder, type Piece } from './compose/index.js';

export type { Piece } from './compose/context.js';

const KIND_PRIORITY: ActorEntryKind[] = ['org', 'country', 'seat', 'person', 'capital', 'demonym', 'adjective', 'alias', 'role'];

/** Generic words that stay lower case inside a name ("the Minsk group", "the ruling party"). */
const GENERIC_NAME_WORDS = wordList('name-generic-words');

function startsLower(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** Longest name match from token i; names need capitals except connectors and generic words. */
function walkNames(table: PhraseTable, tokens: readonly Token[], i: number, end: number, connectors: Set<string>): { end: number; entries: ActorEntry[] } | null {
  let j = i;
  let key = '';
  let best: { end: number; entries: ActorEntry[] } | null = null;
  while (j < end) {
    const tok = tokens[j]!;
    if (j > i && isJoiner(tok.text) && j + 1 < end) {
      j++;
      continue;
    }
    const k = tokenKey(tok.text);
    if (startsLower(tok.text) && !connectors.has(k) && k !== "'s" && !(j > i && GENERIC_NAME_WORDS.has(k))) return best;
    key = j === i ? k : key + SEP + k;
    j++;
    const hit = table.entries.get(key);
    if (hit) best = { end: j, entries: hit };
    if (!table.prefixes.has(key)) break;
  }
  return best;
}

/** Longest match of a trie from token i (role words, by lemma or surface). */
function walk(trie: TrieNode, tokens: readonly Token[], i: number, end: number, byLemma: boolean, connectors: Set<string>): { end: number; entries: ActorEntry[] } | null {
  let node: TrieNode | undefined = trie;
  let j = i;
  let best: { end: number; entries: ActorEntry[] } | null = null;
  while (j < end && node) {
    const tok = tokens[j]!;
    if (j > i && isJoiner(tok.text) && j + 1 < end) {
      j++;
      continue;
    }
    const key = tokenKey(tok.text);
    let nextNode: TrieNode | undefined;
    if (byLemma) {
      nextNode = node.next.get(key) ?? node.next.get(tokenKey(tok.lemma));
    } else {
      if (startsLower(tok.text) && !connectors.has(key) && key !== "'s" && !(j > i && GENERIC_NAME_WORDS.has(key))) return best;
      nextNode = node.next.get(key);
    }
    if (!nextNode) break;
    node = nextNode;
    j++;
    if (node.entries && node.entries.length > 0) best = { end: j, entries: node.entries };
  }
  return best;
}

/** Dictionary pieces of one sentence, left to right, longest first. */
export function findPieces(doc: Doc, s: number, res: Pick<Resources, 'actors'>): Piece[] {
  const lex = res.actors;
  const { start: t0, end: t1 } = doc.layers.sentences[s]!.range;
  const tokens = doc.layers.tokens;
  const out: Piece[] = [];
  let i = t0;
  while (i < t1) {
    const tok = tokens[i]!;
    if (tok.pos === 'PUNCT' && !/^[A-Z]/.test(tok.text)) {
      i++;
      continue;
    }
    const byName = walkNames(lex.names, tokens, i, t1, lex.connectors);
    const byRole = walk(lex.roles, tokens, i, t1, true, lex.connectors);
    let chosen: { end: number; entries: ActorEntry[] } | null = null;
    // A name wins a tie with a role word unless it is only someone's surname ("President").
    const nameIsAlias = byName !== null && pickEntry(byName.entries, doc.meta.date).kind === 'alias';
    if (byName && (!byRole || byName.end > byRole.end || (byName.end === byRole.end && !nameIsAlias))) chosen = byName;
    else if (byRole) chosen = byRole;
    // A name that is only a connector or lower-case word cannot start a match.
    if (chosen && chosen === byName && startsLower(tok.text)) chosen = byRole;
    // Role words are nouns: "forced" is not "force", "led" is not "lead".
    if (chosen && chosen === byRole && tokens[chosen.end - 1]!.pos === 'VERB') chosen = null;
    if (!chosen) {
      i++;
      continue;
    }
    const entry = pickEntry(chosen.entries, doc.meta.date);
    out.push({ kind: entry.kind, entry, start: i, end: chosen.end });
    i = chosen.end;
  }
  return out;
}

/**
 * Among entries sharing a name: the kind priority first; between people, the curated file
 * (ids without the "p-" prefix of the PETRARCH conversion) before the rest, then one in office at
 * the article's date, then the most recent office.
 */
function pickEntry(entries: ActorEntry[], date: string | null): ActorEntry {
  if (entries.length === 1) return entries[0]!;
  let best = entries[0]!;
  let bestScore = entryScore(best, date);
  for (const e of entries) {
    const sc = entryScore(e, date);
    if (sc > bestScore) {
      best = e;
      bestScore = sc;
    }
  }
  return best;
}

function entryScore(e: ActorEntry, date: string | null): number {
  let score = (KIND_PRIORITY.length - KIND_PRIORITY.indexOf(e.kind)) * 1e9;
  const p = e.person;
  if (p) {
    if (!p.id.startsWith('p-')) score += 4e8;
    if (date !== null && officeAt(p, date) !== null) score += 2e8;
    const last = p.offices.reduce((m, o) => Math.max(m, Number((o.until ?? '2100-01-01').slice(0, 4))), 0);
    score += last;
  }
  return score;
}

/** actors.match: the actor mentions of every sentence, in order. */
export function matchActors(doc: Doc, res: Pick<Resources, 'actors'>): ActorMention[] {
  const b: Builder = { doc, res, date: doc.meta.date, introduced: new Set(), out: [] };
  for (let s = 0; s < doc.layers.sentences.length; s++) {
    composeSentence(b, s, findPieces(doc, s, res));
  }
  return b.out;
}
