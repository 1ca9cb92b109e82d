import type { PairRule } from '../../types.js';

export const needsSource: PairRule = {
  id: 'needs-source',
  reason: 'An act needs an actor: a passive may leave the source unsaid ("Turkey has been accused"), but an active clause whose subject was not found is not coded.',
  apply: (ctx, p) => (p.source === null && (p.target === null || !ctx.passive) ? 'drop' : null),
};
