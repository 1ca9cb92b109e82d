import { wordList } from '../../../text/words.js';
import { hasClass } from '../../classes.js';
import { sameClause } from '../../view.js';
import type { Candidate, SelectRule } from '../../types.js';

/** Outcome verbs take the method named after them in their clause ("killed in a car bombing"). */
export const outcomeMethod: SelectRule = {
  id: 'outcome-method',
  reason: 'Verbs of outcome (kill, wound) say that people died, not how; CAMEO codes the method (bombing, shelling) named in the same clause.',
  apply(v, selected) {
    const outcome = wordList('outcome-verbs');
    const recoded = new Map<Candidate, string>();
    for (const f of selected) {
      const hTok = v.tokens[f.m.head]!;
      if ((hTok.pos !== 'NOUN' && hTok.pos !== 'PROPN') || !hasClass(f.entry.code, 'violent')) continue;
      const governing = selected.find((g) => g !== f && g.m.head < f.m.head && v.tokens[g.m.head]!.pos === 'VERB' && sameClause(v, g.m.head, f.m.head));
      if (governing && outcome.has(v.tokens[governing.m.head]!.lemma)) recoded.set(governing, f.entry.code);
    }
    return selected.map((f) => {
      const code = recoded.get(f);
      return code === undefined ? f : { ...f, code, rules: [...f.rules, 'outcome-method'] };
    });
  },
};
