import { statesYear } from '../../view.js';
import type { ModalityRule } from '../../types.js';

export const historical: ModalityRule = {
  id: 'historical',
  label: 'modality/historical',
  reason: 'An act dated to a year well before publication ("a war in the 1990s") is background, not news of the article\'s date.',
  apply(ctx) {
    const { v, pubYear, cStart, c } = ctx;
    if (pubYear === null) return null;
    for (const d of ctx.dates) {
      if (d.year === null || d.year >= pubYear - 1 || !statesYear(d)) continue;
      const at = v.sentence.start + d.start;
      if (at >= v.tokens[cStart]!.start && at <= v.tokens[Math.min(v.t1 - 1, c.m.end + 12)]!.end) return { modality: 'historical', rule: 'historical', cue: d.text };
    }
    return null;
  },
};
