import type { ModalityCtx } from '../../types.js';

/** The trigger is a noun of an act that opens the match ("an offensive", "the withdrawal"). */
export function nominalHead(ctx: ModalityCtx): boolean {
  return (ctx.h.pos === 'NOUN' || ctx.h.pos === 'PROPN') && ctx.head === ctx.first;
}
