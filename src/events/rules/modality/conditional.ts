import { wordList } from '../../../text/words.js';
import type { ModalityRule } from '../../types.js';

export const conditional: ModalityRule = {
  id: 'conditional',
  label: 'modality/conditional',
  reason: 'An act in the clause of a condition ("if Moscow intervenes", "unless talks resume") is hypothetical.',
  apply(ctx) {
    const conditionals = wordList('conditionals');
    for (let j = ctx.cStart; j < ctx.first; j++) {
      const t = ctx.v.tokens[j]!;
      if (conditionals.has(t.norm)) return { modality: 'hypothetical', rule: 'conditional', cue: t.norm };
    }
    return null;
  },
};
