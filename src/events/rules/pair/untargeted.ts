import { hasClass } from '../../classes.js';
import type { EventRuleId } from '../../rules.js';
import type { PairListRule } from '../../types.js';

/** Rules that find a target for a pattern the lexicon marks target-less. */
const TARGET_FINDERS: readonly EventRuleId[] = ['reported-obligation', 'protest-locus', 'force-locus', 'protest-object'];

export const untargeted: PairListRule = {
  id: 'untargeted',
  reason: 'A pattern the lexicon marks target-less ("held a news conference") codes no target, unless a CAMEO convention supplied one or its class names targets in complements.',
  apply(ctx, p) {
    const { c } = ctx;
    if (c.entry.target !== 'none' || ctx.rules.some((r) => TARGET_FINDERS.includes(r)) || hasClass(c.entry.code, 'complementTarget')) return null;
    return p.targets.length === 1 && p.targets[0] === null ? null : { targets: [null] };
  },
};
