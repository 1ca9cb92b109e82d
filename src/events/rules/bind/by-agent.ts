import { findAgent } from '../../syntax.js';
import type { BindRule } from '../../types.js';

export const byAgent: BindRule = {
  id: 'by-agent',
  reason: 'The by-phrase of a passive names the one who acted ("attacked by Taliban fighters").',
  apply(ctx, b) {
    if (!b.passive || b.source !== null) return null;
    const at = findAgent(ctx.v, ctx.c.m.end, ctx.head);
    return at === null ? null : { source: at };
  },
};
