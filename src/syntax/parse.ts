/**
 * Dependency parsing of one sentence of the tagger's tokens (text, lemma, UD POS as wink-nlp gives
 * them): greedy arc-hybrid transitions scored by an averaged perceptron trained on UD English EWT.
 * Stand-alone: nothing in the pipeline calls it yet.
 *
 *   parse([{ text: 'Rebels', lemma: 'rebel', pos: 'NOUN' }, …])
 *   → { head: Int32Array, label: string[] }   head[i]: index of token i's head, -1 for the root
 */
import { features, sentenceOf, type ParseToken, type Sentence } from './features.js';
import { loadModel, type ParserModel } from './model.js';
import { moveKind, ParseState } from './state.js';

export type { ParseToken } from './features.js';

export interface Parse {
  /** Index (0-based, among the tokens) of each token's head; -1 for the sentence's root. */
  head: Int32Array;
  /** UD relation of each token to its head ('root' for the root). */
  label: string[];
}

/** Adds the weights of the features to the scores of each move. */
export function scoreMoves(model: ParserModel, feats: readonly string[], out: Float64Array): void {
  out.fill(0);
  for (const f of feats) model.weights.addTo(f, out);
}

/** The best legal move by the scores. */
export function bestLegal(st: ParseState, scores: Float64Array): number {
  let best = -1;
  let bestScore = -Infinity;
  const legal = [st.legal(0), st.legal(1), st.legal(2)];
  for (let m = 0; m < scores.length; m++) {
    if (legal[moveKind(m)] && scores[m]! > bestScore) {
      bestScore = scores[m]!;
      best = m;
    }
  }
  return best;
}

/** Runs the parser over a prepared sentence; returns the final state. */
export function runParser(model: ParserModel, x: Sentence): ParseState {
  const st = new ParseState(x.w.length - 1);
  const scores = new Float64Array(model.moves);
  while (!st.done()) {
    scoreMoves(model, features(st, x, model.labels), scores);
    st.apply(bestLegal(st, scores));
  }
  return st;
}

export function parse(tokens: readonly ParseToken[], model: ParserModel = loadModel()): Parse {
  const n = tokens.length;
  const head = new Int32Array(n);
  const label: string[] = new Array<string>(n);
  if (n === 0) return { head, label };
  const st = runParser(model, sentenceOf(tokens));
  for (let i = 1; i <= n; i++) {
    head[i - 1] = st.head[i]! - 1;
    label[i - 1] = model.labels[st.label[i]!] ?? 'dep';
  }
  return { head, label };
}
