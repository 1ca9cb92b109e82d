import { actorNear } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const slotSource: BindRule = {
  id: 'slot-source',
  reason: 'A pattern that places its source ("$S forces attacked") names it: the actor of the noun phrase in the slot.',
  apply(ctx) {
    const S = ctx.c.m.slots.S;
    const at = S === undefined ? null : actorNear(ctx.v, S);
    return at === null ? null : { source: at };
  },
};
