import { wordCue } from './word-cue.js';

export const negatedVerb = wordCue({
  id: 'negated-verb',
  label: 'modality/negated-verb',
  reason: 'A negated verb negates the nominal act it carries ("did not launch an offensive").',
  list: 'negators',
  form: 'norm',
  at: 'token',
  modality: 'negated',
  cue: 'norm',
});
