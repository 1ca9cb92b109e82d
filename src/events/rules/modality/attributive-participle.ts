import { isPastParticiple, joinedBefore } from '../../view.js';
import type { ModalityRule } from '../../types.js';

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ']);

export const attributiveParticiple: ModalityRule = {
  id: 'attributive-participle',
  label: 'modality/attributive-participle',
  reason: 'A participle used as an adjective ("the besieged town", "Israeli-occupied territory") describes a state; it does not report an act.',
  apply(ctx) {
    const { v, h, head, first } = ctx;
    const prev = v.tokens[first - 1];
    const next = v.tokens[ctx.c.m.end];
    if (!isPastParticiple(h) || head !== first || !prev || !(prev.pos === 'DET' || prev.pos === 'ADJ' || joinedBefore(v, first))) return null;
    return next && NOMINAL.has(next.pos) ? { modality: 'descriptive', rule: 'attributive-participle', cue: null } : null;
  },
};
