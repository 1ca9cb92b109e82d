import { actorNear } from '../../syntax.js';
import type { Candidate, SelectRule } from '../../types.js';

/**
 * Non-overlapping matches, longest first, then by position. A target slot that no actor fills
 * ("attack on Thursday") does not count towards a match's length.
 */
export const longestMatch: SelectRule = {
  id: 'longest-match',
  reason: 'The longest pattern that matches is the most specific reading of the words (CAMEO dictionaries prefer the longer phrase).',
  apply(v, found) {
    const len = (f: Candidate) => {
      const T = f.m.slots.T;
      if (T !== undefined && actorNear(v, T) === null) return f.m.end - f.m.start - 1;
      return f.m.end - f.m.start;
    };
    const sorted = [...found].sort((a, b) => len(b) - len(a) || a.m.start - b.m.start);
    const taken: Candidate[] = [];
    for (const f of sorted) {
      if (taken.some((t) => t.m.start < f.m.end && f.m.start < t.m.end)) continue;
      taken.push(f);
    }
    return taken.sort((a, b) => a.m.start - b.m.start).map((f) => ({ ...f, rules: [...f.rules, 'longest-match'] }));
  },
};
