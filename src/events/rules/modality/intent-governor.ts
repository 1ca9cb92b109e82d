import { wordCue } from './word-cue.js';

export const intentGovernor = wordCue({
  id: 'intent-governor',
  label: 'modality/intent',
  reason: 'An infinitive after a word of intention ("ready to send troops", "vowed to retaliate") is an announced intention.',
  list: 'intent-governors',
  form: 'lemma',
  at: 'governor',
  modality: 'future',
  cue: 'lemma',
});
