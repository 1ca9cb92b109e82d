import { intentCode } from '../../classes.js';
import type { RecodeRule } from '../../types.js';

export const intent: RecodeRule = {
  id: 'intent',
  tag: 'intent',
  reason: 'CAMEO codes an announced act as the statement of intent it is, made now: "X will send aid" is 033, "X will attack" 138.',
  apply(ctx, s) {
    if (s.verdict.modality !== 'future') return null;
    const code = intentCode(s.code.code);
    const to = code ? ctx.codebook.get(code) : undefined;
    return to ? { code: to, verdict: { ...s.verdict, modality: 'asserted' } } : null;
  },
};
