import { wordList } from '../../../text/words.js';
import type { ModalityRule } from '../../types.js';

export const bareNominal: ModalityRule = {
  id: 'bare-nominal',
  label: 'modality/bare-nominal',
  reason: 'A one-word noun of an act with no participant phrase after it ("amid protests") mentions a kind of act, not an event.',
  apply(ctx) {
    const { v, h, c } = ctx;
    if (h.pos !== 'NOUN' || c.m.end - c.m.start !== 1 || c.m.slots.T !== undefined) return null;
    const next = v.tokens[c.m.end];
    return !next || !wordList('nominal-complement-prepositions').has(next.norm) ? { modality: 'descriptive', rule: 'bare-nominal', cue: null } : null;
  },
};
