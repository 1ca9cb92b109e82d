import { wordList } from '../../../text/words.js';
import { isPastParticiple } from '../../view.js';
import type { ModalityRule } from '../../types.js';

export const reducedRelative: ModalityRule = {
  id: 'reduced-relative',
  label: 'modality/reduced-relative',
  reason: 'A past participle after a noun and before "by" ("negotiations mediated by France") is a reduced relative that describes, not reports.',
  apply(ctx) {
    const { v, h, head, first } = ctx;
    const prev = v.tokens[first - 1];
    if (!isPastParticiple(h) || head !== first || !prev || prev.pos !== 'NOUN' || wordList('time-words').has(prev.norm)) return null;
    return v.tokens[ctx.c.m.end]?.norm === 'by' ? { modality: 'descriptive', rule: 'reduced-relative', cue: null } : null;
  },
};
