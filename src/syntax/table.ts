/**
 * The parser's weights in flat typed arrays: each feature string is hashed (32-bit FNV-1a) into an
 * open-addressing table whose slot points at the feature's [move, weight] pairs. Looking a fresh
 * feature string up this way is several times faster than a Map of 200,000 string keys. Two
 * features with the same hash (a handful among 200,000) share their weights, as in the hashing
 * trick.
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export class WeightTable {
  private readonly keys: Int32Array;
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  private readonly mask: number;
  readonly moves: Int32Array;
  readonly values: Float32Array;
  readonly size: number;

  /** `entries`: each feature with its [move, weight, …] pairs; weights are multiplied by `scale`. */
  constructor(entries: ReadonlyArray<[string, ArrayLike<number>]>, scale = 1) {
    let cap = 1;
    while (cap < entries.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap);
    this.first = new Int32Array(cap).fill(-1);
    this.count = new Int32Array(cap);
    const pairs = entries.reduce((a, [, p]) => a + p.length / 2, 0);
    this.moves = new Int32Array(pairs);
    this.values = new Float32Array(pairs);
    let at = 0;
    for (const [f, p] of entries) {
      const slot = this.slot(fnv1a(f), true);
      // A hash shared with an earlier feature: its pairs follow (the slot counts them all).
      if (this.first[slot] === -1) this.first[slot] = at;
      else if (this.first[slot]! + this.count[slot]! !== at) continue;
      for (let i = 0; i < p.length; i += 2) {
        this.moves[at] = p[i]!;
        this.values[at] = p[i + 1]! * scale;
        at++;
      }
      this.count[slot]! += p.length / 2;
    }
    this.size = entries.length;
  }

  private slot(h: number, insert: boolean): number {
    let i = h & this.mask;
    while (this.first[i] !== -1) {
      if (this.keys[i] === h) return i;
      i = (i + 1) & this.mask;
    }
    if (insert) this.keys[i] = h;
    return insert ? i : -1;
  }

  /** Adds the feature's weights to the scores of its moves. */
  addTo(feature: string, out: Float64Array): void {
    const s = this.slot(fnv1a(feature), false);
    if (s < 0) return;
    const end = this.first[s]! + this.count[s]!;
    for (let k = this.first[s]!; k < end; k++) out[this.moves[k]!]! += this.values[k]!;
  }
}
