/**
 * The honest split of every gold suite: a fixed hash of each record's id puts two thirds of the
 * records in the tuning part and one third in the check part. Misses are read (and rules are
 * written) from the tuning part only; the check part is scored and printed, never listed.
 */
import { createHash } from 'node:crypto';

export type EvalPart = 'tuning' | 'check';

/** The part a record belongs to: sha1(id) read as a number, modulo 3; 2 is the check part. */
export function evalPart(id: string): EvalPart {
  const h = createHash('sha1').update(id).digest();
  return h.readUInt32BE(0) % 3 === 2 ? 'check' : 'tuning';
}

/** Splits records by their id into the two parts, keeping their order. */
export function splitByPart<T>(records: readonly T[], idOf: (r: T) => string): Record<EvalPart, T[]> {
  const out: Record<EvalPart, T[]> = { tuning: [], check: [] };
  for (const r of records) out[evalPart(idOf(r))].push(r);
  return out;
}
