/**
 * Name normalisation shared by the gazetteer index and the recogniser: both sides go through
 * `nameKey`, so "São Paulo", "Sao Paulo" and "sao-paulo" meet on the same key.
 */

const MARKS = /[\u0300-\u036f]/g;
const APOS = /['’‘ʼʻ`´ʹ.]/g;
const SPECIAL: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', ł: 'l', đ: 'd', ı: 'i', þ: 'th', œ: 'oe' };
const SEP = /[^a-z0-9]+/;

/** Fold a word: strip diacritics, lower-case, drop apostrophes and dots ("U.S." → "us"). */
export function foldWord(s: string): string {
  return s
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOS, '')
    .replace(/[ßøæłđıþœ]/g, (c) => SPECIAL[c] ?? c);
}

/** Key of a multi-word name: folded words joined by single spaces ("Nagorno-Karabakh" → "nagorno karabakh"). */
export function nameKey(s: string): string {
  return foldWord(s)
    .split(SEP)
    .filter((w) => w.length > 0)
    .join(' ');
}

/** Great-circle distance in kilometres. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}
