import { hasClass } from '../../classes.js';
import { findObject } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const complementObject: BindRule = {
  id: 'complement-object',
  reason: 'The target is the first actor after the trigger in its clause, through infinitive complements; threats, force postures and material conflict name it there even when the pattern has no object ("threatened to break relations with Russia").',
  apply(ctx, b) {
    const { v, c, head } = ctx;
    if (b.passive || b.target !== null || (c.entry.target === 'none' && !hasClass(c.entry.code, 'complementTarget'))) return null;
    const source = b.source === null ? null : v.actorAt[b.source - v.t0] ?? null;
    const at = findObject(v, head + 1, head, false, source);
    return at === null ? null : { target: at };
  },
};
