import { findSubject } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const clauseSubject: BindRule = {
  id: 'clause-subject',
  reason: 'The source of an active verb is its subject: the nearest actor before it in its clause that is not a prepositional object or a possessor.',
  apply(ctx, b) {
    if (b.passive || b.source !== null || b.coordinatedVerb !== null) return null;
    const at = findSubject(ctx.v, ctx.c.m.start, ctx.head);
    return at === null ? null : { source: at };
  },
};
