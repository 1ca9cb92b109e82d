import { mainSubject as findMainSubject } from '../../syntax.js';
import { clauseStart } from '../../view.js';
import type { BindRule } from '../../types.js';

export const mainSubject: BindRule = {
  id: 'main-subject',
  tag: '+main-subject',
  reason: 'A participial clause after a comma ("…, accusing Turkey of…") has the subject of the main clause.',
  apply(ctx, b) {
    const { v, head } = ctx;
    if (b.passive || b.source !== null || b.coordinatedVerb !== null || !v.participial.has(v.clause[head - v.t0]!)) return null;
    const at = findMainSubject(v, clauseStart(v, head));
    return at === null ? null : { source: at };
  },
};
