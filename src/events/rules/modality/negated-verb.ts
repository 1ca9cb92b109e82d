import { wordList } from '../../../text/words.js';
import type { CueRule } from '../../types.js';

export const negatedVerb: CueRule = {
  id: 'negated-verb',
  label: 'modality/negated-verb',
  reason: 'A negated verb negates the nominal act it carries ("did not launch an offensive").',
  apply(ctx, k) {
    const t = ctx.v.tokens[k]!;
    return wordList('negators').has(t.norm) ? { modality: 'negated', rule: 'negated-verb', cue: t.norm } : null;
  },
};
