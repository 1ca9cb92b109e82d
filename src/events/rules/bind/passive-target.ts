import { findSubject } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const passiveTarget: BindRule = {
  id: 'passive-target',
  reason: 'The subject of a passive is the one acted on ("Turkey has been accused").',
  apply(ctx, b) {
    if (!b.passive || b.target !== null) return null;
    const at = findSubject(ctx.v, ctx.c.m.start, ctx.head);
    return at === null ? null : { target: at };
  },
};
