/**
 * Feature templates of the transition parser: words, lemmas and UD tags of the stack top three and
 * the buffer front three, the leftmost and rightmost dependents of s0, s1 and b0 with their labels,
 * valencies and the s0–b0 distance, and their usual conjunctions (after Zhang and Nivre 2011,
 * reduced). Each feature is a short string, looked up in the model's weight table.
 */
import type { ParseState } from './state.js';

export interface ParseToken {
  text: string;
  lemma: string;
  pos: string;
}

/** The per-word attributes features read; index 0 is the root. */
export interface Sentence {
  w: string[];
  l: string[];
  p: string[];
}

function wordForm(text: string): string {
  const lower = text.toLowerCase();
  return /\d/.test(lower) ? lower.replace(/\d+([.,]\d+)*/g, '0') : lower;
}

export function sentenceOf(tokens: readonly ParseToken[]): Sentence {
  const s: Sentence = { w: ['<root>'], l: ['<root>'], p: ['ROOT'] };
  for (const t of tokens) {
    s.w.push(wordForm(t.text));
    s.l.push(wordForm(t.lemma || t.text));
    s.p.push(t.pos);
  }
  return s;
}

function dist(a: number, b: number): string {
  if (a < 0 || b < 0) return '-';
  const d = Math.abs(b - a);
  return d > 5 ? (d > 10 ? '10+' : '5+') : String(d);
}

/** The features of a state. `labels` names the label ids (for the dependents' labels). */
export function features(st: ParseState, x: Sentence, labels: readonly string[]): string[] {
  const W = (i: number) => (i < 0 ? '-' : x.w[i]!);
  const L = (i: number) => (i < 0 ? '-' : x.l[i]!);
  const P = (i: number) => (i < 0 ? '-' : x.p[i]!);
  const D = (i: number) => (i < 0 || st.label[i]! < 0 ? '-' : labels[st.label[i]!]!);
  const s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const b0 = st.q(0), b1 = st.q(1), b2 = st.q(2);
  const s0l = s0 >= 0 ? st.lc1[s0]! : -1, s0r = s0 >= 0 ? st.rc1[s0]! : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0]! : -1, s0r2 = s0 >= 0 ? st.rc2[s0]! : -1;
  const s1l = s1 >= 0 ? st.lc1[s1]! : -1, s1r = s1 >= 0 ? st.rc1[s1]! : -1;
  const b0l = b0 >= 0 ? st.lc1[b0]! : -1, b0l2 = b0 >= 0 ? st.lc2[b0]! : -1;
  const ps0 = P(s0), ps1 = P(s1), pb0 = P(b0), pb1 = P(b1);
  const ws0 = W(s0), wb0 = W(b0);
  const d = dist(s0, b0);
  const vs0 = s0 >= 0 ? `${st.nl[s0]}/${st.nr[s0]}` : '-';
  const vs1 = s1 >= 0 ? `${st.nl[s1]}/${st.nr[s1]}` : '-';
  return [
    'b',
    'a' + ws0, 'c' + ps0, 'e' + ws0 + ' ' + ps0, 'f' + L(s0),
    'g' + wb0, 'h' + pb0, 'i' + wb0 + ' ' + pb0, 'j' + L(b0),
    'k' + W(b1), 'm' + pb1, 'n' + P(b2),
    'o' + W(s1), 'r' + ps1, 's' + W(s1) + ' ' + ps1, 't' + P(s2),
    'u' + ws0 + ' ' + ps0 + '|' + wb0 + ' ' + pb0,
    'v' + ws0 + '|' + wb0, 'x' + ps0 + '|' + pb0,
    'y' + ws0 + ' ' + ps0 + '|' + pb0, 'z' + ps0 + '|' + wb0 + ' ' + pb0,
    'A' + L(s0) + '|' + L(b0),
    'B' + pb0 + ' ' + pb1 + ' ' + P(b2), 'C' + ps0 + ' ' + pb0 + ' ' + pb1,
    'E' + ps1 + ' ' + ps0 + ' ' + pb0, 'F' + P(s2) + ' ' + ps1 + ' ' + ps0,
    'G' + ps0 + ' ' + P(s0l) + ' ' + pb0, 'H' + ps0 + ' ' + P(s0r) + ' ' + pb0,
    'I' + ps0 + ' ' + pb0 + ' ' + P(b0l), 'J' + ps1 + ' ' + P(s1r) + ' ' + ps0, 'K' + ps1 + ' ' + P(s1l) + ' ' + ps0,
    'M' + D(s0l) + ' ' + D(s0r) + ' ' + ps0, 'N' + D(s0l) + ' ' + D(s0l2) + ' ' + ps0, 'O' + D(s0r) + ' ' + D(s0r2) + ' ' + ps0,
    'Q' + D(b0l) + ' ' + D(b0l2) + ' ' + pb0, 'R' + D(s1r) + ' ' + ps1 + ' ' + ps0,
    'S' + d + ' ' + ps0 + ' ' + pb0, 'T' + d + ' ' + ws0 + ' ' + pb0, 'U' + d + ' ' + ps0 + ' ' + wb0,
    'V' + vs0 + ' ' + ps0, 'X' + vs0 + ' ' + ws0,
    'Y' + W(s0l) + ' ' + ps0, 'Z' + W(s0r) + ' ' + ps0, '1' + W(b0l) + ' ' + pb0,
    '2' + L(s1) + '|' + L(s0), '3' + (b0 < 0 ? 'end' : 'in') + ' ' + ps1 + ' ' + ps0,
    // s1's own left dependents and valency (a relative pronoun or a subject already found).
    '4' + W(s1l) + ' ' + ps1 + ' ' + pb0, '5' + D(s1l) + ' ' + ps1 + ' ' + ps0 + ' ' + pb0,
    '6' + vs1 + ' ' + ps1 + ' ' + pb0, '7' + dist(s1, b0) + ' ' + ps1 + ' ' + pb0, '8' + W(s2) + ' ' + P(s2),
    // A clause on the stack meeting a verb: its opener ("if", "should", "who") and what it holds.
    '9' + W(s0l) + ' ' + ps0 + ' ' + pb0, '0' + D(s0l) + ' ' + ps0 + ' ' + pb0 + ' ' + D(b0l),
    'P' + vs0 + ' ' + ps0 + ' ' + pb0 + ' ' + (b0 >= 0 ? st.nl[b0] : '-'), 'W' + W(s1l) + ' ' + D(s1l) + ' ' + ps0 + ' ' + pb0,
  ];
}
