import type { MergeRule } from '../../types.js';

export const mergeMentions: MergeRule = {
  id: 'merge-mentions',
  reason: 'The headline, standfirst and lead often report one act: events with the same source, target, CAMEO root and date are one event with several mentions.',
  apply(first, e) {
    const sentences = [...(first.sentences ?? [first.sentence])];
    for (const s of e.sentences ?? [e.sentence]) if (!sentences.includes(s)) sentences.push(s);
    return { mentions: first.mentions + e.mentions, sentences };
  },
};
