/**
 * Filters that read the capitalised run around a match. Inside a longer name ("Jamaica Cancer
 * Society", "University of Texas") the place is kept; a two-word run around a single place name is a
 * person ("Paris Hilton", "Michael Jordan", "Georgia Smith"); a name ending in a small town after an
 * unknown capitalised word is one too ("President Barack Obama"); "Washington Street" is a street.
 * Headline lines skip these filters.
 */
import { joinable } from '../tokens.js';
import type { Ctx, Match, Tok } from '../types.js';
import { buildingWords, commonWords, directionWords, givenNamePlaces, givenNames, organisationBridges, organisationWords, streetWords } from '../words.js';
import { single, smallTowns, somePlaceOver, type FilterRule } from './rule.js';

/** The capitalised words joined to the match on each side. */
interface Run {
  left: number;
  leftWord: Tok | null;
  right: number;
  rightWord: Tok | null;
}

const capOk = (t: Tok): boolean => t.cap && !t.allCaps && t.text.length > 1;
/** "Fargo-Moorhead": a place name after a hyphen (token `t` is after the hyphen, `name` the word that is a place). */
const hyphenPlace = (ctx: Ctx, t: Tok, name: Tok): boolean => /[-‐–]/.test(t.gap) && ctx.g.has(name.fold);

function leftRun(ctx: Ctx, m: Match): Pick<Run, 'left' | 'leftWord'> {
  const { toks, g } = ctx;
  let left = 0;
  let leftWord: Tok | null = null;
  for (let q = m.i - 1; q >= 0; q--) {
    const tp = toks[q];
    const initial = tp.text.length === 1 && tp.cap && /^\. $/.test(toks[q + 1].gap);
    // A middle initial ("John G. Roberts") belongs to the name.
    if (!joinable(toks[q + 1])) {
      if (initial) continue;
      break;
    }
    if (initial) continue;
    if (hyphenPlace(ctx, toks[q + 1], tp) && !givenNames().has(tp.fold) && !(q > 0 && joinable(tp) && toks[q - 1].cap && !tp.sentenceStart)) break;
    if (!capOk(tp)) {
      if (organisationBridges().has(tp.fold) && q > 0 && toks[q - 1].cap && joinable(tp)) {
        left += 2; // "Bank of England": an organisation around the place
        q--;
        leftWord = null;
        continue;
      }
      break;
    }
    // A sentence's first word ("Considering Tunisia's…") is not part of a name unless it is a name itself.
    if (tp.sentenceStart && !givenNames().has(tp.fold) && (commonWords().has(tp.fold) || ctx.lowerUsed.has(tp.fold) || !g.has(tp.fold))) break;
    if (directionWords().has(tp.fold) || tp.fold === 'the') continue;
    if (left === 0) leftWord = tp;
    left++;
  }
  return { left, leftWord };
}

function rightRun(ctx: Ctx, m: Match): Pick<Run, 'right' | 'rightWord'> {
  const { toks } = ctx;
  const first = toks[m.i];
  let right = 0;
  let rightWord: Tok | null = null;
  // "Mansfield's Pastor on Patrol": a possessive ends a well-known place's run.
  const start = toks[m.j - 1].poss && somePlaceOver(ctx, m, 50000) ? toks.length : m.j;
  const joinedBefore = m.i > 0 && joinable(first) && toks[m.i - 1].cap && !first.sentenceStart;
  for (let q = start; q < toks.length; q++) {
    const tq = toks[q];
    if (!joinable(tq) || (hyphenPlace(ctx, tq, tq) && !givenNames().has(m.key) && !joinedBefore)) break;
    if (!capOk(tq)) {
      if (organisationBridges().has(tq.fold) && q + 1 < toks.length && toks[q + 1].cap && joinable(toks[q + 1])) {
        right += 2;
        q++;
        continue;
      }
      break;
    }
    if (right === 0) rightWord = tq;
    right++;
  }
  return { right, rightWord };
}

const runs = new WeakMap<Match, Run>();
/** The run around m, computed once per match. */
function runOf(ctx: Ctx, m: Match): Run {
  let r = runs.get(m);
  if (!r) runs.set(m, (r = { ...leftRun(ctx, m), ...rightRun(ctx, m) }));
  return r;
}

