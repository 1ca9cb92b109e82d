import { isDomestic } from '../../classes.js';
import type { PairRule } from '../../types.js';

export const impliedOwnCountry: PairRule = {
  id: 'implied-own-country',
  tag: '+implied-own-country',
  reason: 'Curfews, martial law, states of emergency and the like are imposed on (or lifted for) the government\'s own country.',
  apply(ctx, p) {
    const a = p.source;
    if (p.target !== null || p.implied !== null || !a || !a.country || !isDomestic(ctx.code)) return null;
    const at = ctx.trigger.start;
    return { implied: { code: a.country, country: a.country, role: null, name: ctx.countryName(a.country), text: '', start: at, end: at, entity: -1, implied: true } };
  },
};
