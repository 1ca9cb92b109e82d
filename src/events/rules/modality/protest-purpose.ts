import { wordList } from '../../../text/words.js';
import { hasClass } from '../../classes.js';
import type { CueRule } from '../../types.js';
import { infinitiveGovernor } from './infinitive-governor.js';

export const protestPurpose: CueRule = {
  id: 'protest-purpose',
  label: 'modality/protest-purpose',
  reason: 'The purpose of a gathering is the protest itself ("gathered in Lagos to protest", "began a hunger strike to protest").',
  apply(ctx, j) {
    const inf = infinitiveGovernor(ctx, j);
    if (!inf || !hasClass(ctx.c.entry.code, 'protest')) return null;
    const gov = inf.gov;
    return gov && (wordList('modals').has(gov.norm) || wordList('future-auxiliaries').has(gov.norm)) ? null : 'stop';
  },
};
