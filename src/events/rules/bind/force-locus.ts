import { hasClass } from '../../classes.js';
import { findLocus } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const forceLocus: BindRule = {
  id: 'force-locus',
  tag: '+locus-target',
  reason: 'Force postures and material conflict with no one named are aimed at where they happen ("strengthened its forces in Lebanon").',
  apply(ctx, b) {
    if (b.passive || b.target !== null || !hasClass(ctx.c.entry.code, 'locusTarget')) return null;
    const at = findLocus(ctx.v, ctx.head + 1, ctx.head);
    return at === null ? null : { target: at };
  },
};
