import type { CueRule } from '../../types.js';
import { infinitiveGovernor } from './infinitive-governor.js';

export const infinitive: CueRule = {
  id: 'infinitive',
  label: 'modality/infinitive',
  reason: 'Any other infinitive ("urged Armenia to stop fighting") names a wanted or possible act, not a done one.',
  apply: (ctx, j) => (infinitiveGovernor(ctx, j) ? { modality: 'hypothetical', rule: 'infinitive', cue: null } : null),
};
