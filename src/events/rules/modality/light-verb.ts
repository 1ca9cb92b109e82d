import { wordList } from '../../../text/words.js';
import { joinedBefore } from '../../view.js';
import type { ModalityRule } from '../../types.js';
import { nominalHead } from './nominal-head.js';

const THROUGH = new Set(['DET', 'ADJ', 'PRON', 'NUM', 'ADV', 'PART']);

/**
 * "completed their withdrawal", "mounted an invasion", "staged a protest": a light verb asserts
 * the nominal act (its own tense and negation were checked by nominal-tense).
 */
export const lightVerb: ModalityRule = {
  id: 'light-verb',
  label: 'modality/light-verb',
  reason: 'A light verb (launch, stage, carry out) carries a nominal act and asserts it.',
  apply(ctx) {
    const { v, first, cStart } = ctx;
    if (!nominalHead(ctx)) return null;
    for (let k = first - 1; k >= Math.max(cStart, first - 6); k--) {
      const t = v.tokens[k]!;
      const attributive = t.pos === 'VERB' && k > 0 && joinedBefore(v, k);
      if (t.pos === 'VERB' && !attributive) {
        return wordList('light-verbs').has(t.lemma) ? { modality: 'asserted', rule: 'light-verb', cue: t.lemma } : null;
      }
      if (!attributive && !THROUGH.has(t.pos) && !joinedBefore(v, k + 1) && !wordList('verb-particles').has(t.norm)) return null;
    }
    return null;
  },
};
