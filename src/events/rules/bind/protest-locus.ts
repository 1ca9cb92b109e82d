import { hasClass } from '../../classes.js';
import { findLocus } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const protestLocus: BindRule = {
  id: 'protest-locus',
  tag: '+locus-target',
  reason: 'Protests, strikes and riots that name no target are coded against the country where they happen ("demonstrated in Serbia").',
  apply(ctx, b) {
    const { v, c, head } = ctx;
    if (b.passive || b.target !== null || c.entry.target !== 'none' || !hasClass(c.entry.code, 'protest')) return null;
    const at = findLocus(v, head + 1, head);
    return at === null ? null : { target: at };
  },
};
