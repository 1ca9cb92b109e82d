import { VERB_CUES } from '../../rules.js';
import type { ModalityRule } from '../../types.js';
import { nominalHead } from './nominal-head.js';
import { scanWindow } from './window.js';

const PASS = new Set(['AUX', 'ADV']);

/** A nominal act takes the tense and polarity of its verb: "will provide food aid" announces the aid. */
export const nominalTense: ModalityRule = {
  id: 'nominal-tense',
  label: 'modality/nominal-tense',
  reason: 'A noun of an act has no tense of its own; the auxiliaries of the verb that carries it decide ("did not launch an offensive", "will provide aid").',
  apply(ctx) {
    const { v, first, cStart } = ctx;
    if (!nominalHead(ctx)) return null;
    let j = first - 1;
    while (j >= cStart && v.tokens[j]!.pos !== 'VERB') j--;
    return scanWindow(ctx, j, Math.max(cStart, j - 3), VERB_CUES, PASS);
  },
};
