/**
 * actors.resolve, coreference phase: later mentions resolve to the first full mention.
 *   same-name      a dictionary person's alias ("Le Drian") or a repeated name;
 *   surname        the surname of a titled person no dictionary knows ("Aliyev");
 *   pronoun        subject pronouns ("He", "she") to the most recent person in this or the
 *                  previous sentences;
 *   definite-role  definite role phrases ("the minister", "the French leader") to the most recent
 *                  person whose office matches.
 * Each resolved mention records `ref` (its antecedent) and the rule; the projection
 * (src/model/entities.ts) gives it the antecedent's code, country and name. The rules work on
 * a private copy of the mentions, since a resolved mention can be the candidate of a later one.
 * Every search is local (a few sentences back), so the phase is linear in document length.
 */
import type { ActorMention, CorefMention, Doc, Token } from '../model/document.js';
import { byTextOrder, publishedPlaces } from '../model/entities.js';
import { tokenRangeOf } from '../model/spans.js';
import { wordList } from '../text/words.js';
import type { ContextCountry } from './context.js';
import type { ActorRuleId } from './rules.js';
import type { Fields } from './compose/context.js';

/** How many sentences back a pronoun may reach (a definite role phrase: two more). */
const LOOKBACK_SENTENCES = 3;

/** A mention as coreference sees it: fields change when it adopts an antecedent. */
interface Work extends Fields {
  start: number;
  end: number;
  sentence: number;
  /** Index in `layers.actors`, or -1 (places, coreference's own mentions). */
  actor: number;
  /** The antecedent (a root: never itself resolved at the time). */
  ref: Work | null;
  token?: Token;
}

export interface Coreference {
  /** Per actor mention: the antecedent's actor index and the rule, or null. */
  refs: Array<{ ref: number; rule: ActorRuleId } | null>;
  added: CorefMention[];
}

function rootOf(w: Work): Work {
  let k = w;
  for (let guard = 0; guard < 10 && k.ref; guard++) k = k.ref;
  return k;
}

function adopt(e: Work, referent: Work): void {
  const r = rootOf(referent);
  e.ref = r;
  e.code = r.code;
  e.country = r.country;
  e.role = r.role;
  e.name = r.name;
  e.type = r.type;
  if (r.office !== undefined) e.office = r.office;
}

function isFullPerson(e: Work): boolean {
  return e.type === 'person' && e.name !== null && /\p{Lu}/u.test(e.name) && e.actor >= 0;
}

function isPerson(e: Work): boolean {
  return e.type === 'person' && e.name !== null && e.code !== null;
}

function fromActor(a: ActorMention, i: number, ctx: ContextCountry): Work {
  const w: Work = { start: a.start, end: a.end, sentence: a.sentence, type: a.type, code: a.code, country: a.country, role: a.role, name: a.name, rules: [...a.rules], actor: i, ref: null };
  if (a.office !== undefined) w.office = a.office;
  if (ctx.country !== null) {
    w.country = ctx.country;
    w.code = ctx.country + a.role;
  }
  return w;
}

/** Actors (with their context country) and published places, text order. */
function workingMentions(doc: Doc, context: readonly ContextCountry[]): Work[] {
  const actors = doc.layers.actors.map((a, i) => fromActor(a, i, context[i]!));
  const places: Work[] = publishedPlaces(doc).map((p) => ({ start: p.start, end: p.end, sentence: p.sentence, type: 'place', code: null, country: p.country, role: null, name: p.name, rules: [], actor: -1, ref: null }));
  return byTextOrder([...actors, ...places]);
}

/** Which tokens start inside a mention (those cannot start a new one). */
function coveredTokens(doc: Doc, mentions: readonly Work[]): boolean[] {
  const covered = new Array<boolean>(doc.layers.tokens.length).fill(false);
  for (const m of mentions) {
    const r = tokenRangeOf(doc, m.start, m.end);
    for (let k = r.start; k < r.end; k++) if (doc.layers.tokens[k]!.start >= m.start) covered[k] = true;
  }
  return covered;
}

/** same-name: a later mention of a full person's name; returns surnames of full names. */
function sameName(mentions: readonly Work[]): Map<string, Work> {
  const firstByName = new Map<string, Work>();
  const surname = new Map<string, Work>();
  for (const e of [...mentions].sort((a, b) => a.start - b.start)) {
    if (e.type !== 'person' || e.name === null) continue;
    const key = e.name.toLowerCase();
    const first = firstByName.get(key);
    if (first !== undefined && first !== e && first.start < e.start) {
      adopt(e, first);
      e.rules.push('same-name');
      continue;
    }
    if (first === undefined && isFullPerson(e)) {
      firstByName.set(key, e);
      const parts = e.name.split(/\s+/);
      if (parts.length > 1) surname.set(parts[parts.length - 1]!.toLowerCase(), e);
    }
  }
  return surname;
}

