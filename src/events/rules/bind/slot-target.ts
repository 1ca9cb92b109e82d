import { actorNear } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const slotTarget: BindRule = {
  id: 'slot-target',
  reason: 'A pattern that places its target ("attack on $T") names it: the actor of the noun phrase in the slot.',
  apply(ctx) {
    const T = ctx.c.m.slots.T;
    const at = T === undefined ? null : actorNear(ctx.v, T);
    return at === null ? null : { target: at };
  },
};
