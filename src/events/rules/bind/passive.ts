import { isPassive } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const passive: BindRule = {
  id: 'passive',
  tag: '+passive',
  reason: 'A passive verb ("was attacked", "has been accused") turns the roles round: the subject is the target, the by-agent the source.',
  apply: (ctx) => (ctx.c.entry.passive !== false && isPassive(ctx.v, ctx.head) ? { passive: true } : null),
};
