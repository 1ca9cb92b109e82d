/**
 * The coder's only window on the Doc. Every read of the document the event rules make goes
 * through this module: the tokens of a sentence, the actor (or place) mention covering each token,
 * parentheticals, clauses, relative clauses, the entity index an event publishes. It is built from
 * per-sentence indexes made once per document (`indexDoc`, linear in the number of mentions), so
 * coding a sentence never scans the whole document.
 *
 * When the Doc model changes, this is the module to port; the rules only see `SentenceView`.
 */
import type { Actor, Doc, Entity, Sentence, Token } from '../model/document.js';
import type { Match } from './lexicon.js';
import { isJoiner } from '../text/tokens.js';
import { wordList } from '../text/words.js';
import { entityIndex } from '../model/entities.js';
import { sentenceDates } from '../time/stage.js';
import type { DateMention } from '../time/dates.js';

/** The mention type the coder reads: an actor or a place, with the fields the rules use. */
export type Mention = Readonly<Entity>;

/** Per-document indexes, built once: mentions by sentence, and each mention's index. */
export interface DocIndex {
  readonly tokens: readonly Token[];
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly sentenceTokens: ReadonlyArray<readonly [number, number]>;
  readonly pubDate: string | null;
  /** The article's URL (part of its event ids). */
  readonly url: string | null;
  /** Actor mentions with a code (places excluded), per sentence, in document order. */
  readonly actors: ReadonlyArray<readonly Mention[]>;
  /** Place mentions with a country, per sentence, in document order. */
  readonly places: ReadonlyArray<readonly Mention[]>;
  readonly entityIndex: ReadonlyMap<Mention, number>;
  /** The dates layer's mentions of sentence s (offsets relative to it), weekdays read forward where `future` says so. */
  readonly datesOf: (s: number, future: (offset: number) => boolean) => DateMention[];
}

export function indexDoc(doc: Doc): DocIndex {
  const L = doc.layers;
  const n = L.sentences.length;
  const actors: Mention[][] = Array.from({ length: n }, () => []);
  const places: Mention[][] = Array.from({ length: n }, () => []);
  const published = entityIndex(doc);
  published.entities.forEach((e) => {
    if (e.sentence < 0 || e.sentence >= n) return;
    if (e.type === 'place') {
      if (e.country !== null) places[e.sentence]!.push(e);
    } else if (e.code !== null) actors[e.sentence]!.push(e);
  });
  return {
    tokens: L.tokens,
    text: L.text,
    sentences: L.sentences,
    sentenceTokens: L.sentences.map((x) => [x.range.start, x.range.end] as const),
    pubDate: doc.meta.date,
    url: doc.meta.url,
    actors,
    places,
    entityIndex: published.indexOf,
    datesOf: (s, future) => sentenceDates(doc, s, future),
  };
}

/** One sentence as the rules see it. Token indices are document-wide (`t0 <= k < t1`). */
export interface SentenceView {
  readonly s: number;
  readonly t0: number;
  readonly t1: number;
  readonly tokens: readonly Token[];
  readonly text: string;
  readonly sentence: Sentence;
  readonly pubDate: string | null;
  /** The actor (or, failing one, place) mention covering each token of the sentence. */
  readonly actorAt: ReadonlyArray<Mention | null>;
  /** Token → id of the parenthetical it sits in (0 = none), by offset from t0. */
  readonly paren: readonly number[];
  /** Clause id of each token (outside parentheticals), by offset from t0. */
  readonly clause: readonly number[];
  /** Clauses opened by a participle after a comma ("…, accusing Turkey"): they inherit the main subject. */
  readonly participial: ReadonlySet<number>;
  /** Tokens inside a relative clause ("…, which is preparing an offensive"): background, not news. */
  readonly relative: readonly boolean[];
  readonly index: DocIndex;
}

function cover(ix: DocIndex, mentions: readonly Mention[], t0: number, actorAt: Array<Mention | null>, onlyEmpty: boolean): void {
  for (const e of mentions) {
    for (let k = t0; k < t0 + actorAt.length; k++) {
      const t = ix.tokens[k]!;
      if (t.start >= e.start && t.end <= e.end && (!onlyEmpty || actorAt[k - t0] === null)) actorAt[k - t0] = e;
    }
  }
}

