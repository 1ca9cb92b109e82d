import { hasClass } from '../../classes.js';
import type { ContentRule } from '../../types.js';

/**
 * "demanded that Moscow admit…", "accused X of…": what a demand, accusation, rejection or threat
 * is about is its content, not a second act ("…that Soviet forces murdered…").
 */
export const contentOf: ContentRule = {
  id: 'content-of',
  label: 'modality/content-of',
  reason: 'The that-clause of an appeal, demand, disapproval, rejection or threat says what is demanded or alleged; it does not report that it happened.',
  apply(v, f, selected) {
    const container = selected.find(
      (g) =>
        g !== f &&
        g.m.head < f.m.head &&
        hasClass(g.entry.code, 'contentBearing') &&
        v.tokens.slice(g.m.end, f.m.start).some((t) => t.norm === 'that' || t.norm === 'whether'),
    );
    return container ? { modality: 'alleged', rule: 'content-of', cue: container.entry.id } : null;
  },
};
