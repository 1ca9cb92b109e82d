/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) over one sentence:
 * words 1..n, the root 0 at the bottom of the stack, the buffer front `b`.
 *
 *   SHIFT      push b0
 *   LEFT(l)    pop s0, make it the l-dependent of b0
 *   RIGHT(l)   pop s0, make it the l-dependent of s1 (of the root only once the buffer is empty)
 *
 * Moves are numbered 0 (SHIFT), 1 + 2l (LEFT with label l), 2 + 2l (RIGHT with label l).
 * Only projective trees can be built. `costs` is the dynamic oracle of Goldberg and Nivre (2013):
 * how many gold arcs each move makes unreachable.
 */
export const SHIFT = 0;

export function moveKind(move: number): 0 | 1 | 2 {
  return move === 0 ? 0 : move % 2 === 1 ? 1 : 2;
}

export function moveLabel(move: number): number {
  return (move - 1) >> 1;
}

export class ParseState {
  readonly n: number;
  readonly stack: Int32Array;
  size = 1; // the root
  b = 1;
  readonly head: Int32Array;
  readonly label: Int32Array;
  /** Two leftmost and two rightmost dependents, and the dependent counts on each side. */
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nl: Int32Array;
  readonly nr: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    this.head = new Int32Array(n + 1).fill(-1);
    this.label = new Int32Array(n + 1).fill(-1);
    this.lc1 = new Int32Array(n + 1).fill(-1);
    this.lc2 = new Int32Array(n + 1).fill(-1);
    this.rc1 = new Int32Array(n + 1).fill(-1);
    this.rc2 = new Int32Array(n + 1).fill(-1);
    this.nl = new Int32Array(n + 1);
    this.nr = new Int32Array(n + 1);
  }

  /** The i-th item from the top of the stack (0 = top), -1 when there is none. */
  s(i: number): number {
    return i < this.size ? this.stack[this.size - 1 - i]! : -1;
  }

  /** The i-th word of the buffer (0 = front), -1 past the end. */
  q(i: number): number {
    return this.b + i <= this.n ? this.b + i : -1;
  }

  done(): boolean {
    return this.b > this.n && this.size === 1;
  }

  legal(kind: 0 | 1 | 2): boolean {
    if (kind === 0) return this.b <= this.n;
    if (kind === 1) return this.size >= 2 && this.b <= this.n;
    return this.size >= 3 || (this.size === 2 && this.b > this.n);
  }

  apply(move: number): void {
    const kind = moveKind(move);
    if (kind === 0) {
      this.stack[this.size++] = this.b++;
      return;
    }
    const d = this.stack[--this.size]!;
    const h = kind === 1 ? this.b : this.stack[this.size - 1]!;
    this.attach(h, d, moveLabel(move));
  }

  private attach(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    if (d < h) {
      this.nl[h]!++;
      if (this.lc1[h] === -1 || d < this.lc1[h]!) {
        this.lc2[h] = this.lc1[h]!;
        this.lc1[h] = d;
      } else if (this.lc2[h] === -1 || d < this.lc2[h]!) this.lc2[h] = d;
    } else {
      this.nr[h]!++;
      if (this.rc1[h] === -1 || d > this.rc1[h]!) {
        this.rc2[h] = this.rc1[h]!;
        this.rc1[h] = d;
      } else if (this.rc2[h] === -1 || d > this.rc2[h]!) this.rc2[h] = d;
    }
  }

  /** Gold dependents of word x still in the buffer. */
  private bufferDeps(x: number, gold: Int32Array): number {
    let c = 0;
    for (let j = this.b; j <= this.n; j++) if (gold[j] === x) c++;
    return c;
  }

  /** Cost of SHIFT, LEFT and RIGHT (unlabelled) against gold heads (gold[i] = head of word i). */
  costs(gold: Int32Array): [number, number, number] {
    const s0 = this.s(0);
    const s1 = this.s(1);
    const b0 = this.b;
    let shift = Infinity;
    let left = Infinity;
    let right = Infinity;
    if (this.legal(0)) {
      shift = 0;
      for (let i = 0; i < this.size; i++) {
        const s = this.stack[i]!;
        if (gold[s] === b0) shift++;
        if (s !== s0 && gold[b0] === s) shift++;
      }
    }
    if (this.legal(1)) {
      const h = gold[s0]!;
      left = (h === s1 || h > b0 ? 1 : 0) + this.bufferDeps(s0, gold);
    }
    if (this.legal(2)) {
      const h = gold[s0]!;
      right = (h >= b0 ? 1 : 0) + this.bufferDeps(s0, gold);
    }
    return [shift, left, right];
  }
}