const plainWord = (t: Tok): boolean => !organisationWords().has(t.fold) && !commonWords().has(t.fold) && !streetWords().has(t.fold);
const inRunFilters = (ctx: Ctx, m: Match): boolean => !ctx.toks[m.i].titleLine;

export const streetOrBuilding = {
  id: 'street-or-building',
  reason: 'A place name before "Street", "Road"… names a street; before "Hospital", "Stadium"… a building, unless the place is well known.',
  apply(ctx, m) {
    if (!inRunFilters(ctx, m)) return undefined;
    const { left, right, rightWord } = runOf(ctx, m);
    if (!rightWord || right !== 1 || !streetWords().has(rightWord.fold)) return undefined;
    const building = buildingWords().has(rightWord.fold) && left === 0 && somePlaceOver(ctx, m, 50000);
    return building ? undefined : 'drop';
  },
} as const satisfies FilterRule<'street-or-building'>;

export const personNameRun = {
  id: 'person-name-run',
  reason: 'A place name before one plain capitalised word ("Paris Hilton", "Jordan Peterson", "Wang Yi") is a person.',
  apply(ctx, m) {
    if (!inRunFilters(ctx, m)) return undefined;
    const { left, right, rightWord } = runOf(ctx, m);
    const first = ctx.toks[m.i];
    if (right !== 1 || left !== 0 || !rightWord || !plainWord(rightWord) || first.allCaps || !single(m)) return undefined;
    const major = somePlaceOver(ctx, m, 200000);
    // "Texas Rangers", "Seattle Seahawks": a plural after a well-known place is a team or a body.
    const plural = /[^su]s$/.test(rightWord.fold) && !givenNames().has(m.key);
    const personLike = !major || givenNames().has(m.key) || givenNamePlaces().has(m.key);
    if (!personLike || (major && plural)) return undefined;
    // "Jordan Peterson": the surname after a given name is remembered; "Wang Yi": a small town's name is the family name.
    if (givenNames().has(m.key)) ctx.personTokens.add(rightWord.fold);
    else if (smallTowns(ctx, m)) ctx.personTokens.add(m.key);
    return 'drop';
  },
} as const satisfies FilterRule<'person-name-run'>;

export const surnameAfterName = {
  id: 'surname-after-name',
  reason: 'A small town\'s name after a given name or an unknown capitalised word ("Barack Obama", "John Roberts") is a surname.',
  apply(ctx, m) {
    if (!inRunFilters(ctx, m)) return undefined;
    const { left, right, leftWord } = runOf(ctx, m);
    if (right !== 0 || !leftWord || !plainWord(leftWord) || ctx.g.demonyms.has(leftWord.fold) || ctx.toks[m.i].allCaps) return undefined;
    const small = smallTowns(ctx, m);
    const givenBefore = ctx.toks.slice(Math.max(0, m.i - 3), m.i).some((t) => t.cap && givenNames().has(t.fold));
    const unknown = small && !ctx.g.has(leftWord.fold) && /^\p{Lu}\p{Ll}{2,}$/u.test(leftWord.text);
    if (givenBefore || givenNames().has(leftWord.fold) || unknown) {
      ctx.personTokens.add(m.key);
      return 'drop';
    }
    // A well-known place after some other word ("Historic Dublin", "Air France") stays a place.
    return small || left > 1 ? 'drop' : undefined;
  },
} as const satisfies FilterRule<'surname-after-name'>;

export const demonymBeforeTown = {
  id: 'demonym-before-town',
  reason: 'A town\'s name after a demonym in one run ("French Lick", "Russian Mission") is another name.',
  apply(ctx, m) {
    if (!inRunFilters(ctx, m)) return undefined;
    const { left, right, leftWord } = runOf(ctx, m);
    const towns = m.cands.every((c) => ctx.g.place(c).kind === 'city');
    return right === 0 && left > 0 && leftWord && ctx.g.demonyms.has(leftWord.fold) && towns ? 'drop' : undefined;
  },
} as const satisfies FilterRule<'demonym-before-town'>;
