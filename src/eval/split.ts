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

/**
 * The same sentence often sits in several suites under different ids (825 of the ConfliBERT event
 * class sentences are also in its roles suite, 258 of them in the PLOVER gold set). Splitting each
 * suite by its own ids would put a check-part sentence of one suite in the tuning part of another,
 * and its misses would be read there. So the ConfliBERT suites are split by sentence: a sentence of
 * the PLOVER gold set takes its part there (by PLOVER id, the check part if any of its records is
 * in it); any other sentence takes `evalPart('sentence:' + key)` of its text key.
 */
export function sentenceKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export class SentenceParts {
  private readonly known = new Map<string, EvalPart>();

  /** Records of an id-split suite (PLOVER) whose parts other suites' sentences must follow. */
  constructor(anchors: ReadonlyArray<{ id: string; text: string }> = []) {
    for (const a of anchors) {
      const key = sentenceKey(a.text);
      if (this.known.get(key) !== 'check') this.known.set(key, evalPart(a.id));
    }
  }

  partOf(text: string): EvalPart {
    const key = sentenceKey(text);
    return this.known.get(key) ?? evalPart('sentence:' + key);
  }
}
