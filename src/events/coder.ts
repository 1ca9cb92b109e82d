/**
 * events.code: who did what to whom, per sentence.
 *
 *   1. find   every lexicon pattern that matches (indexed by trigger lemma), longest first;
 *   2. clause the sentence around each trigger (a shallow, TABARI-style segmentation over the
 *             tagger's tokens: dashes and brackets are parentheticals; ';', ', with …', ', accusing …'
 *             open new clauses);
 *   3. bind   source = the clause subject (nearest actor left of the trigger not inside a
 *             prepositional phrase; participial clauses inherit the main subject; passives take the
 *             `by` agent), target = the pattern's `$T` slot or the first actor after the trigger
 *             before the next verb; coordinated actors give one event per pair;
 *   4. decide modality: negated, hypothetical, future, hoped-for, questioned, alleged (the content
 *             of an accusation: "accused of deploying"), descriptive (reduced relatives, definite
 *             nominal mentions), historical. Only asserted acts become events; the rest are kept in
 *             `doc.rejected` with the reason;
 *   5. date   from the clause (time/dates.ts), else the publication date.
 * Every event records the pattern id, the trigger span and the actor spans.
 */
import { createHash } from 'node:crypto';
import type { Actor, CodedEvent, Doc, Entity, Modality, RejectedEvent, Token } from '../model/document.js';
import type { Resources } from '../resources.js';
import { entitiesIn, entityIndex } from '../model/entities.js';
import { entriesFor, matchAt, type Match, type PatternEntry } from './lexicon.js';
import type { DateMention } from '../time/dates.js';
import { sentenceDates } from '../time/stage.js';
import { isJoiner } from '../text/tokens.js';

interface Found {
  entry: PatternEntry;
  m: Match;
  /** A more specific code from a nominal in the same clause ("killed … in a car bombing"). */
  code?: string;
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'own']);

/** Verbs that carry a nominal act: "completed the withdrawal", "launched an offensive". */
const LIGHT_VERBS = new Set(['complete', 'launch', 'mount', 'begin', 'start', 'stage', 'carry', 'conduct', 'speed', 'step', 'hold', 'make', 'impose', 'order', 'announce', 'resume', 'intensify', 'escalate', 'wage', 'unleash', 'finish', 'undertake', 'perform', 'declare']);

/** CAMEO codes of measures a government takes on its own country (by codebook name). */
const DOMESTIC_MEASURE = /curfew|martial law|state of emergency|political part|freedoms|administrative sanctions|political reform|change leadership|ease popular dissent/i;

/** Verbs whose infinitive complement happens: "continued to send", "began to withdraw". */
const ASPECTUAL = new Set(['continue', 'begin', 'start', 'resume', 'keep', 'manage', 'proceed', 'go', 'move', 'try', 'attempt']);
const TIME_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Verbs that say that people died or were hurt, not how: a method named after them is the act. */
const OUTCOME_VERBS = new Set(['kill', 'wound', 'injure', 'die', 'hurt', 'maim']);

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const NEGATING_VERBS = new Set(['fail', 'refuse', 'decline', 'deny', 'reject', 'avoid', 'stop', 'cease', 'halt']);
const MODALS = new Set(['could', 'would', 'might', 'may', 'should', 'must', 'can', 'ought']);
const FUTURE = new Set(['will', 'shall', "'ll", 'wo']);
const CONDITIONALS = new Set(['if', 'unless', 'whether', 'lest']);
const CLAUSE_OPENERS = new Set(['with', 'while', 'as', 'after', 'before', 'but', 'although', 'though', 'whereas', 'when', 'since', 'because', 'amid', 'despite']);
const BE_FORMS = new Set(['be', 'get']);
const DASHES = new Set(['—', '--', '–', '-']);
const PARTICIPLE_PREPS = new Set(['of', 'for', 'about', 'over', 'against', 'from', 'by', 'with', 'after', 'before', 'in', 'on', 'without', 'to']);
const DEFINITE = new Set(['the', 'these', 'those', 'such', 'this', 'that', 'its', 'their', 'his', 'her']);
const SPEECH = new Set(['say', 'tell', 'add', 'state', 'announce', 'claim', 'report', 'write', 'note', 'insist', 'argue', 'believe', 'think', 'allege', 'suggest', 'explain', 'declare', 'conclude', 'stress', 'reiterate', 'warn', 'remind', 'write', 'tweet']);
/** Obligation modals: "X said Y must do Z" is X's demand on Y (CAMEO 10). */
const OBLIGATION = new Set(['must', 'should', 'ought']);

/**
 * CAMEO codes an announced act as a statement of intent, made now: "X will send aid" is 033
 * (express intent to provide material aid), "X will attack" is 138 (threaten with military force).
 */
const INTENT_BY_ROOT: Record<string, string> = {
  '04': '036', '05': '032', '06': '031', '07': '033', '08': '035',
  '14': '133', '15': '138', '16': '1313', '17': '137', '18': '138', '19': '138', '20': '138',
};
/** Words that make a following infinitive an announced intention ("ready to send troops"). */
const INTENT_GOVERNORS = new Set(['willing', 'ready', 'prepared', 'prepare', 'committed', 'commit', 'determined', 'offer', 'promise', 'pledge', 'vow', 'decide', 'plan', 'intend', 'resolve', 'set', 'poised', 'expect', 'aim']);

export function intentCode(code: string): string | null {
  return INTENT_BY_ROOT[code.slice(0, 2)] ?? null;
}

/** The character span and text of a match. */
function triggerSpan(doc: Doc, f: Found): { start: number; end: number; text: string } {
  const start = doc.layers.tokens[f.m.start]!.start;
  const end = doc.layers.tokens[f.m.end - 1]!.end;
  return { start, end, text: doc.layers.text.slice(start, end) };
}

