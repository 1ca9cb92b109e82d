import { wordList } from '../../../text/words.js';
import type { CueRule } from '../../types.js';
import { infinitiveGovernor } from './infinitive-governor.js';

export const aspectual: CueRule = {
  id: 'aspectual',
  label: 'modality/aspectual',
  reason: 'The infinitive of an aspectual verb happens ("continued to send arms", "began to withdraw").',
  apply(ctx, j) {
    const gov = infinitiveGovernor(ctx, j)?.gov;
    return gov && wordList('aspectual-verbs').has(gov.lemma) ? 'stop' : null;
  },
};
