import type { PairRule } from '../../types.js';

export const ownCountryPlace: PairRule = {
  id: 'own-country-place',
  reason: 'A place in the source\'s own country is where it acted, not whom it acted on.',
  apply: (_ctx, p) => (p.source && p.target && p.target.type === 'place' && p.target.country === p.source.country ? { target: null } : null),
};
