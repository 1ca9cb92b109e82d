import { wordCue } from './word-cue.js';

export const negator = wordCue({
  id: 'negator',
  label: 'modality/negator',
  reason: 'A negator in the auxiliary chain ("has not condemned", "never attacked") says the act did not happen.',
  list: 'negators',
  form: 'either',
  at: 'token',
  modality: 'negated',
  cue: 'norm',
});
