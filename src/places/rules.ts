/**
 * The places rules, by phase, in the order they run: recognise (spans that may be places), filter
 * (spans that are not places after all), resolve (hints, then the context rules that score each
 * candidate, then the rule that names the decision). Each rule is `{ id, reason, apply | gain }` in
 * its own module; a mention records `rules: PlaceRuleId[]` (the recognising rule first, then the
 * resolving one). No code reads a rule back from a display string. Every id here has a test that
 * names it and fails when the rule is switched off (`findPlaces(text, { without: [id] })`).
 */
import { abbreviationAfterComma, freeAbbreviation, partyStateTag, postalCode } from './recognise/abbreviations.js';
import { countyList, countyName } from './recognise/counties.js';
import { demonym } from './recognise/demonym.js';
import { gazetteerName } from './recognise/gazetteer-name.js';
import { beforeCounty, locativeCue } from './filter/cues.js';
import { givenNameAlone, givenNameBefore, speechVerbPerson, titleBefore } from './filter/person.js';
import { demonymBeforeTown, personNameRun, streetOrBuilding, surnameAfterName } from './filter/run.js';
import { rememberedSurname } from './filter/surname.js';
import { acronym, commonWord, notAPlace, sentenceInitialWord, shortWord } from './filter/words.js';
import { adminAfterComma, adminHint, countySuffix } from './resolve/hints.js';
import { nearby, outletCountry, sameCountry, sameState } from './resolve/score.js';
import { unsupportedVillage } from './check/village.js';

/** Phase 1: gazetteer names first; the pattern rules after them may replace what they overlap. */
export const RECOGNISE = [gazetteerName, abbreviationAfterComma, freeAbbreviation, partyStateTag, postalCode, countyName, countyList, demonym] as const;

/**
 * Phase 2, per match, in order: the first rule to say 'drop' or 'keep' decides. Matches of the pattern
 * rules (abbreviations, counties, demonyms) are kept after `excluded-span` and `locative-cue`.
 */
export const FILTER = [
  locativeCue,
  beforeCounty,
  speechVerbPerson,
  givenNameBefore,
  givenNameAlone,
  shortWord,
  notAPlace,
  sentenceInitialWord,
  commonWord,
  acronym,
  titleBefore,
  streetOrBuilding,
  personNameRun,
  surnameAfterName,
  demonymBeforeTown,
] as const;

/** Phase 2, over the article: runs after every per-match filter. */
export const FILTER_ARTICLE = [rememberedSurname] as const;

/** Phase 3a: hints; for each match, the first that applies settles it. */
export const HINTS = [countySuffix, adminAfterComma, adminHint] as const;

/** Phase 3b: the context rules that add to a candidate's prior. */
export const SCORE = [sameCountry, sameState, nearby, outletCountry] as const;

/** Phase 3c: the rules that name a decision without scoring (see resolve/passes.ts `ruleOf`, resolve/county.ts). */
export const DECIDE = [
  { id: 'country-name', reason: 'A country\'s name (the type prior of countries).' },
  { id: 'unique-name', reason: 'The only place of that name.' },
  { id: 'region-name', reason: 'A region, state, sea or other area of that name (type prior).' },
  { id: 'alias', reason: 'An exonym or old name ("Kiev", "Bombay") stands for the place it names.' },
  { id: 'largest-population', reason: 'Of several towns, the one with the best prior: population, capital or seat.' },
  { id: 'county-in-state', reason: 'A county resolves inside the US state the article is about.' },
] as const;

/** Phase 4: checks of a resolved mention; a mention any of them refuses is not returned. */
export const CHECK = [unsupportedVillage] as const;

export type RecogniseRuleId = (typeof RECOGNISE)[number]['id'];
export type FilterRuleId = (typeof FILTER)[number]['id'] | (typeof FILTER_ARTICLE)[number]['id'] | (typeof CHECK)[number]['id'] | 'excluded-span';
export type ResolveRuleId = (typeof HINTS)[number]['id'] | (typeof SCORE)[number]['id'] | (typeof DECIDE)[number]['id'];
export type PlaceRuleId = RecogniseRuleId | FilterRuleId | ResolveRuleId;

/** Every places rule id with its reason, in phase order. */
export const PLACE_RULES: ReadonlyArray<{ id: PlaceRuleId; reason: string }> = [
  ...RECOGNISE,
  { id: 'excluded-span', reason: 'The caller (the actor stage) knows the span is a person or an organisation.' },
  ...FILTER,
  ...FILTER_ARTICLE,
  ...HINTS,
  ...SCORE,
  ...DECIDE,
  ...CHECK,
];

/** The display label of a resolving rule (a mention's `rule` string, kept for display only). */
export const RESOLVE_LABEL: Record<ResolveRuleId, string> = {
  'county-suffix': 'gazetteer/county',
  'admin-hint': 'context/admin-hint',
  'admin-after-comma': 'gazetteer/admin-after-comma',
  'country-name': 'gazetteer/country',
  'unique-name': 'gazetteer/unique',
  'region-name': 'gazetteer/region',
  alias: 'gazetteer/alias',
  'largest-population': 'population/largest',
  'same-country': 'context/same-country',
  'same-state': 'context/same-state',
  nearby: 'context/nearby',
  'outlet-country': 'context/outlet-country',
  'county-in-state': 'context/county-in-state',
};
