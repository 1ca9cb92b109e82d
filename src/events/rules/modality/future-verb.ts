import { wordList } from '../../../text/words.js';
import type { CueRule } from '../../types.js';

export const futureVerb: CueRule = {
  id: 'future-verb',
  label: 'modality/future-verb',
  reason: 'A verb in the future announces the nominal act it carries ("will provide food aid").',
  apply(ctx, k) {
    const t = ctx.v.tokens[k]!;
    return wordList('future-auxiliaries').has(t.norm) ? { modality: 'future', rule: 'future-verb', cue: t.norm } : null;
  },
};
