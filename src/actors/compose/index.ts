/**
 * actors.match, compose phase: the sentence's dictionary pieces become actor mentions. The rules
 * are tried in this order on each unused piece of their kinds; the first that applies consumes
 * the pieces it uses. Each rule's module says what it covers; src/actors/rules.ts registers the ids.
 */
import type { Builder, Compose, ComposeRule, Piece } from './context.js';
import { modifierRole } from './modifiers.js';
import { loneModifier } from './lone.js';
import { roleWord } from './role.js';
import { organisation, person, personAlias, seatMetonym } from './named.js';

export const COMPOSE_RULES: readonly ComposeRule[] = [modifierRole, loneModifier, roleWord, person, personAlias, organisation, seatMetonym];

/** Composes the pieces of sentence s into actor mentions (appended to b.out). */
export function composeSentence(b: Builder, s: number, pieces: Piece[], rules: readonly ComposeRule[] = COMPOSE_RULES): void {
  const c: Compose = { b, doc: b.doc, tokens: b.doc.layers.tokens, s, t1: b.doc.layers.sentences[s]!.range.end, pieces, used: new Array<boolean>(pieces.length).fill(false) };
  for (let p = 0; p < pieces.length; p++) {
    if (c.used[p]) continue;
    const kind = pieces[p]!.kind;
    for (const rule of rules) {
      if (!rule.kinds.includes(kind)) continue;
      const consumed = rule.apply(c, p);
      if (consumed === null) continue;
      p = consumed;
      break;
    }
  }
}

export type { Builder, Piece } from './context.js';
