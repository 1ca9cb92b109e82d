import { joinedBefore, sameClause } from '../../view.js';
import type { ContentRule } from '../../types.js';

/**
 * A nominal trigger after a verbal one in its clause is that act's content ("rejected calls for
 * aid", "condemned the attack on the camp"), not an act of its own.
 */
export const nominalComplement: ContentRule = {
  id: 'nominal-complement',
  label: 'modality/nominal-complement',
  reason: 'A noun of an act that is the object of another act\'s verb names what that act is about, not a second event.',
  apply(v, f, selected) {
    const head = f.m.head;
    const hTok = v.tokens[head]!;
    if (hTok.pos === 'VERB' || hTok.pos === 'AUX') return null;
    const governing = selected.find((g) => g !== f && g.m.head < head && v.tokens[g.m.head]!.pos === 'VERB' && !joinedBefore(v, g.m.head) && sameClause(v, g.m.head, head));
    return governing ? { modality: 'descriptive', rule: 'nominal-complement', cue: null } : null;
  },
};