/** Paired dashes and brackets: the parenthetical id of each token (an unclosed dash runs to the end). */
function markParentheticals(ix: DocIndex, t0: number, n: number): { paren: number[]; next: number } {
  const dashes = wordList('dashes');
  const paren = new Array<number>(n).fill(0);
  let open = -1;
  let id = 0;
  for (let k = 0; k < n; k++) {
    const t = ix.tokens[t0 + k]!;
    const isDash = dashes.has(t.text) && t.pos === 'PUNCT' && (t.text !== '-' || ix.text[t.start - 1] === ' ');
    if (t.text === '(' || (isDash && open < 0)) {
      open = k;
      id++;
      continue;
    }
    if (open >= 0 && (t.text === ')' || isDash)) {
      for (let q = open + 1; q < k; q++) paren[q] = id;
      open = -1;
    }
  }
  if (open >= 0) for (let q = open + 1; q < n; q++) paren[q] = id;
  return { paren, next: id };
}

/**
 * Appositives: "Pakistan, a key U.S. ally in the war, has refused…": a verbless phrase between
 * commas right after an actor, followed by the verb, is parenthetical.
 */
function markAppositives(ix: DocIndex, t0: number, actorAt: ReadonlyArray<Mention | null>, paren: number[], id: number): void {
  const n = paren.length;
  const tok = (k: number) => ix.tokens[t0 + k]!;
  for (let k = 1; k < n - 2; k++) {
    if (tok(k).text !== ',' || !actorAt[k - 1] || paren[k] !== 0) continue;
    const first = tok(k + 1);
    if (first.pos !== 'DET' && first.pos !== 'ADJ' && first.pos !== 'NUM') continue;
    let m = k + 1;
    while (m < n && m < k + 16 && tok(m).text !== ',' && tok(m).pos !== 'VERB' && tok(m).pos !== 'AUX') m++;
    if (m >= n || tok(m).text !== ',') continue;
    const after = ix.tokens[t0 + m + 1];
    if (!after || (after.pos !== 'AUX' && after.pos !== 'VERB' && after.pos !== 'ADV')) continue;
    id++;
    for (let q = k + 1; q < m; q++) paren[q] = id;
    k = m;
  }
}

/** Clause ids: ';' and ':' open a clause, and so does a comma before a clause opener or a participle. */
function markClauses(ix: DocIndex, t0: number, paren: readonly number[]): { clause: number[]; participial: Set<number> } {
  const openers = wordList('clause-openers');
  const n = paren.length;
  const clause = new Array<number>(n).fill(0);
  const participial = new Set<number>();
  let c = 0;
  for (let k = 0; k < n; k++) {
    const t = ix.tokens[t0 + k]!;
    if (paren[k] === 0) {
      if (t.text === ';' || t.text === ':') c++;
      else if (t.text === ',' && k + 1 < n) {
        const next = ix.tokens[t0 + k + 1]!;
        if (openers.has(next.norm)) c++;
        else if (isParticiple(next)) {
          c++;
          participial.add(c);
        }
      }
    }
    clause[k] = c;
  }
  return { clause, participial };
}

/** Relative clauses on a thing or place ("the helicopter that was captured"), up to the next comma or dash. */
function markRelatives(ix: DocIndex, t0: number, n: number): boolean[] {
  const pronouns = wordList('relative-pronouns');
  const dashes = wordList('dashes');
  const tok = (k: number) => ix.tokens[t0 + k]!;
  const relative = new Array<boolean>(n).fill(false);
  for (let k = 1; k < n - 1; k++) {
    const t = tok(k);
    const prev = tok(k - 1);
    const next = tok(k + 1);
    const opens =
      (pronouns.has(t.norm) && (prev.text === ',' || prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'ADP')) ||
      (t.norm === 'that' && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && (next.pos === 'VERB' || next.pos === 'AUX'));
    if (!opens) continue;
    let q = k + 1;
    while (q < n && tok(q).text !== ',' && tok(q).text !== ';' && !dashes.has(tok(q).text)) relative[q++] = true;
    k = q;
  }
  return relative;
}

