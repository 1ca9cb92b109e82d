import { wordList } from '../../../text/words.js';
import type { CueRule } from '../../types.js';
import { infinitiveGovernor } from './infinitive-governor.js';

export const negatingVerb: CueRule = {
  id: 'negating-verb',
  label: 'modality/negating-verb',
  reason: 'The infinitive of a verb of refusal or failure ("refused to attack", "failed to agree") did not happen.',
  apply(ctx, j) {
    const gov = infinitiveGovernor(ctx, j)?.gov;
    return gov && wordList('negating-verbs').has(gov.lemma) ? { modality: 'negated', rule: 'negating-verb', cue: gov.lemma } : null;
  },
};
