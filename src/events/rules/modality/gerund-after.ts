import { wordList } from '../../../text/words.js';
import { isParticiple } from '../../view.js';
import type { ModalityRule } from '../../types.js';

export const gerundAfter: ModalityRule = {
  id: 'gerund-after',
  label: 'modality/gerund-after',
  reason: 'A gerund after a preposition ("accused Turkey of deploying fighters") is the content of another act, not an asserted one.',
  apply(ctx) {
    const prev = ctx.v.tokens[ctx.first - 1];
    if (!isParticiple(ctx.h) || !prev || !wordList('gerund-prepositions').has(prev.norm) || ctx.head !== ctx.first) return null;
    return { modality: 'alleged', rule: 'gerund-after', cue: prev.norm };
  },
};
