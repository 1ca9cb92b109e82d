import { wordList } from '../../../text/words.js';
import type { CueRule } from '../../types.js';

export const modal: CueRule = {
  id: 'modal',
  label: 'modality/modal',
  reason: 'A modal ("could strike", "should withdraw") makes the act possible or required, not done.',
  apply(ctx, j) {
    const t = ctx.v.tokens[j]!;
    return wordList('modals').has(t.norm) ? { modality: 'hypothetical', rule: 'modal', cue: t.norm } : null;
  },
};
