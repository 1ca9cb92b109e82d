import type { Modality, Token } from '../../../model/document.js';
import { wordList } from '../../../text/words.js';
import type { EventRuleId } from '../../rules.js';
import type { CueRule, ModalityCtx } from '../../types.js';
import { infinitiveGovernor } from './infinitive-governor.js';

/** A cue that is only a word list: a data record, compiled into a rule. */
export interface WordCue {
  id: EventRuleId;
  label: string;
  reason: string;
  /** The word list (data/words/<list>.json) the cue word is looked up in. */
  list: string;
  /** Which form of the word is looked up: the surface form, the lemma, or either. */
  form: 'norm' | 'lemma' | 'either';
  /** The token looked at: the window token itself, or the word governing an infinitive at it ("refused to"). */
  at: 'token' | 'governor';
  modality: Modality;
  /** Whether the published label names the word ("modality/negator:not"). */
  cue: 'norm' | 'lemma';
}

function wordAt(ctx: ModalityCtx, j: number, at: WordCue['at']): Token | undefined {
  return at === 'token' ? ctx.v.tokens[j] : infinitiveGovernor(ctx, j)?.gov;
}

export function wordCue(w: WordCue): CueRule {
  return {
    id: w.id,
    label: w.label,
    reason: w.reason,
    apply(ctx, j) {
      const t = wordAt(ctx, j, w.at);
      if (!t) return null;
      const words = wordList(w.list);
      const hit = w.form === 'either' ? words.has(t.norm) || words.has(t.lemma) : words.has(t[w.form]);
      return hit ? { modality: w.modality, rule: w.id, cue: t[w.cue] } : null;
    },
  };
}
