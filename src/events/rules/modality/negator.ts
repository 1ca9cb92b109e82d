import { wordList } from '../../../text/words.js';
import type { CueRule } from '../../types.js';

export const negator: CueRule = {
  id: 'negator',
  label: 'modality/negator',
  reason: 'A negator in the auxiliary chain ("has not condemned", "never attacked") says the act did not happen.',
  apply(ctx, j) {
    const t = ctx.v.tokens[j]!;
    const neg = wordList('negators');
    return neg.has(t.norm) || neg.has(t.lemma) ? { modality: 'negated', rule: 'negator', cue: t.norm } : null;
  },
};
