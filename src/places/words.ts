/**
 * The word lists the places rules use, each a versioned data file in data/words (read once, on first
 * use, by `wordList`). All entries are folded (lower-case, no diacritics). Speech verbs are the
 * shared list of the coder and quote attribution; the rest are the places' own concepts.
 */
import { wordList } from '../text/words.js';

const list = (id: string) => (): ReadonlySet<string> => wordList(id);

export const commonWords = list('place-common-words');
export const organisationWords = list('place-organisation-words');
export const streetWords = list('place-street-words');
export const buildingWords = list('place-building-words');
export const directionWords = list('place-direction-words');
export const personTitles = list('place-person-titles');
export const locativeCues = list('place-locative-cues');
export const nameConnectors = list('place-name-connectors');
export const sentenceAbbreviations = list('place-sentence-abbreviations');
export const givenNames = list('place-given-names');
export const givenNamePlaces = list('place-given-name-places');
export const organisationBridges = list('place-organisation-bridges');
export const notPlaces = list('place-not-places');
export const personFollowers = list('place-person-followers');
export const adminTails = list('place-admin-tails');
export const ambiguousAbbreviations = list('place-ambiguous-abbreviations');
export const wordlikeAbbreviations = list('place-wordlike-abbreviations');
export const countyWords = list('place-county-words');

/** Irregular past forms of the speech-verbs lemmas. */
const IRREGULAR: Record<string, string> = { said: 'say', told: 'tell', wrote: 'write', thought: 'think' };

/** Is this folded word a form of a speech verb ("said", "says", "told", "added", "warns")? */
export function isSpeechVerb(fold: string): boolean {
  const lemmas = wordList('speech-verbs');
  if (IRREGULAR[fold]) return true;
  if (lemmas.has(fold)) return true;
  if (fold.endsWith('s') && lemmas.has(fold.slice(0, -1))) return true;
  if (fold.endsWith('ed') && (lemmas.has(fold.slice(0, -2)) || lemmas.has(fold.slice(0, -1)))) return true;
  return false;
}
