/**
 * Training the parser: an averaged perceptron over the moves of the arc-hybrid system, with the
 * dynamic oracle and exploration (Goldberg and Nivre 2013): from the second epoch on the parser
 * follows its own prediction 90 % of the time and learns the best move from wherever it is.
 * Non-projective trees are skipped (the transitions cannot build them).
 */
import { rng } from '../bench/corpus.js';
import { isProjective, type Tree } from './conllu.js';
import { features, sentenceOf, type ParseToken } from './features.js';
import type { ModelFile } from './model.js';
import { bestLegal } from './parse.js';
import { ParseState } from './state.js';

interface Entry {
  c: number[];
  w: number[];
  tot: number[];
  ts: number[];
}

class Perceptron {
  readonly table = new Map<string, Entry>();
  time = 0;

  score(feats: readonly string[], out: Float64Array): void {
    out.fill(0);
    for (const f of feats) {
      const e = this.table.get(f);
      if (e === undefined) continue;
      for (let k = 0; k < e.c.length; k++) out[e.c[k]!]! += e.w[k]!;
    }
  }

  update(feats: readonly string[], good: number, bad: number): void {
    for (const f of feats) {
      let e = this.table.get(f);
      if (e === undefined) {
        e = { c: [], w: [], tot: [], ts: [] };
        this.table.set(f, e);
      }
      this.bump(e, good, 1);
      this.bump(e, bad, -1);
    }
  }

  private bump(e: Entry, cls: number, d: number): void {
    let k = e.c.indexOf(cls);
    if (k < 0) {
      k = e.c.push(cls) - 1;
      e.w.push(0);
      e.tot.push(0);
      e.ts.push(this.time);
    }
    e.tot[k]! += (this.time - e.ts[k]!) * e.w[k]!;
    e.ts[k] = this.time;
    e.w[k]! += d;
  }

  /** Averaged weights, scaled to integers, zeros dropped. */
  averaged(scale: number): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [f, e] of this.table) {
      const pairs: number[] = [];
      for (let k = 0; k < e.c.length; k++) {
        const avg = (e.tot[k]! + (this.time - e.ts[k]!) * e.w[k]!) / Math.max(1, this.time);
        const q = Math.round(avg * scale);
        if (q !== 0) pairs.push(e.c[k]!, q);
      }
      if (pairs.length > 0) out[f] = pairs;
    }
    return out;
  }
}

export interface TrainExample {
  tokens: ParseToken[];
  tree: Tree;
}

/** The zero-cost moves of a state (LEFT and RIGHT with the gold label of s0), best scored first. */
function bestZeroCost(st: ParseState, gold: Int32Array, goldLabel: Int32Array, scores: Float64Array): { best: number; zero: Set<number> } {
  const cost = st.costs(gold);
  const min = Math.min(...cost);
  const s0 = st.s(0);
  const zero = new Set<number>();
  if (cost[0] === min) zero.add(0);
  if (cost[1] === min) zero.add(1 + 2 * goldLabel[s0]!);
  if (cost[2] === min) zero.add(2 + 2 * goldLabel[s0]!);
  let best = -1;
  for (const m of zero) if (best < 0 || scores[m]! > scores[best]!) best = m;
  return { best, zero };
}

function trainSentence(p: Perceptron, ex: TrainExample, labelIds: Map<string, number>, labels: string[], explore: boolean, rand: () => number): void {
  const n = ex.tree.words.length;
  const gold = new Int32Array(n + 1).fill(-1);
  const goldLabel = new Int32Array(n + 1).fill(-1);
  ex.tree.words.forEach((w, i) => {
    gold[i + 1] = w.head;
    goldLabel[i + 1] = labelIds.get(w.label)!;
  });
  const x = sentenceOf(ex.tokens);
  const st = new ParseState(n);
  const scores = new Float64Array(1 + 2 * labels.length);
  while (!st.done()) {
    const feats = features(st, x, labels);
    p.score(feats, scores);
    const pred = bestLegal(st, scores);
    const { best, zero } = bestZeroCost(st, gold, goldLabel, scores);
    if (!zero.has(pred)) p.update(feats, best, pred);
    p.time++;
    st.apply(explore && rand() < 0.9 ? pred : best);
  }
}

export function train(examples: readonly TrainExample[], opts: { epochs: number; seed?: number; description: string; log?: (s: string) => void }): ModelFile {
  const usable = examples.filter((e) => isProjective(e.tree.words.map((w) => w.head)));
  const labels = [...new Set(usable.flatMap((e) => e.tree.words.map((w) => w.label)))].sort();
  const labelIds = new Map(labels.map((l, i) => [l, i]));
  const p = new Perceptron();
  const rand = rng(opts.seed ?? 1);
  const order = usable.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) trainSentence(p, usable[i]!, labelIds, labels, epoch > 0, rand);
    opts.log?.(`epoch ${epoch + 1}/${opts.epochs}: ${p.table.size} features`);
  }
  const scale = 100;
  return {
    format: 'dyad-parser',
    version: 1,
    description: `${opts.description}; ${usable.length} of ${examples.length} trees (projective), ${opts.epochs} epochs`,
    labels,
    scale,
    weights: p.averaged(scale),
  };
}
