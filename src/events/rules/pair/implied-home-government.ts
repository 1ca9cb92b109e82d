import { hasClass } from '../../classes.js';
import type { PairRule } from '../../types.js';
import { impliedActor } from './implied.js';

export const impliedHomeGovernment: PairRule = {
  id: 'implied-home-government',
  tag: '+implied-domestic-target',
  reason: 'A protest with no stated target is directed at its own country\'s government (CAMEO practice): the target is implied, with no span in the text.',
  apply(ctx, p) {
    const a = p.source;
    if (p.target !== null || !a || !a.country || a.role === 'GOV' || !hasClass(ctx.code.root, 'protest')) return null;
    return { implied: impliedActor(a.country + 'GOV', a.country, 'GOV', `${ctx.countryName(a.country)} government`, ctx.trigger.start) };
  },
};
