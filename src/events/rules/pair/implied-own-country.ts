import { isDomestic } from '../../classes.js';
import type { PairRule } from '../../types.js';
import { impliedActor } from './implied.js';

export const impliedOwnCountry: PairRule = {
  id: 'implied-own-country',
  tag: '+implied-own-country',
  reason: 'Curfews, martial law, states of emergency and the like are imposed on (or lifted for) the government\'s own country.',
  apply(ctx, p) {
    const a = p.source;
    if (p.target !== null || p.implied !== null || !a || !a.country || !isDomestic(ctx.code)) return null;
    return { implied: impliedActor(a.country, a.country, null, ctx.countryName(a.country), ctx.trigger.start) };
  },
};
