import { wordList } from '../../../text/words.js';
import type { CueRule } from '../../types.js';
import { infinitiveGovernor } from './infinitive-governor.js';

export const intentGovernor: CueRule = {
  id: 'intent-governor',
  label: 'modality/intent',
  reason: 'An infinitive after a word of intention ("ready to send troops", "vowed to retaliate") is an announced intention.',
  apply(ctx, j) {
    const gov = infinitiveGovernor(ctx, j)?.gov;
    return gov && wordList('intent-governors').has(gov.lemma) ? { modality: 'future', rule: 'intent-governor', cue: gov.lemma } : null;
  },
};
