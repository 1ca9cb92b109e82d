import type { ModalityRule } from '../../types.js';

export const asserted: ModalityRule = {
  id: 'asserted',
  label: 'modality/asserted',
  reason: 'A trigger that no rule above qualifies reports an act that happened.',
  apply: () => ({ modality: 'asserted', rule: 'asserted', cue: null }),
};
