import { AUXILIARY_CUES } from '../../rules.js';
import type { ModalityRule } from '../../types.js';
import { scanWindow } from './window.js';

const PASS = new Set(['AUX', 'ADV', 'PART']);

/** Auxiliaries, adverbs and particles before the trigger (up to five tokens, in its clause), nearest first. */
export const auxiliaryWindow: ModalityRule = {
  id: 'auxiliary-window',
  label: 'modality/auxiliary-window',
  reason: 'English marks negation, tense, mood and infinitives in the auxiliary chain right before the verb ("has not", "will", "could", "refused to").',
  apply: (ctx) => scanWindow(ctx, ctx.first, Math.max(ctx.cStart, ctx.first - 5), AUXILIARY_CUES, PASS),
};
