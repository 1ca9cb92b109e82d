import type { Token } from '../../../model/document.js';
import { entriesFor, matchAt } from '../../lexicon.js';
import type { Candidate, SelectRule } from '../../types.js';

/** Every lexicon pattern that matches at a token of the sentence (indexed by trigger lemma). */
export const lexiconTrigger: SelectRule = {
  id: 'lexicon-trigger',
  reason: 'An event is announced by a trigger word of the CAMEO lexicon (data/lexicon); punctuation and determiners never start one.',
  apply(v, _found, lex) {
    const out: Candidate[] = [];
    for (let i = v.t0; i < v.t1; i++) {
      const tok = v.tokens[i]!;
      if (tok.pos === 'PUNCT' || tok.pos === 'DET') continue;
      for (const entry of entriesFor(lex, tok)) {
        const m = matchAt(entry, v.tokens as Token[], i, v.t1);
        if (m) out.push({ entry, m, code: null, rules: ['lexicon-trigger'] });
      }
    }
    return out;
  },
};
