import type { CueRule } from '../../types.js';
import { infinitiveGovernor } from './infinitive-governor.js';

export const goingTo: CueRule = {
  id: 'going-to',
  label: 'modality/going-to',
  reason: '"Going to" + infinitive is the English future ("is going to attack").',
  apply(ctx, j) {
    const gov = infinitiveGovernor(ctx, j)?.gov;
    return gov && gov.norm === 'going' ? { modality: 'future', rule: 'going-to', cue: null } : null;
  },
};
