import { firstToken } from '../../view.js';
import type { BindRule } from '../../types.js';

export const nominalAgent: BindRule = {
  id: 'nominal-agent',
  tag: '+nominal-agent',
  reason: 'A nominal act names its agent right before it ("Ukrainian drone raids", "Israeli air strikes").',
  apply(ctx, b) {
    const { v, c, head } = ctx;
    const hPos = v.tokens[head]!.pos;
    if (b.passive || b.source !== null || (hPos !== 'NOUN' && hPos !== 'PROPN')) return null;
    for (let k = c.m.start - 1; k >= Math.max(v.t0, c.m.start - 2); k--) {
      const e = v.actorAt[k - v.t0];
      if (e && e.type !== 'place') return { source: firstToken(v, e, k) };
      if (v.tokens[k]!.pos !== 'NOUN' && v.tokens[k]!.pos !== 'ADJ') return null;
    }
    return null;
  },
};
