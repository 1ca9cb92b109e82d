/**
 * A set of strings as an open-addressing hash table in typed arrays, built once at build time and
 * probed in place at run time: no parse, no Map of tens of thousands of keys at start-up. A
 * string's id is its index in the list it was built from.
 */

/** FNV-1a over UTF-16 code units (the same at build and run time). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface HashedStrings {
  /** Code units of every string, one after the other. */
  units: Uint16Array;
  /** String k is units[starts[k] .. starts[k+1]). */
  starts: Int32Array;
  /** Power-of-two table of ids + 1 (0: empty). */
  slots: Int32Array;
}

export function hashStrings(list: string[]): HashedStrings {
  let total = 0;
  for (const s of list) total += s.length;
  const units = new Uint16Array(total);
  const starts = new Int32Array(list.length + 1);
  let at = 0;
  list.forEach((s, k) => {
    starts[k] = at;
    for (let i = 0; i < s.length; i++) units[at++] = s.charCodeAt(i);
  });
  starts[list.length] = at;
  let size = 16;
  while (size < list.length * 2) size *= 2;
  const slots = new Int32Array(size);
  list.forEach((s, k) => {
    let i = fnv1a(s) & (size - 1);
    while (slots[i] !== 0) i = (i + 1) & (size - 1);
    slots[i] = k + 1;
  });
  return { units, starts, slots };
}

function equals(h: HashedStrings, k: number, s: string): boolean {
  const a = h.starts[k]!;
  if (h.starts[k + 1]! - a !== s.length) return false;
  for (let i = 0; i < s.length; i++) if (h.units[a + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The id of a string, or -1. */
export function findString(h: HashedStrings, s: string): number {
  const mask = h.slots.length - 1;
  let i = fnv1a(s) & mask;
  for (;;) {
    const k = h.slots[i]!;
    if (k === 0) return -1;
    if (equals(h, k - 1, s)) return k - 1;
    i = (i + 1) & mask;
  }
}

/** String k back (for tests and tools). */
export function stringAt(h: HashedStrings, k: number): string {
  return String.fromCharCode(...h.units.subarray(h.starts[k]!, h.starts[k + 1]!));
}
