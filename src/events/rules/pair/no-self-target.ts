import type { PairRule } from '../../types.js';

export const noSelfTarget: PairRule = {
  id: 'no-self-target',
  reason: 'An actor does not act on itself: a pair of one mention, or of two mentions of the same actor, is no event.',
  apply(_ctx, p) {
    const { source: a, target: b } = p;
    return a && b && (a === b || (a.code === b.code && a.name === b.name)) ? 'drop' : null;
  },
};
