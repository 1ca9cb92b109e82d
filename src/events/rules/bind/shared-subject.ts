import { findSubject } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const sharedSubject: BindRule = {
  id: 'shared-subject',
  tag: '+shared-subject',
  reason: 'The second of two coordinated verbs takes the subject of the first ("Russian forces shelled Kharkiv and attacked…").',
  apply(ctx, b) {
    if (b.passive || b.source !== null || b.coordinatedVerb === null) return null;
    const at = findSubject(ctx.v, b.coordinatedVerb, b.coordinatedVerb);
    return at === null ? null : { source: at };
  },
};