function hashId(...parts: Array<string | number>): string {
  return createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 16);
}

/** Per-sentence view: which actor entity covers each token. */
interface SentenceView {
  s: number;
  t0: number;
  t1: number;
  actorAt: Array<Entity | null>;
  /** Parenthetical depth marker: token index → id of the parenthetical it sits in (0 = none). */
  paren: number[];
  /** Clause id of each token (outside parentheticals). */
  clause: number[];
  /** Clauses opened by a participle after a comma ("…, accusing Turkey"): inherit the main subject. */
  participial: Set<number>;
  /** Tokens inside a relative clause on a thing or place ("…Macedonia, which is preparing an
   * offensive", "the helicopter that was captured"): background, not the news. */
  relative: boolean[];
}

function isParticiple(t: Token): boolean {
  return t.pos === 'VERB' && /ing$/.test(t.norm);
}

function isPastParticiple(t: Token): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'ADJ') return false;
  if (/ing$/.test(t.norm)) return false;
  return /(?:ed|en|wn|ght)$/.test(t.norm) || (t.norm !== t.lemma && !/s$/.test(t.norm));
}

function buildView(doc: Doc, s: number): SentenceView {
  const { start: t0, end: t1 } = doc.layers.sentences[s]!.range;
  const n = t1 - t0;
  const actorAt: Array<Entity | null> = new Array(n).fill(null);
  for (const e of entitiesIn(doc, s)) {
    if (e.sentence !== s || e.code === null || e.type === 'place') continue;
    for (let k = t0; k < t1; k++) {
      const t = doc.layers.tokens[k]!;
      if (t.start >= e.start && t.end <= e.end) actorAt[k - t0] = e;
    }
  }
  // Places stand for their country as targets ("a visit to Amman", "aid to Baghdad"), where no
  // actor covers them; they never become sources (see findSubject).
  for (const e of entitiesIn(doc, s)) {
    if (e.sentence !== s || e.type !== 'place' || e.country === null) continue;
    for (let k = t0; k < t1; k++) {
      const t = doc.layers.tokens[k]!;
      if (t.start >= e.start && t.end <= e.end && actorAt[k - t0] === null) actorAt[k - t0] = e;
    }
  }
  // Parentheticals: paired dashes and brackets.
  const paren = new Array<number>(n).fill(0);
  let open = -1;
  let id = 0;
  for (let k = 0; k < n; k++) {
    const t = doc.layers.tokens[t0 + k]!;
    const isDash = DASHES.has(t.text) && t.pos === 'PUNCT' && (t.text !== '-' || doc.layers.text[t.start - 1] === ' ');
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
  if (open >= 0) for (let q = open + 1; q < n; q++) paren[q] = id; // an unclosed dash runs to the end
  // Appositives: "Pakistan, a key U.S. ally in the war, has refused…": a verbless phrase between
  // commas right after an actor, followed by the verb, is parenthetical.
  for (let k = 1; k < n - 2; k++) {
    if (doc.layers.tokens[t0 + k]!.text !== ',' || !actorAt[k - 1] || paren[k] !== 0) continue;
    const first = doc.layers.tokens[t0 + k + 1]!;
    if (first.pos !== 'DET' && first.pos !== 'ADJ' && first.pos !== 'NUM') continue;
    let m = k + 1;
    while (m < n && m < k + 16 && doc.layers.tokens[t0 + m]!.text !== ',' && doc.layers.tokens[t0 + m]!.pos !== 'VERB' && doc.layers.tokens[t0 + m]!.pos !== 'AUX') m++;
    if (m >= n || doc.layers.tokens[t0 + m]!.text !== ',') continue;
    const after = doc.layers.tokens[t0 + m + 1];
    if (!after || (after.pos !== 'AUX' && after.pos !== 'VERB' && after.pos !== 'ADV')) continue;
    id++;
    for (let q = k + 1; q < m; q++) paren[q] = id;
    k = m;
  }
  const clause = new Array<number>(n).fill(0);
  const participial = new Set<number>();
  let c = 0;
  for (let k = 0; k < n; k++) {
    const t = doc.layers.tokens[t0 + k]!;
    if (paren[k] === 0) {
      if (t.text === ';' || t.text === ':') c++;
      else if (t.text === ',' && k + 1 < n) {
        const next = doc.layers.tokens[t0 + k + 1]!;
        if (CLAUSE_OPENERS.has(next.norm)) c++;
        else if (isParticiple(next)) {
          c++;
          participial.add(c);
        }
      }
    }
    clause[k] = c;
  }
  const relative = new Array<boolean>(n).fill(false);
  for (let k = 1; k < n - 1; k++) {
    const t = doc.layers.tokens[t0 + k]!;
    const prev = doc.layers.tokens[t0 + k - 1]!;
    const next = doc.layers.tokens[t0 + k + 1]!;
    const opens =
      ((t.norm === 'which' || t.norm === 'where' || t.norm === 'who' || t.norm === 'whom') && (prev.text === ',' || prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'ADP')) ||
      (t.norm === 'that' && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && (next.pos === 'VERB' || next.pos === 'AUX'));
    if (!opens) continue;
    let q = k + 1;
    while (q < n && doc.layers.tokens[t0 + q]!.text !== ',' && doc.layers.tokens[t0 + q]!.text !== ';' && !DASHES.has(doc.layers.tokens[t0 + q]!.text)) relative[q++] = true;
    k = q;
  }
  return { s, t0, t1, actorAt, paren, clause, participial, relative };
}

function sameClause(v: SentenceView, a: number, b: number): boolean {
  const pa = v.paren[a - v.t0]!;
  const pb = v.paren[b - v.t0]!;
  if (pa !== 0 || pb !== 0) return pa === pb;
  return v.clause[a - v.t0] === v.clause[b - v.t0];
}

/** All actor entities (distinct, in order) joined with the one at `k` by and / or / commas. */
function coordination(doc: Doc, v: SentenceView, k: number): Entity[] {
  const first = v.actorAt[k - v.t0]!;
  const group: Entity[] = [first];
  // Expand left and right over "X, Y and Z".
  const expand = (dir: 1 | -1) => {
    let cur = dir === 1 ? lastToken(v, first, k) : firstToken(v, first, k);
    for (;;) {
      let j = cur + dir;
      let sawConj = false;
      while (j >= v.t0 && j < v.t1) {
        const t = doc.layers.tokens[j]!;
        if (t.text === ',' || t.norm === 'and' || t.norm === 'or' || t.norm === 'the' || t.norm === 'both') {
          if (t.text !== ',' && t.norm !== 'the') sawConj = true;
          if (t.text === ',') sawConj = sawConj || true;
          j += dir;
          continue;
        }
        break;
      }
      if (!sawConj || j < v.t0 || j >= v.t1) return;
      const e = v.actorAt[j - v.t0];
      if (!e || group.includes(e) || v.paren[j - v.t0] !== v.paren[k - v.t0]) return;
      if (dir === 1) {
        // "Turkey urging support for Azerbaijan and Armenia hoping…": an actor followed by a verb
        // is the subject of a new clause, not part of this coordination.
        const after = doc.layers.tokens[lastToken(v, e, j) + 1];
        if (after && (after.pos === 'VERB' || after.pos === 'AUX')) return;
      }
      if (dir === 1) group.push(e);
      else group.unshift(e);
      cur = dir === 1 ? lastToken(v, e, j) : firstToken(v, e, j);
    }
  };
  expand(1);
  expand(-1);
  return group;
}

function lastToken(v: SentenceView, e: Entity, k: number): number {
  let j = k;
  while (j + 1 < v.t1 && v.actorAt[j + 1 - v.t0] === e) j++;
  return j;
}

function firstToken(v: SentenceView, e: Entity, k: number): number {
  let j = k;
  while (j - 1 >= v.t0 && v.actorAt[j - 1 - v.t0] === e) j--;
  return j;
}

function isPassive(doc: Doc, v: SentenceView, head: number): boolean {
  const h = doc.layers.tokens[head]!;
  if (!isPastParticiple(h) && !(h.pos === 'VERB' && /ed$/.test(h.norm))) return false;
  // "is opposed to", "is committed to": a predicative adjective, not a passive.
  if (doc.layers.tokens[head + 1]?.norm === 'to') return false;
  for (let j = head - 1; j >= v.t0 && j >= head - 3; j--) {
    const t = doc.layers.tokens[j]!;
    if (t.pos === 'ADV' || NEGATORS.has(t.norm)) continue;
    return (t.pos === 'AUX' || t.pos === 'VERB') && BE_FORMS.has(t.lemma);
  }
  return false;
}

/** The subject: nearest actor left of `from` in the clause, skipping prepositional objects. */
function findSubject(doc: Doc, v: SentenceView, from: number, head: number): number | null {
  let fallback: number | null = null;
  for (let j = from - 1; j >= v.t0; j--) {
    if (!sameClause(v, j, head)) {
      if (v.paren[j - v.t0] !== 0 && v.paren[head - v.t0] === 0) continue; // skip over parentheticals
      break;
    }
    const e = v.actorAt[j - v.t0];
    if (!e || e.type === 'place') continue;
    const a = firstToken(v, e, j);
    const before = doc.layers.tokens[a - 1];
    const possessive = doc.layers.tokens[lastToken(v, e, j) + 1];
    if (possessive && (possessive.text === "'s" || possessive.text === '’s')) {
      j = a;
      continue; // "Macron's plan": a possessor, not the subject
    }
    if (before && before.pos === 'ADP' && before.norm !== 'by') {
      if (fallback === null) fallback = a;
      j = a;
      continue;
    }
    return a;
  }
  return fallback;
}

/** The main subject of the sentence: the first actor before `limit` not in a prepositional phrase. */
function mainSubject(doc: Doc, v: SentenceView, limit: number): number | null {
  for (let j = v.t0; j < limit; j++) {
    const e = v.actorAt[j - v.t0];
    if (!e || e.type === 'place' || v.paren[j - v.t0] !== 0) continue;
    const before = doc.layers.tokens[j - 1];
    if (before && j > v.t0 && before.pos === 'ADP') {
      j = lastToken(v, e, j);
      continue;
    }
    return j;
  }
  return null;
}

/**
 * The object: first actor after `from` in the clause, before the next verb outside the match.
 * The source's own troops or officials, whose country was only inferred from context ("France is
 * ready to send troops"), are its instrument, not a target.
 */
function findObject(doc: Doc, v: SentenceView, from: number, head: number, skipBy: boolean, source: Entity | null = null): number | null {
  let infinitives = 0;
  for (let j = from; j < v.t1; j++) {
    if (!sameClause(v, j, head)) {
      if (v.paren[j - v.t0] !== 0 && v.paren[head - v.t0] === 0) continue;
      break;
    }
    const t = doc.layers.tokens[j]!;
    const e = v.actorAt[j - v.t0];
    if (e) {
      const before = doc.layers.tokens[j - 1];
      // "its forces", "their troops": the subject's own, not a target.
      const possessor = doc.layers.tokens[firstToken(v, e, j) - 1];
      if (possessor && POSSESSIVES.has(possessor.norm) && e.type !== 'place') {
        j = lastToken(v, e, j);
        continue;
      }
      const inferred = e.inferredCountry === true;
      const ownInstrument = inferred && source !== null && e.country === source.country && (e.role === 'MIL' || e.role === 'GOV');
      if ((skipBy && before && before.norm === 'by') || ownInstrument) {
        j = lastToken(v, e, j);
        continue;
      }
      return j;
    }
    // Stop at the next verb, but go through an infinitive complement ("threatened to break
    // relations with Russia") and a gerund after a preposition ("for helping Iraq").
    const prev = doc.layers.tokens[j - 1];
    if (t.pos === 'VERB' && j > from && !(t.norm.endsWith('ing') && prev?.pos === 'ADP') && !(prev && isJoiner(prev.text))) {
      if (prev?.norm !== 'to' || t.norm.endsWith('ing') || ++infinitives > 2) return null;
    }
    // "negotiations mediated by X": a reduced relative starts another clause.
    if (t.pos === 'ADJ' && j > from && isPastParticiple(t) && prev?.pos === 'NOUN' && doc.layers.tokens[j + 1]?.norm === 'by') return null;
  }
  return null;
}

const LOCATIVES = new Set(['in', 'at', 'throughout', 'across', 'outside', 'inside', 'near', 'down']);

/** A place or country after a locative preposition in the clause ("in Serbia"). */
function findLocus(doc: Doc, v: SentenceView, from: number, head: number): number | null {
  for (let j = from; j < v.t1; j++) {
    if (!sameClause(v, j, head)) break;
    const e = v.actorAt[j - v.t0];
    if (!e) continue;
    const before = doc.layers.tokens[firstToken(v, e, j) - 1];
    if (before && LOCATIVES.has(before.norm) && (e.type === 'place' || e.type === 'country')) return j;
    j = lastToken(v, e, j);
  }
  return null;
}

/** The `by` agent of a passive. */
function findAgent(doc: Doc, v: SentenceView, from: number, head: number): number | null {
  for (let j = from; j < v.t1 - 1; j++) {
    if (!sameClause(v, j, head)) break;
    const t = doc.layers.tokens[j]!;
    if (t.norm === 'by') {
      for (let k = j + 1; k < Math.min(v.t1, j + 5); k++) if (v.actorAt[k - v.t0]) return k;
      return null;
    }
    if (t.pos === 'VERB' && j > from) return null;
  }
  return null;
}

function clauseStart(v: SentenceView, head: number): number {
  let j = head;
  while (j - 1 >= v.t0 && sameClause(v, j - 1, head)) j--;
  return j;
}

interface ModalityDecision {
  modality: Modality;
  rule: string;
}

function decideModality(doc: Doc, v: SentenceView, f: Found, dates: DateMention[], pubYear: number | null): ModalityDecision {
  const head = f.m.head;
  const h = doc.layers.tokens[head]!;
  const sentence = doc.layers.sentences[v.s]!;
  if (/\?\s*["”’]?$/.test(sentence.text)) return { modality: 'questioned', rule: 'modality/question-mark' };
  const cStart = clauseStart(v, head);
  const first = Math.min(f.m.start, head);
  // Look back over auxiliaries/adverbs before the match.
  for (let j = first - 1; j >= Math.max(cStart, first - 5); j--) {
    const t = doc.layers.tokens[j]!;
    if (NEGATORS.has(t.norm) || NEGATORS.has(t.lemma)) return { modality: 'negated', rule: `modality/negator:${t.norm}` };
    if (FUTURE.has(t.norm)) return { modality: hopeBefore(doc, v, cStart) ? 'hoped' : 'future', rule: `modality/future:${t.norm}` };
    if (MODALS.has(t.norm)) {
      // In reported speech "would" is the future of the past: "Iraq said it would allow" announces.
      if (t.norm === 'would' && speechVerbBefore(doc, v, j) !== null) return { modality: 'future', rule: 'modality/reported-would' };
      return { modality: 'hypothetical', rule: `modality/modal:${t.norm}` };
    }
    if (t.norm === 'to' && (t.pos === 'PART' || t.pos === 'ADP') && j === first - 1 && h.pos === 'VERB') {
      // "going to attack" is future; "refused to attack" is negated; "ready to send" announces an
      // intention; other infinitives are hypothetical.
      let g = j - 1;
      while (g > cStart && doc.layers.tokens[g]!.pos === 'ADV') g--;
      const gov = doc.layers.tokens[g];
      if (gov && NEGATING_VERBS.has(gov.lemma)) return { modality: 'negated', rule: `modality/negating-verb:${gov.lemma}` };
      if (gov && gov.norm === 'going') return { modality: 'future', rule: 'modality/going-to' };
      if (gov && INTENT_GOVERNORS.has(gov.lemma)) return { modality: 'future', rule: `modality/intent:${gov.lemma}` };
      // "gathered in Lagos to protest", "began a hunger strike to protest": the purpose of a
      // gathering is the protest itself.
      if (f.entry.code.startsWith('14') && !(gov && (MODALS.has(gov.norm) || FUTURE.has(gov.norm)))) break;
      // "continued to send arms", "began to withdraw": the act is happening.
      if (gov && ASPECTUAL.has(gov.lemma)) break;
      return { modality: 'hypothetical', rule: 'modality/infinitive' };
    }
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART') continue;
    break;
  }
  for (let j = cStart; j < first; j++) {
    const t = doc.layers.tokens[j]!;
    if (CONDITIONALS.has(t.norm)) return { modality: 'hypothetical', rule: `modality/conditional:${t.norm}` };
  }
  if (v.relative[head - v.t0]) return { modality: 'descriptive', rule: 'modality/relative-clause' };
  // A nominal act takes the tense of its verb: "will provide food aid" announces the aid.
  if ((h.pos === 'NOUN' || h.pos === 'PROPN') && head === first) {
    let j = first - 1;
    while (j >= cStart && doc.layers.tokens[j]!.pos !== 'VERB') j--;
    for (let k = j - 1; k >= Math.max(cStart, j - 3); k--) {
      const t = doc.layers.tokens[k]!;
      if (NEGATORS.has(t.norm)) return { modality: 'negated', rule: `modality/negated-verb:${t.norm}` };
      if (FUTURE.has(t.norm)) return { modality: 'future', rule: `modality/future-verb:${t.norm}` };
      if (t.pos !== 'AUX' && t.pos !== 'ADV') break;
    }
  }
  // "accused Turkey of deploying fighters": the content of another act, not an asserted one.
  const prev = doc.layers.tokens[first - 1];
  if (isParticiple(h) && prev && PARTICIPLE_PREPS.has(prev.norm) && head === first) return { modality: 'alleged', rule: `modality/gerund-after:${prev.norm}` };
  // "negotiations mediated by X": a reduced relative describes, it does not report.
  if (isPastParticiple(h) && head === first && prev && prev.pos === 'NOUN' && !TIME_WORDS.test(prev.norm) && doc.layers.tokens[f.m.end]?.norm === 'by') {
    return { modality: 'descriptive', rule: 'modality/reduced-relative' };
  }
  // "completed their withdrawal", "mounted an invasion", "staged a protest": a light verb
  // asserts the nominal act (its own tense and negation were checked above).
  if ((h.pos === 'NOUN' || h.pos === 'PROPN') && head === first) {
    for (let k = first - 1; k >= Math.max(cStart, first - 6); k--) {
      const t = doc.layers.tokens[k]!;
      const attributive = t.pos === 'VERB' && k > 0 && isJoiner(doc.layers.tokens[k - 1]!.text);
      if (t.pos === 'VERB' && !attributive) {
        if (LIGHT_VERBS.has(t.lemma)) return { modality: 'asserted', rule: `modality/light-verb:${t.lemma}` };
        break;
      }
      if (!attributive && !['DET', 'ADJ', 'PRON', 'NUM', 'ADV', 'PART'].includes(t.pos) && !isJoiner(t.text) && !['up', 'out', 'off'].includes(t.norm)) break;
    }
  }
  // "the besieged town", "the banned movement", "Israeli-occupied": an attributive participle
  // describes a state, it does not report an act.
  if (isPastParticiple(h) && head === first && prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || isJoiner(prev.text)) && doc.layers.tokens[f.m.end] && ['NOUN', 'PROPN', 'ADJ'].includes(doc.layers.tokens[f.m.end]!.pos)) {
    return { modality: 'descriptive', rule: 'modality/attributive-participle' };
  }
  // "the accusations": a definite nominal mention refers back to an event, it is not a new one.
  if ((h.pos === 'NOUN' || h.pos === 'PROPN') && prev && DEFINITE.has(prev.norm) && f.m.slots.T === undefined && f.m.end - f.m.start === 1) {
    return { modality: 'descriptive', rule: 'modality/definite-nominal' };
  }
  if (h.pos === 'NOUN' && f.m.end - f.m.start === 1 && f.m.slots.T === undefined) {
    const next = doc.layers.tokens[f.m.end];
    if (!next || !['on', 'against', 'by', 'with', 'between', 'from', 'to', 'at', 'in', 'for', 'of'].includes(next.norm)) {
      return { modality: 'descriptive', rule: 'modality/bare-nominal' };
    }
  }
  // Hoped-for acts: "hoping that Russia will step in" is caught by the future rule above.
  if (pubYear !== null) {
    for (const d of dates) {
      if (d.year !== null && d.year < pubYear - 1 && (d.rule === 'date/decade' || d.rule === 'date/year' || d.rule === 'date/stated')) {
        const at = sentence.start + d.start;
        if (at >= doc.layers.tokens[cStart]!.start && at <= doc.layers.tokens[Math.min(v.t1 - 1, f.m.end + 12)]!.end) return { modality: 'historical', rule: `modality/historical:${d.text}` };
      }
    }
  }
  return { modality: 'asserted', rule: 'modality/asserted' };
}

/** The nearest reporting verb before token `before` in the sentence ("said", "declared"), if any. */
function speechVerbBefore(doc: Doc, v: SentenceView, before: number): number | null {
  for (let j = before - 1; j >= v.t0; j--) {
    const t = doc.layers.tokens[j]!;
    if (t.pos === 'VERB' && SPEECH.has(t.lemma)) return j;
  }
  return null;
}

/** The obligation modal right before the match ("must cooperate"), if any. */
function obligationBefore(doc: Doc, v: SentenceView, first: number): boolean {
  for (let j = first - 1; j >= Math.max(v.t0, first - 3); j--) {
    const t = doc.layers.tokens[j]!;
    if (OBLIGATION.has(t.norm)) return true;
    if (t.pos !== 'ADV' && t.pos !== 'AUX') return false;
  }
  return false;
}

function hopeBefore(doc: Doc, v: SentenceView, cStart: number): boolean {
  for (let j = Math.max(v.t0, cStart - 6); j < cStart + 4 && j < v.t1; j++) {
    const t = doc.layers.tokens[j]!;
    if (t.lemma === 'hope' || t.lemma === 'wish' || t.lemma === 'want') return true;
  }
  return false;
}

function isFutureClause(doc: Doc, v: SentenceView, head: number): boolean {
  const cStart = clauseStart(v, head);
  for (let j = Math.max(v.t0, cStart); j < v.t1 && sameClause(v, j, head); j++) {
    const t = doc.layers.tokens[j]!;
    if (FUTURE.has(t.norm) || t.norm === 'tomorrow' || t.norm === 'next' || t.norm === 'upcoming') return true;
  }
  return false;
}

function actorOut(doc: Doc, e: Entity): Actor {
  // A place stands for its country.
  const code = e.type === 'place' ? e.country! : e.code!;
  return { code, country: e.country, role: e.role, name: e.name, text: e.text, start: e.start, end: e.end, entity: entityIndex(doc).indexOf.get(e) ?? -1 };
}

/**
 * Chooses non-overlapping matches, longest first, then by position. A target slot that no actor
 * fills ("attack on Thursday") does not count towards a match's length.
 */
function selectMatches(found: Found[], v: SentenceView, doc: Doc): Found[] {
  const len = (f: Found) => {
    const T = f.m.slots.T;
    if (T !== undefined && actorNear(v, T, doc) === null) return f.m.end - f.m.start - 1;
    return f.m.end - f.m.start;
  };
  const sorted = [...found].sort((a, b) => len(b) - len(a) || a.m.start - b.m.start);
  const taken: Found[] = [];
  for (const f of sorted) {
    if (taken.some((t) => t.m.start < f.m.end && f.m.start < t.m.end)) continue;
    taken.push(f);
  }
  return taken.sort((a, b) => a.m.start - b.m.start);
}

/** The events and non-events of a document, before merging. */
export function codeEvents(doc: Doc, res: Pick<Resources, 'actors' | 'codebook' | 'lexicon' | 'version'>): { events: CodedEvent[]; rejected: RejectedEvent[] } {
  const out: { events: CodedEvent[]; rejected: RejectedEvent[] } = { events: [], rejected: [] };
  const lex = res.lexicon;
  const pubYear = doc.meta.date ? Number(doc.meta.date.slice(0, 4)) : null;
  const docKey = hashId(doc.meta.url ?? '', doc.layers.text.length, doc.layers.text.slice(0, 200));
  let n = 0;
  for (let s = 0; s < doc.layers.sentences.length; s++) {
    const { start: t0, end: t1 } = doc.layers.sentences[s]!.range;
    const found: Found[] = [];
    for (let i = t0; i < t1; i++) {
      const tok = doc.layers.tokens[i]!;
      if (tok.pos === 'PUNCT' || tok.pos === 'DET') continue;
      for (const entry of entriesFor(lex, tok)) {
        const m = matchAt(entry, doc.layers.tokens as Token[], i, t1);
        if (m) found.push({ entry, m });
      }
    }
    if (found.length === 0) continue;
    const v = buildView(doc, s);
    const sentence = doc.layers.sentences[s]!;
    let dates: DateMention[] | null = null;
    const datesFor = (head: number): DateMention[] => {
      if (dates === null) dates = sentenceDates(doc, s, (offset) => isFutureClause(doc, v, tokenAtOffset(doc, v, sentence.start + offset) ?? head));
      return dates;
    };
    // A head inside an actor ("warplanes struck": the pattern names the actor too) moves to the
    // match's verb; a trigger wholly inside an actor name ("Defence Ministry") is not an act.
    const usable: Found[] = [];
    for (const f of found) {
      if (!v.actorAt[f.m.head - t0]) {
        usable.push(f);
        continue;
      }
      for (let k = f.m.start; k < f.m.end; k++) {
        if (doc.layers.tokens[k]!.pos === 'VERB' && !v.actorAt[k - t0]) {
          usable.push({ entry: f.entry, m: { ...f.m, head: k, start: k } });
          break;
        }
      }
    }
    const selected = selectMatches(usable, v, doc);
    // Outcome verbs take the method named after them in their clause ("killed in a car bombing").
    for (const f of selected) {
      const hTok = doc.layers.tokens[f.m.head]!;
      if ((hTok.pos !== 'NOUN' && hTok.pos !== 'PROPN') || !/^(18|19|20)/.test(f.entry.code)) continue;
      const governing = selected.find((g) => g !== f && g.m.head < f.m.head && doc.layers.tokens[g.m.head]!.pos === 'VERB' && sameClause(v, g.m.head, f.m.head));
      if (governing && OUTCOME_VERBS.has(doc.layers.tokens[governing.m.head]!.lemma)) governing.code = f.entry.code;
    }
    for (const f of selected) {
      const head = f.m.head;
      // "demanded that Moscow admit…", "accused X of…": what a demand, accusation, rejection or
      // threat is about is its content, not a second act ("…that Soviet forces murdered…").
      const container = selected.find(
        (g) =>
          g !== f &&
          g.m.head < head &&
          /^(02|10|11|12|13)/.test(g.entry.code) &&
          doc.layers.tokens.slice(g.m.end, f.m.start).some((t) => t.norm === 'that' || t.norm === 'whether'),
      );
      if (container) {
        const trig = triggerSpan(doc, f);
        out.rejected.push({ cameo: f.entry.code, sentence: s, modality: 'alleged', rule: `${f.entry.id}; modality/content-of:${container.entry.id}`, trigger: trig });
        continue;
      }
      // A nominal trigger after a verbal one in its clause is that act's content ("rejected calls
      // for aid", "condemned the attack on the camp"), not an act of its own.
      const hTok = doc.layers.tokens[head]!;
      const governing = selected.find(
        (g) => g !== f && g.m.head < head && doc.layers.tokens[g.m.head]!.pos === 'VERB' && !isJoiner(doc.layers.tokens[g.m.head - 1]?.text ?? '') && sameClause(v, g.m.head, head),
      );
      if (hTok.pos !== 'VERB' && hTok.pos !== 'AUX' && governing) {
        const trig = triggerSpan(doc, f);
        out.rejected.push({ cameo: f.entry.code, sentence: s, modality: 'descriptive', rule: `${f.entry.id}; modality/nominal-complement`, trigger: trig });
        continue;
      }
      const ds = datesFor(head);
      const decision = decideModality(doc, v, f, ds, pubYear);
      // Sources and targets.
      const passive = f.entry.passive !== false && isPassive(doc, v, head);
      let srcAt: number | null = null;
      let tgtAt: number | null = null;
      let rule = f.entry.id;
      if (f.m.slots.S !== undefined) srcAt = actorNear(v, f.m.slots.S, doc);
      if (f.m.slots.T !== undefined) tgtAt = actorNear(v, f.m.slots.T, doc);
      if (passive) {
        if (tgtAt === null) tgtAt = findSubject(doc, v, f.m.start, head);
        if (srcAt === null) srcAt = findAgent(doc, v, f.m.end, head);
        rule += '+passive';
      } else {
        // A nominal act names its agent before it: "Ukrainian drone raids", "Israeli air strikes".
        const hPos = doc.layers.tokens[head]!.pos;
        if (srcAt === null && (hPos === 'NOUN' || hPos === 'PROPN')) {
          for (let k = f.m.start - 1; k >= Math.max(t0, f.m.start - 2); k--) {
            const e = v.actorAt[k - t0];
            if (e && e.type !== 'place') {
              srcAt = firstToken(v, e, k);
              rule += '+nominal-agent';
              break;
            }
            if (doc.layers.tokens[k]!.pos !== 'NOUN' && doc.layers.tokens[k]!.pos !== 'ADJ') break;
          }
        }
        // "X killed A and wounded B": the second verb shares the first one's subject.
        let sharedSubject = false;
        if (srcAt === null) {
          let k = f.m.start - 1;
          while (k > t0 && (doc.layers.tokens[k]!.pos === 'ADV' || doc.layers.tokens[k]!.pos === 'AUX')) k--;
          if (k > t0 && ['and', 'but', 'then'].includes(doc.layers.tokens[k]!.norm)) {
            let vb = k - 1;
            while (vb >= t0 && !(doc.layers.tokens[vb]!.pos === 'VERB' && sameClause(v, vb, head))) vb--;
            if (vb >= t0 && vb > clauseStart(v, head) - 1) {
              sharedSubject = true;
              const sub = findSubject(doc, v, vb, vb);
              if (sub !== null) {
                srcAt = sub;
                rule += '+shared-subject';
              }
            }
          }
        }
        if (srcAt === null && !sharedSubject) {
          srcAt = findSubject(doc, v, f.m.start, head);
          const cl = v.clause[head - t0]!;
          if (srcAt === null && v.participial.has(cl)) {
            srcAt = mainSubject(doc, v, clauseStart(v, head));
            if (srcAt !== null) rule += '+main-subject';
          }
        }
        // Protests, strikes and riots name no target: CAMEO coders take the country where they
        // happen ("demonstrated in Serbia", "shut down Kathmandu").
        if (tgtAt === null && f.entry.target === 'none' && f.entry.code.startsWith('14')) {
          // "in protest against Sweden's decision": the protest's object, else where it happens.
          for (let k = head + 1; k < t1 && tgtAt === null && sameClause(v, k, head); k++) {
            if (doc.layers.tokens[k]!.norm === 'against' || doc.layers.tokens[k]!.norm === 'at') tgtAt = findObject(doc, v, k + 1, head, false);
          }
          if (tgtAt !== null) rule += '+protest-object';
          else {
            tgtAt = findLocus(doc, v, head + 1, head);
            if (tgtAt !== null) rule += '+locus-target';
          }
        }
        // Threats, force postures and material conflict marked target-less in the lexicon still
        // name their target in a complement ("threatened to break relations with Russia").
        const searchObject = f.entry.target !== 'none' || /^(03|12|13|15|17|18|19|20)/.test(f.entry.code);
        if (tgtAt === null && searchObject) tgtAt = findObject(doc, v, head + 1, head, false, srcAt === null ? null : v.actorAt[srcAt - t0] ?? null);
        // Force postures and material conflict with no one named are aimed at where they happen
        // ("strengthened its forces in Lebanon").
        if (tgtAt === null && /^(15|17|18|19|20)/.test(f.entry.code)) {
          tgtAt = findLocus(doc, v, head + 1, head);
          if (tgtAt !== null) rule += '+locus-target';
        }
      }
      let code = res.codebook.get(f.code ?? f.entry.code);
      if (!code) continue;
      if (decision.modality === 'future') {
        // An announced act is coded as the statement of intent it is (asserted, made now).
        const intent = intentCode(code.code);
        const c2 = intent ? res.codebook.get(intent) : undefined;
        if (c2) {
          code = c2;
          rule += `+intent(${f.entry.code})`;
          decision.modality = 'asserted';
          decision.rule += '+intent';
        }
      }
      const trigger = triggerSpan(doc, f);
      // "The EC may halt mediation", "Iran could strike": a possible hostile act announced by its
      // author is a threat (CAMEO 13).
      if (decision.modality === 'hypothetical' && /modal:(may|could|might)$/.test(decision.rule) && /^(14|15|16|17|18|19|20)/.test(code.code)) {
        const threat = res.codebook.get(intentCode(code.code) ?? '130');
        if (threat) {
          code = threat;
          rule += `+threat(${f.entry.code})`;
          decision.modality = 'asserted';
          decision.rule += '+threat';
        }
      }
      if (decision.modality === 'hypothetical' && obligationBefore(doc, v, Math.min(f.m.start, head))) {
        // "Russia said Sudan must return the helicopter": the speaker demands it of the subject.
        const sv = speechVerbBefore(doc, v, Math.min(f.m.start, head));
        const demand = res.codebook.get('100');
        if (sv !== null && demand && srcAt !== null) {
          const speakerAt = findSubject(doc, v, sv, sv);
          if (speakerAt !== null) {
            code = demand;
            tgtAt = srcAt;
            srcAt = speakerAt;
            rule += `+demand(${f.entry.code})`;
            decision.modality = 'asserted';
            decision.rule += '+obligation-reported';
          }
        }
      }
      const sources = srcAt === null ? [null] : coordination(doc, v, srcAt);
      let targets: Array<Entity | null> = tgtAt === null ? [null] : coordination(doc, v, tgtAt);
      if (f.entry.target === 'none' && !/\+(demand\(|locus-target|protest-object)/.test(rule) && !/^(03|12|13|15|17|18|19|20)/.test(f.entry.code)) targets = [null];
      const pairs: Array<[Entity | null, Entity | null]> = [];
      // "Armenia and Azerbaijan agreed / met / clashed": with no one else named (or only a place),
      // a joint act of cooperation or fighting is coded both ways, as CAMEO does.
      const reciprocal =
        sources.length > 1 &&
        (targets[0] === null || targets[0]!.type === 'place') &&
        (f.entry.target === 'source-is-target' || /^(03|04|05|06|19)/.test(f.code ?? f.entry.code));
      if (reciprocal) {
        for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b]);
      } else {
        for (const a of sources) for (const b of targets) pairs.push([a, b]);
      }
      if (decision.modality !== 'asserted') {
        out.rejected.push({ cameo: code.code, sentence: s, modality: decision.modality, rule: `${f.entry.id}; ${decision.rule}`, trigger });
        continue;
      }
      // The event date: the date expression nearest the trigger in its clause, else publication.
      let date = doc.meta.date;
      let dateRule: string | null = doc.meta.date ? 'date/publication' : null;
      let dateText: string | null = null;
      let best = Infinity;
      for (const d of ds) {
        if (d.date === null) continue;
        const at = sentence.start + d.start;
        const tokAt = tokenAtOffset(doc, v, at);
        if (tokAt === null || !sameClause(v, tokAt, head)) continue;
        const dist = Math.abs(tokAt - head);
        if (dist < best) {
          best = dist;
          date = d.date;
          dateRule = d.rule;
          dateText = d.text;
        }
      }
      for (const [a, bFound] of pairs) {
        // A place in the source's own country is where it acted, not whom it acted on.
        const b = bFound && a && bFound.type === 'place' && bFound.country === a.country ? null : bFound;
        let implied: Actor | null = null;
        // A protest with no stated target is directed at its own country's government (CAMEO
        // practice): the target is implied, with no span in the text.
        if (b === null && a && a.country && a.role !== 'GOV' && code.root === '14') {
          const name = res.actors.countries.get(a.country)?.name ?? a.country;
          implied = { code: a.country + 'GOV', country: a.country, role: 'GOV', name: `${name} government`, text: '', start: trigger.start, end: trigger.start, entity: -1, implied: true };
        } else if (b === null && a && a.country && DOMESTIC_MEASURE.test(code.name)) {
          // Curfews, martial law, states of emergency and the like are imposed on (or lifted
          // for) the government's own country.
          const name = res.actors.countries.get(a.country)?.name ?? a.country;
          implied = { code: a.country, country: a.country, role: null, name, text: '', start: trigger.start, end: trigger.start, entity: -1, implied: true };
        }
        // An act needs an actor: a passive may leave the source unsaid ("Turkey has been
        // accused"), but an active clause whose subject we could not find is not coded.
        if (a === null && (b === null || !passive)) continue;
        if (a && b && (a === b || (a.code === b.code && a.name === b.name))) continue;
        const parts = [trigger.start, trigger.end];
        if (a) parts.push(a.start, a.end);
        if (b) parts.push(b.start, b.end);
        const evStart = Math.max(sentence.start, Math.min(...parts));
        const evEnd = Math.min(sentence.end, Math.max(...parts));
        const ev: CodedEvent = {
          id: `${docKey}-${n++}`,
          date,
          source: a ? actorOut(doc, a) : null,
          target: b ? actorOut(doc, b) : implied,
          cameo: code.code,
          root: code.root,
          quadClass: code.quadClass,
          goldstein: code.goldstein,
          plover: { event: code.plover.event, mode: code.plover.mode },
          sentence: s,
          evidence: { start: evStart, end: evEnd, text: doc.layers.text.slice(evStart, evEnd) },
          mentions: 1,
          modality: 'asserted',
          rule: implied ? rule + (implied.role === 'GOV' ? '+implied-domestic-target' : '+implied-own-country') : rule,
          trigger,
          dateRule,
          dateText,
          sentences: [s],
          lexiconVersion: res.version,
        };
        out.events.push(ev);
      }
    }
  }
  return out;
}

/** The actor in the noun phrase starting at k ("Darfur rebels": the rebels, not the place). */
function actorNear(v: SentenceView, k: number, doc?: Doc): number | null {
  let place: number | null = null;
  for (let j = k; j < Math.min(v.t1, k + 6); j++) {
    const e = v.actorAt[j - v.t0];
    if (!e) {
      if (place !== null) return place;
      // The phrase ends at punctuation or a verb ("attack on Thursday, police said").
      const t = doc?.layers.tokens[j];
      if (t && (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX')) return null;
      continue;
    }
    if (e.type !== 'place') return j;
    if (place === null) place = j;
  }
  return place;
}

function tokenAtOffset(doc: Doc, v: SentenceView, offset: number): number | null {
  for (let k = v.t0; k < v.t1; k++) {
    const t = doc.layers.tokens[k]!;
    if (t.end > offset) return k;
  }
  return null;
}

