import type { CueRule, ModalityCtx, Verdict } from '../../types.js';

/**
 * Scans back from `from - 1` to `stop` (inclusive): at each token the cue rules look in order;
 * the first verdict decides, 'stop' ends the scan; a token no cue takes ends it unless its
 * part of speech is one of `pass`.
 */
export function scanWindow(ctx: ModalityCtx, from: number, stop: number, cues: readonly CueRule[], pass: ReadonlySet<string>): Verdict | null {
  for (let j = from - 1; j >= stop; j--) {
    for (const cue of cues) {
      const r = cue.apply(ctx, j);
      if (r === 'stop') return null;
      if (r) return r;
    }
    if (!pass.has(ctx.v.tokens[j]!.pos)) break;
  }
  return null;
}
