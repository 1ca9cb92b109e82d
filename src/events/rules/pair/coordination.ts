import { coordination as coordinated } from '../../syntax.js';
import type { PairListRule } from '../../types.js';

export const coordination: PairListRule = {
  id: 'coordination',
  reason: 'Coordinated actors ("Russia, France and the United States urged Armenia and Azerbaijan") each take part: one event per pair.',
  apply(ctx, _p, b) {
    const sources = b.source === null ? [null] : coordinated(ctx.v, b.source);
    const targets = b.target === null ? [null] : coordinated(ctx.v, b.target);
    return sources.length > 1 || targets.length > 1 ? { sources, targets } : null;
  },
};
