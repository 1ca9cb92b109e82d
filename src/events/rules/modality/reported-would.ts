import { wordList } from '../../../text/words.js';
import { speechVerbBefore } from '../../syntax.js';
import type { CueRule } from '../../types.js';

export const reportedWould: CueRule = {
  id: 'reported-would',
  label: 'modality/reported-would',
  reason: 'In reported speech "would" is the future of the past: "Iraq said it would release them" announces, it does not speculate.',
  apply(ctx, j) {
    const t = ctx.v.tokens[j]!;
    if (t.norm !== 'would' || !wordList('modals').has(t.norm)) return null;
    return speechVerbBefore(ctx.v, j) !== null ? { modality: 'future', rule: 'reported-would', cue: null } : null;
  },
};
