/**
 * Shallow syntax over a sentence view: subjects, objects, agents, loci, coordination, passives.
 * Pure functions of the view (token indices in, token indices out); the rules call them.
 */
import { wordList } from '../text/words.js';
import { isJoiner } from '../text/tokens.js';
import { clauseStart, countryInferred, firstToken, isPastParticiple, lastToken, sameClause, type Mention, type SentenceView } from './view.js';

/** The subject: nearest actor left of `from` in the clause, skipping prepositional objects. */
export function findSubject(v: SentenceView, from: number, head: number): number | null {
  let fallback: number | null = null;
  for (let j = from - 1; j >= v.t0; j--) {
    if (!sameClause(v, j, head)) {
      if (v.paren[j - v.t0] !== 0 && v.paren[head - v.t0] === 0) continue; // skip over parentheticals
      break;
    }
    const e = v.actorAt[j - v.t0];
    if (!e || e.type === 'place') continue;
    const a = firstToken(v, e, j);
    const before = v.tokens[a - 1];
    const possessive = v.tokens[lastToken(v, e, j) + 1];
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
export function mainSubject(v: SentenceView, limit: number): number | null {
  for (let j = v.t0; j < limit; j++) {
    const e = v.actorAt[j - v.t0];
    if (!e || e.type === 'place' || v.paren[j - v.t0] !== 0) continue;
    const before = v.tokens[j - 1];
    if (before && j > v.t0 && before.pos === 'ADP') {
      j = lastToken(v, e, j);
      continue;
    }
    return j;
  }
  return null;
}

/** Whether the mention at j is the source's own ("its forces") or its inferred instrument, not a target. */
function notATarget(v: SentenceView, e: Mention, j: number, skipBy: boolean, source: Mention | null): boolean {
  const possessor = v.tokens[firstToken(v, e, j) - 1];
  if (possessor && wordList('possessives').has(possessor.norm) && e.type !== 'place') return true;
  const before = v.tokens[j - 1];
  const ownInstrument = countryInferred(e) && source !== null && e.country === source.country && (e.role === 'MIL' || e.role === 'GOV');
  return (skipBy && before !== undefined && before.norm === 'by') || ownInstrument;
}

/**
 * The object: first actor after `from` in the clause, before the next verb outside the match.
 * The source's own troops or officials, whose country was only inferred from context ("France is
 * ready to send troops"), are its instrument, not a target.
 */
export function findObject(v: SentenceView, from: number, head: number, skipBy: boolean, source: Mention | null = null): number | null {
  let infinitives = 0;
  for (let j = from; j < v.t1; j++) {
    if (!sameClause(v, j, head)) {
      if (v.paren[j - v.t0] !== 0 && v.paren[head - v.t0] === 0) continue;
      break;
    }
    const t = v.tokens[j]!;
    const e = v.actorAt[j - v.t0];
    if (e) {
      if (notATarget(v, e, j, skipBy, source)) {
        j = lastToken(v, e, j);
        continue;
      }
      return j;
    }
    // Stop at the next verb, but go through an infinitive complement ("threatened to break
    // relations with Russia") and a gerund after a preposition ("for helping Iraq").
    const prev = v.tokens[j - 1];
    if (t.pos === 'VERB' && j > from && !(t.norm.endsWith('ing') && prev?.pos === 'ADP') && !(prev && isJoiner(prev.text))) {
      if (prev?.norm !== 'to' || t.norm.endsWith('ing') || ++infinitives > 2) return null;
    }
    // "negotiations mediated by X": a reduced relative starts another clause.
    if (t.pos === 'ADJ' && j > from && isPastParticiple(t) && prev?.pos === 'NOUN' && v.tokens[j + 1]?.norm === 'by') return null;
  }
  return null;
}

/** A place or country after a locative preposition in the clause ("in Serbia"). */
export function findLocus(v: SentenceView, from: number, head: number): number | null {
  const locatives = wordList('event-locatives');
  for (let j = from; j < v.t1; j++) {
    if (!sameClause(v, j, head)) break;
    const e = v.actorAt[j - v.t0];
    if (!e) continue;
    const before = v.tokens[firstToken(v, e, j) - 1];
    if (before && locatives.has(before.norm) && (e.type === 'place' || e.type === 'country')) return j;
    j = lastToken(v, e, j);
  }
  return null;
}

/** The `by` agent of a passive. */
export function findAgent(v: SentenceView, from: number, head: number): number | null {
  for (let j = from; j < v.t1 - 1; j++) {
    if (!sameClause(v, j, head)) break;
    const t = v.tokens[j]!;
    if (t.norm === 'by') {
      for (let k = j + 1; k < Math.min(v.t1, j + 5); k++) if (v.actorAt[k - v.t0]) return k;
      return null;
    }
    if (t.pos === 'VERB' && j > from) return null;
  }
  return null;
}

/** The actor in the noun phrase starting at k ("Darfur rebels": the rebels, not the place). */
export function actorNear(v: SentenceView, k: number): number | null {
  let place: number | null = null;
  for (let j = k; j < Math.min(v.t1, k + 6); j++) {
    const e = v.actorAt[j - v.t0];
    if (!e) {
      if (place !== null) return place;
      // The phrase ends at punctuation or a verb ("attack on Thursday, police said").
      const t = v.tokens[j];
      if (t && (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX')) return null;
      continue;
    }
    if (e.type !== 'place') return j;
    if (place === null) place = j;
  }
  return place;
}

/** The next mention joined to the one ending (or starting) at `cur` by commas and coordinators, if any. */
function coordinated(v: SentenceView, cur: number, dir: 1 | -1, k: number, group: readonly Mention[]): number | null {
  const coordinators = wordList('coordinators');
  let j = cur + dir;
  let sawConj = false;
  while (j >= v.t0 && j < v.t1) {
    const t = v.tokens[j]!;
    if (t.text === ',' || coordinators.has(t.norm)) sawConj = true;
    else if (t.norm !== 'the') break;
    j += dir;
  }
  if (!sawConj || j < v.t0 || j >= v.t1) return null;
  const e = v.actorAt[j - v.t0];
  if (!e || group.includes(e) || v.paren[j - v.t0] !== v.paren[k - v.t0]) return null;
  if (dir === 1) {
    // "Turkey urging support for Azerbaijan and Armenia hoping…": an actor followed by a verb
    // is the subject of a new clause, not part of this coordination.
    const after = v.tokens[lastToken(v, e, j) + 1];
    if (after && (after.pos === 'VERB' || after.pos === 'AUX')) return null;
  }
  return j;
}

/** All actor mentions (distinct, in order) joined with the one at `k` by and / or / commas. */
export function coordination(v: SentenceView, k: number): Mention[] {
  const first = v.actorAt[k - v.t0]!;
  const group: Mention[] = [first];
  for (const dir of [1, -1] as const) {
    let cur = dir === 1 ? lastToken(v, first, k) : firstToken(v, first, k);
    for (let j = coordinated(v, cur, dir, k, group); j !== null; j = coordinated(v, cur, dir, k, group)) {
      const e = v.actorAt[j - v.t0]!;
      if (dir === 1) group.push(e);
      else group.unshift(e);
      cur = dir === 1 ? lastToken(v, e, j) : firstToken(v, e, j);
    }
  }
  return group;
}

export function isPassive(v: SentenceView, head: number): boolean {
  const h = v.tokens[head]!;
  if (!isPastParticiple(h) && !(h.pos === 'VERB' && /ed$/.test(h.norm))) return false;
  // "is opposed to", "is committed to": a predicative adjective, not a passive.
  if (v.tokens[head + 1]?.norm === 'to') return false;
  const negators = wordList('negators');
  for (let j = head - 1; j >= v.t0 && j >= head - 3; j--) {
    const t = v.tokens[j]!;
    if (t.pos === 'ADV' || negators.has(t.norm)) continue;
    return (t.pos === 'AUX' || t.pos === 'VERB') && wordList('passive-auxiliaries').has(t.lemma);
  }
  return false;
}

/** The nearest reporting verb before token `before` in the sentence ("said", "declared"), if any. */
export function speechVerbBefore(v: SentenceView, before: number): number | null {
  const speech = wordList('speech-verbs');
  for (let j = before - 1; j >= v.t0; j--) {
    const t = v.tokens[j]!;
    if (t.pos === 'VERB' && speech.has(t.lemma)) return j;
  }
  return null;
}

/** The obligation modal right before the match ("must cooperate"), if any. */
export function obligationBefore(v: SentenceView, first: number): boolean {
  const obligation = wordList('obligation-modals');
  for (let j = first - 1; j >= Math.max(v.t0, first - 3); j--) {
    const t = v.tokens[j]!;
    if (obligation.has(t.norm)) return true;
    if (t.pos !== 'ADV' && t.pos !== 'AUX') return false;
  }
  return false;
}

/** A verb of hoping near the start of the clause ("hoping that Russia will step in"). */
export function hopeBefore(v: SentenceView, cStart: number): boolean {
  const hope = wordList('hope-verbs');
  for (let j = Math.max(v.t0, cStart - 6); j < cStart + 4 && j < v.t1; j++) if (hope.has(v.tokens[j]!.lemma)) return true;
  return false;
}

/** Whether the clause of `head` is in the future ("will", "tomorrow", "next week"). */
export function isFutureClause(v: SentenceView, head: number): boolean {
  const future = wordList('future-auxiliaries');
  const markers = wordList('future-markers');
  const cStart = clauseStart(v, head);
  for (let j = Math.max(v.t0, cStart); j < v.t1 && sameClause(v, j, head); j++) {
    const t = v.tokens[j]!;
    if (future.has(t.norm) || markers.has(t.norm)) return true;
  }
  return false;
}
