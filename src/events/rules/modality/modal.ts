import { wordCue } from './word-cue.js';

export const modal = wordCue({
  id: 'modal',
  label: 'modality/modal',
  reason: 'A modal ("could strike", "should withdraw") makes the act possible or required, not done.',
  list: 'modals',
  form: 'norm',
  at: 'token',
  modality: 'hypothetical',
  cue: 'norm',
});