/** The view of sentence `s`: cost proportional to the sentence and its own mentions. */
export function sentenceView(ix: DocIndex, s: number): SentenceView {
  const [t0, t1] = ix.sentenceTokens[s]!;
  const n = t1 - t0;
  const actorAt: Array<Mention | null> = new Array<Mention | null>(n).fill(null);
  cover(ix, ix.actors[s] ?? [], t0, actorAt, false);
  // Places stand for their country as targets ("a visit to Amman"), where no actor covers them;
  // they never become sources (see the subject rules).
  cover(ix, ix.places[s] ?? [], t0, actorAt, true);
  const { paren, next } = markParentheticals(ix, t0, n);
  markAppositives(ix, t0, actorAt, paren, next);
  const { clause, participial } = markClauses(ix, t0, paren);
  const relative = markRelatives(ix, t0, n);
  return { s, t0, t1, tokens: ix.tokens, text: ix.text, sentence: ix.sentences[s]!, pubDate: ix.pubDate, actorAt, paren, clause, participial, relative, index: ix };
}

export function isParticiple(t: Token): boolean {
  return t.pos === 'VERB' && /ing$/.test(t.norm);
}

export function isPastParticiple(t: Token): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'ADJ') return false;
  if (/ing$/.test(t.norm)) return false;
  return /(?:ed|en|wn|ght)$/.test(t.norm) || (t.norm !== t.lemma && !/s$/.test(t.norm));
}

/** A hyphen-like joiner before token k ("Israeli-occupied"). */
export function joinedBefore(v: SentenceView, k: number): boolean {
  return isJoiner(v.tokens[k - 1]?.text ?? '');
}

export function sameClause(v: SentenceView, a: number, b: number): boolean {
  const pa = v.paren[a - v.t0]!;
  const pb = v.paren[b - v.t0]!;
  if (pa !== 0 || pb !== 0) return pa === pb;
  return v.clause[a - v.t0] === v.clause[b - v.t0];
}

export function clauseStart(v: SentenceView, head: number): number {
  let j = head;
  while (j - 1 >= v.t0 && sameClause(v, j - 1, head)) j--;
  return j;
}

export function lastToken(v: SentenceView, e: Mention, k: number): number {
  let j = k;
  while (j + 1 < v.t1 && v.actorAt[j + 1 - v.t0] === e) j++;
  return j;
}

export function firstToken(v: SentenceView, e: Mention, k: number): number {
  let j = k;
  while (j - 1 >= v.t0 && v.actorAt[j - 1 - v.t0] === e) j--;
  return j;
}

/** The token at or after a character offset of the document, within the sentence. */
export function tokenAtOffset(v: SentenceView, offset: number): number | null {
  for (let k = v.t0; k < v.t1; k++) if (v.tokens[k]!.end > offset) return k;
  return null;
}

/** The character span and text of a match. */
export function triggerSpan(v: SentenceView, m: Match): { start: number; end: number; text: string } {
  const start = v.tokens[m.start]!.start;
  const end = v.tokens[m.end - 1]!.end;
  return { start, end, text: v.text.slice(start, end) };
}

/*
 * The two reads of another stage's provenance the coder makes, kept here so that they are ported
 * in one place when actors and dates carry typed facts instead of rule strings.
 */

/** A mention whose country was inferred from the sentence or the article, not named in it. */
export function countryInferred(e: Mention): boolean {
  return /\+(sentence|article)-country$/.test(e.rule);
}

const YEAR_STATED = new Set(['date/decade', 'date/year', 'date/stated']);

/** A date mention whose year the text states ("in the 1990s", "in 2003", "on 4 May 2003"). */
export function statesYear(d: DateMention): boolean {
  return YEAR_STATED.has(d.rule);
}

/** The published actor of a mention (a place stands for its country). */
export function actorOut(v: SentenceView, e: Mention): Actor {
  const code = e.type === 'place' ? e.country! : e.code!;
  return { code, country: e.country, role: e.role, name: e.name, text: e.text, start: e.start, end: e.end, entity: v.index.entityIndex.get(e) ?? -1 };
}
