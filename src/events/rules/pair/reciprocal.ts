import { hasClass } from '../../classes.js';
import type { Mention } from '../../view.js';
import type { PairListRule } from '../../types.js';

export const reciprocal: PairListRule = {
  id: 'reciprocal',
  reason: 'CAMEO codes a joint act of cooperation or fighting between coordinated actors with no one else named both ways ("Armenia and Azerbaijan agreed / clashed").',
  apply(ctx, p) {
    const { c } = ctx;
    const t = p.targets[0];
    if (p.sources.length < 2 || (t !== null && t !== undefined && t.type !== 'place')) return null;
    if (c.entry.target !== 'source-is-target' && !hasClass(c.code ?? c.entry.code, 'reciprocal')) return null;
    const pairs: Array<[Mention | null, Mention | null]> = [];
    for (const a of p.sources) for (const b of p.sources) if (a !== b) pairs.push([a, b]);
    return { pairs };
  },
};
