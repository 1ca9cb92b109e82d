import { findSubject, obligationBefore, speechVerbBefore } from '../../syntax.js';
import type { RecodeRule } from '../../types.js';

/** The CAMEO code of a demand not specified further. */
const DEMAND = '100';

export const reportedObligation: RecodeRule = {
  id: 'reported-obligation',
  tag: 'demand',
  reason: 'A reported obligation ("Russia said Sudan must return the helicopter") is the speaker\'s demand on the subject (CAMEO 10).',
  apply(ctx, s) {
    const { v, c, head } = ctx;
    const first = Math.min(c.m.start, head);
    if (s.verdict.modality !== 'hypothetical' || s.source === null || !obligationBefore(v, first)) return null;
    const sv = speechVerbBefore(v, first);
    const demand = ctx.codebook.get(DEMAND);
    if (sv === null || !demand) return null;
    const speaker = findSubject(v, sv, sv);
    return speaker === null ? null : { code: demand, target: s.source, source: speaker, verdict: { ...s.verdict, modality: 'asserted' } };
  },
};
