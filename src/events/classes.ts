/**
 * CAMEO classes as codebook properties: what the coder's conventions ask of a code's root
 * ("is this act hostile enough to name its target in a complement?"), read through `lookupCode`
 * from data/cameo/codebook.json ("classProperties" describes each one).
 */
import { lookupCode, type CodebookEntry } from './codebook.js';

/** The root entry of a CAMEO code ("1823" → "18"). */
export function rootOf(code: string): CodebookEntry {
  return lookupCode(code.slice(0, 2));
}

/** The statement-of-intent code of an announced act of this class ("X will send aid": 033), if any. */
export function intentCode(code: string): string | null {
  return rootOf(code).intentCode ?? null;
}

export type ClassProperty = 'complementTarget' | 'locusTarget' | 'possibleThreat' | 'contentBearing' | 'violent' | 'reciprocal' | 'protest';

export function hasClass(code: string, property: ClassProperty): boolean {
  return rootOf(code)[property] === true;
}

/** A measure a government takes on its own country (curfew, martial law…). */
export function isDomestic(code: CodebookEntry): boolean {
  return code.domestic === true;
}
