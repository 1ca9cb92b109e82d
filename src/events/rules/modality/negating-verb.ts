import { wordCue } from './word-cue.js';

export const negatingVerb = wordCue({
  id: 'negating-verb',
  label: 'modality/negating-verb',
  reason: 'The infinitive of a verb of refusal or failure ("refused to attack", "failed to agree") did not happen.',
  list: 'negating-verbs',
  form: 'lemma',
  at: 'governor',
  modality: 'negated',
  cue: 'lemma',
});
