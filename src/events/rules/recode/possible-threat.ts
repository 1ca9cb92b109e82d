import { wordList } from '../../../text/words.js';
import { hasClass, intentCode } from '../../classes.js';
import type { RecodeRule } from '../../types.js';

export const possibleThreat: RecodeRule = {
  id: 'possible-threat',
  tag: 'threat',
  reason: 'A possible hostile act announced by its author ("The EC may halt mediation", "Iran could strike") is a threat (CAMEO 13).',
  apply(ctx, s) {
    const { verdict } = s;
    if (verdict.modality !== 'hypothetical' || verdict.rule !== 'modal' || verdict.cue === null || !wordList('possibility-modals').has(verdict.cue)) return null;
    if (!hasClass(s.code.code, 'possibleThreat')) return null;
    const threat = ctx.codebook.get(intentCode(s.code.code) ?? '130');
    return threat ? { code: threat, verdict: { ...verdict, modality: 'asserted' } } : null;
  },
};
