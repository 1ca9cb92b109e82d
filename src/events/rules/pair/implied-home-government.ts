import { hasClass } from '../../classes.js';
import type { PairRule } from '../../types.js';

export const impliedHomeGovernment: PairRule = {
  id: 'implied-home-government',
  tag: '+implied-domestic-target',
  reason: 'A protest with no stated target is directed at its own country\'s government (CAMEO practice): the target is implied, with no span in the text.',
  apply(ctx, p) {
    const a = p.source;
    if (p.target !== null || !a || !a.country || a.role === 'GOV' || !hasClass(ctx.code.root, 'protest')) return null;
    const name = ctx.countryName(a.country);
    const at = ctx.trigger.start;
    return { implied: { code: a.country + 'GOV', country: a.country, role: 'GOV', name: `${name} government`, text: '', start: at, end: at, entity: -1, implied: true } };
  },
};
