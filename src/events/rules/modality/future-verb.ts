import { wordCue } from './word-cue.js';

export const futureVerb = wordCue({
  id: 'future-verb',
  label: 'modality/future-verb',
  reason: 'A verb in the future announces the nominal act it carries ("will provide food aid").',
  list: 'future-auxiliaries',
  form: 'norm',
  at: 'token',
  modality: 'future',
  cue: 'norm',
});
