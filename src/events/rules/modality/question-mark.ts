import type { ModalityRule } from '../../types.js';

export const questionMark: ModalityRule = {
  id: 'question-mark',
  label: 'modality/question-mark',
  reason: 'A question ("Did Iran attack the tanker?") asks whether an act happened; it does not report it.',
  apply: (ctx) => (/\?\s*["”’]?$/.test(ctx.v.sentence.text) ? { modality: 'questioned', rule: 'question-mark', cue: null } : null),
};
