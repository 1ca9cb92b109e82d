import { wordList } from '../../../text/words.js';
import { hopeBefore } from '../../syntax.js';
import type { CueRule } from '../../types.js';

export const future: CueRule = {
  id: 'future',
  label: 'modality/future',
  reason: 'A future auxiliary ("will send") announces an act; after a verb of hoping ("hoping Russia will step in") the act is only hoped for.',
  apply(ctx, j) {
    const t = ctx.v.tokens[j]!;
    if (!wordList('future-auxiliaries').has(t.norm)) return null;
    return { modality: hopeBefore(ctx.v, ctx.cStart) ? 'hoped' : 'future', rule: 'future', cue: t.norm };
  },
};
