import { wordList } from '../../../text/words.js';
import type { ModalityRule } from '../../types.js';

export const definiteNominal: ModalityRule = {
  id: 'definite-nominal',
  label: 'modality/definite-nominal',
  reason: 'A definite nominal mention ("the accusations", "these attacks") refers back to a known event; it is not a new one.',
  apply(ctx) {
    const { v, h, first, c } = ctx;
    const prev = v.tokens[first - 1];
    if ((h.pos !== 'NOUN' && h.pos !== 'PROPN') || !prev || !wordList('definite-determiners').has(prev.norm)) return null;
    return c.m.slots.T === undefined && c.m.end - c.m.start === 1 ? { modality: 'descriptive', rule: 'definite-nominal', cue: null } : null;
  },
};
