import { wordList } from '../../../text/words.js';
import { hasClass } from '../../classes.js';
import { findObject } from '../../syntax.js';
import { sameClause } from '../../view.js';
import type { BindRule } from '../../types.js';

export const protestObject: BindRule = {
  id: 'protest-object',
  tag: '+protest-object',
  reason: 'A protest names what it is against ("to protest against Sweden\'s decision", "a rally at the embassy"): that is its target.',
  apply(ctx, b) {
    const { v, c, head } = ctx;
    if (b.passive || b.target !== null || c.entry.target !== 'none' || !hasClass(c.entry.code, 'protest')) return null;
    const preps = wordList('protest-prepositions');
    for (let k = head + 1; k < v.t1 && sameClause(v, k, head); k++) {
      if (!preps.has(v.tokens[k]!.norm)) continue;
      const at = findObject(v, k + 1, head, false);
      if (at !== null) return { target: at };
    }
    return null;
  },
};
