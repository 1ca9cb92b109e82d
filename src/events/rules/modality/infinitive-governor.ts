import type { Token } from '../../../model/document.js';
import type { ModalityCtx } from '../../types.js';

/**
 * When token j is the "to" of an infinitive right before a verbal trigger, the word that governs
 * the infinitive ("refused", "ready", "going"), skipping adverbs; otherwise null.
 */
export function infinitiveGovernor(ctx: ModalityCtx, j: number): { gov: Token | undefined } | null {
  const t = ctx.v.tokens[j]!;
  if (!(t.norm === 'to' && (t.pos === 'PART' || t.pos === 'ADP') && j === ctx.first - 1 && ctx.h.pos === 'VERB')) return null;
  let g = j - 1;
  while (g > ctx.cStart && ctx.v.tokens[g]!.pos === 'ADV') g--;
  return { gov: ctx.v.tokens[g] };
}
