import type { MergeRule } from '../../types.js';

export const statedDate: MergeRule = {
  id: 'stated-date',
  reason: 'A date the text states beats the publication-date default: a merged event keeps the mention that dates it.',
  apply(first, e) {
    const byDefault = (x: typeof first) => x.rules?.includes('publication-date') === true;
    if (!byDefault(first) || byDefault(e)) return null;
    return { dateRule: e.dateRule ?? null, dateText: e.dateText ?? null, rules: (first.rules ?? []).filter((r) => r !== 'publication-date') };
  },
};