function tokenMention(tok: Token, referent: Work, rule: ActorRuleId): Work {
  const e: Work = { start: tok.start, end: tok.end, sentence: tok.sentence, type: 'person', code: null, country: null, role: null, name: null, rules: [rule], actor: -1, ref: null, token: tok };
  adopt(e, referent);
  return e;
}

/** surname: "Aliyev said" after "President Ilham Aliyev". */
function surnames(doc: Doc, surname: Map<string, Work>, covered: boolean[]): Work[] {
  const out: Work[] = [];
  doc.layers.tokens.forEach((tok, t) => {
    if (tok.pos !== 'PROPN') return;
    const ref = surname.get(tok.norm);
    if (ref === undefined || ref.end > tok.start || covered[t]) return;
    out.push(tokenMention(tok, ref, 'surname'));
  });
  return out;
}

/** The last person (text order) starting before `pos`, scanning back no further than `minSentence`. */
function lastPersonBefore(sorted: readonly Work[], pos: number, minSentence: number, accept: (p: Work) => boolean): Work | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const p = sorted[k]!;
    if (p.sentence < minSentence) return null;
    if (p.end <= pos && isPerson(p) && accept(p)) return p;
  }
  return null;
}

/** pronoun: "He added…" → the most recent person within LOOKBACK_SENTENCES. */
function pronouns(doc: Doc, sorted: readonly Work[], covered: boolean[]): Work[] {
  const pronounWords = wordList('subject-pronouns');
  const out: Work[] = [];
  doc.layers.tokens.forEach((tok, t) => {
    if (!pronounWords.has(tok.norm) || tok.pos !== 'PRON' || covered[t]) return;
    const minSentence = tok.sentence - LOOKBACK_SENTENCES;
    const fromMentions = lastPersonBefore(sorted, tok.start, minSentence, () => true);
    const previous = out[out.length - 1];
    const fromPronoun = previous && previous.sentence >= minSentence ? previous : null;
    const last = fromPronoun && (!fromMentions || fromPronoun.start > fromMentions.start) ? fromPronoun : fromMentions;
    // Only the most recent person counts: an older one is no candidate.
    if (!last || (fromMentions === null && fromPronoun === null)) return;
    out.push(tokenMention(tok, last, 'pronoun'));
  });
  return out;
}

/** A role-only person mention after "the"/"this"/"that" that no name rule made. */
function isDefiniteRole(doc: Doc, e: Work): boolean {
  if (e.ref || e.type !== 'person' || e.actor < 0) return false;
  if (e.rules.includes('title-name') || e.rules.includes('title-person')) return false;
  if (e.rules[0] === 'person' || e.rules[0] === 'person-alias') return false;
  const before = doc.layers.text.slice(Math.max(0, e.start - 4), e.start).toLowerCase();
  return /\b(the|this|that)\s$/.test(before);
}

/** definite-role: "the minister" → the most recent person whose office has that word. */
function definiteRoles(doc: Doc, mentions: readonly Work[], sorted: readonly Work[]): void {
  for (const e of mentions) {
    if (!isDefiniteRole(doc, e)) continue;
    const title = (e.office?.title ?? e.name ?? '').toLowerCase();
    const word = title.split(/\s+/).pop() ?? '';
    const last = lastPersonBefore(
      sorted,
      e.start,
      e.sentence - LOOKBACK_SENTENCES - 2,
      (p) => p !== e && (e.country === null || p.country === e.country) && (word === '' || word === 'leader' || word === 'official' || (p.office?.title ?? '').toLowerCase().includes(word)),
    );
    if (!last) continue;
    adopt(e, last);
    e.rules.push('definite-role');
  }
}

/** Coreference over the actor mentions (with their context countries) and the published places. */
export function resolveCoreference(doc: Doc, context: readonly ContextCountry[]): Coreference {
  const mentions = workingMentions(doc, context);
  const covered = coveredTokens(doc, mentions);
  const found = surnames(doc, sameName(mentions), covered);
  const bySurname = [...mentions, ...found].sort((a, b) => a.start - b.start);
  const told = pronouns(doc, bySurname, covered);
  const all = [...mentions, ...found, ...told];
  definiteRoles(doc, mentions, all.sort((a, b) => a.start - b.start));
  const refs: Coreference['refs'] = doc.layers.actors.map(() => null);
  for (const w of mentions) {
    if (w.actor < 0 || !w.ref) continue;
    const rule = w.rules[w.rules.length - 1]!;
    refs[w.actor] = { ref: w.ref.actor, rule };
  }
  const added = [...found, ...told].map((w) => {
    const tok = w.token!;
    return { start: w.start, end: w.end, text: tok.text, sentence: w.sentence, range: tokenRangeOf(doc, w.start, w.end), ref: w.ref!.actor, rules: w.rules };
  });
  return { refs, added };
}
