import type { ModalityRule } from '../../types.js';

export const relativeClause: ModalityRule = {
  id: 'relative-clause',
  label: 'modality/relative-clause',
  reason: 'A relative clause on a thing or place ("Macedonia, which is preparing an offensive") is background that describes, not the news reported.',
  apply: (ctx) => (ctx.v.relative[ctx.head - ctx.v.t0] ? { modality: 'descriptive', rule: 'relative-clause', cue: null } : null),
};
