/** The shape of a recognising rule and the lists it adds to. */
import type { Ctx, Match } from '../types.js';

/** Candidate mentions so far: gazetteer matches, and those of the pattern rules after them. */
export interface Found {
  raw: Match[];
  extra: Match[];
}

export interface RecogniseRule<Id extends string = string> {
  id: Id;
  reason: string;
  apply(ctx: Ctx, found: Found): void;
}

/** Does any match of `list` overlap tokens i..j-1? */
export const overlaps = (list: readonly Match[], i: number, j: number): boolean => list.some((m) => m.i < j && i < m.j);

/** Removes from `list` the matches that overlap tokens i..j-1 (and pass `also`). */
export function dropOverlapping(list: Match[], i: number, j: number, also: (m: Match) => boolean = () => true): void {
  for (let q = list.length - 1; q >= 0; q--) if (list[q].i < j && i < list[q].j && also(list[q])) list.splice(q, 1);
}
