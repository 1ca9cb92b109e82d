import { wordList } from '../../../text/words.js';
import { clauseStart, sameClause } from '../../view.js';
import type { BindRule } from '../../types.js';

/** "X killed A and wounded B": finds the first verb, whose subject the second one shares. */
export const coordinatedVerb: BindRule = {
  id: 'coordinated-verb',
  reason: 'A verb joined to an earlier one by "and", "but" or "then" has no subject of its own: it shares the first verb\'s (and never takes the first verb\'s object).',
  apply(ctx, b) {
    const { v, c, head } = ctx;
    if (b.passive || b.source !== null) return null;
    let k = c.m.start - 1;
    while (k > v.t0 && (v.tokens[k]!.pos === 'ADV' || v.tokens[k]!.pos === 'AUX')) k--;
    if (!(k > v.t0 && wordList('verb-coordinators').has(v.tokens[k]!.norm))) return null;
    let vb = k - 1;
    while (vb >= v.t0 && !(v.tokens[vb]!.pos === 'VERB' && sameClause(v, vb, head))) vb--;
    return vb >= v.t0 && vb > clauseStart(v, head) - 1 ? { coordinatedVerb: vb } : null;
  },
};
