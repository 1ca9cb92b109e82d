/**
 * Predicate–argument structure read off a dependency parse (UD relations): for each predicate its
 * subjects and objects (with their conjuncts), indirect object, obliques with their preposition,
 * the agent of a passive, clausal complements, and what scopes over it: negation, a modal, a
 * condition (an "if" clause, or an inverted one: "Should China supply weapons, …"), a reporting
 * verb, a relative clause (whose relative pronoun stands for the noun it modifies).
 * Word lists: negators, modals, conditionals, relative-pronouns, speech-verbs (data/words).
 */
import { wordList } from '../text/words.js';
import type { ParseToken } from './features.js';
import type { Parse } from './parse.js';

export type ClauseKind = 'main' | 'relative' | 'participle' | 'adverbial' | 'complement' | 'coordinate' | 'other';

export interface Oblique {
  /** The preposition (case dependent), lower-case; null for a bare oblique ("on Friday" has one, "last week" none). */
  prep: string | null;
  index: number;
}

export interface Predicate {
  index: number;
  kind: ClauseKind;
  /** The predicate or noun this clause depends on (the modified noun of a relative clause); -1 for none. */
  governor: number;
  subjects: number[];
  objects: number[];
  indirectObject: number | null;
  obliques: Oblique[];
  /** The agent of a passive ("was warned by the African Union"). */
  agent: number | null;
  passive: boolean;
  complements: number[];
  negated: boolean;
  modal: string | null;
  /** This clause is a condition of its governor ("if …", or inverted "Should X …"). */
  condition: boolean;
  /** Conditions attached to this predicate. */
  conditions: number[];
  /** The reporting verb whose complement this clause is ("X said that …"), else -1. */
  reportedBy: number;
  /** The clause has a subordinator ("to", "that", "if", …). */
  hasMark: boolean;
}

/** Indices of the dependents of each token. */
function dependents(p: Parse): number[][] {
  const out: number[][] = Array.from({ length: p.head.length }, () => []);
  p.head.forEach((h, i) => {
    if (h >= 0) out[h]!.push(i);
  });
  return out;
}

const base = (label: string) => label.split(':')[0]!;

function kindOf(label: string): ClauseKind {
  if (label === 'root') return 'main';
  if (label === 'acl:relcl') return 'relative';
  if (label === 'acl') return 'participle';
  if (base(label) === 'advcl') return 'adverbial';
  if (label === 'ccomp' || label === 'xcomp' || base(label) === 'csubj') return 'complement';
  if (label === 'conj') return 'coordinate';
  return 'other';
}

/** A head with its conjuncts ("France and Germany"). */
function withConjuncts(i: number, deps: number[][], p: Parse): number[] {
  return [i, ...deps[i]!.filter((d) => p.label[d] === 'conj')];
}

function isPredicate(i: number, tokens: readonly ParseToken[], deps: number[][], p: Parse): boolean {
  if (tokens[i]!.pos === 'VERB') return true;
  // A non-verbal predicate: a word with a subject or a copula.
  return deps[i]!.some((d) => base(p.label[d]!) === 'nsubj' || p.label[d] === 'cop');
}

/** Whether an auxiliary or copula comes before the subject (subject–auxiliary inversion). */
function inverted(i: number, deps: number[][], p: Parse): boolean {
  const subj = deps[i]!.find((d) => base(p.label[d]!) === 'nsubj');
  const aux = deps[i]!.find((d) => base(p.label[d]!) === 'aux' || p.label[d] === 'cop');
  return subj !== undefined && aux !== undefined && aux < subj;
}

function readArguments(pr: Predicate, i: number, tokens: readonly ParseToken[], deps: number[][], p: Parse): void {
  const lower = (k: number) => tokens[k]!.text.toLowerCase();
  for (const d of deps[i]!) {
    const l = p.label[d]!;
    if (base(l) === 'nsubj' || base(l) === 'csubj') pr.subjects.push(...withConjuncts(d, deps, p));
    if (l === 'nsubj:pass' || l === 'aux:pass' || l === 'csubj:pass') pr.passive = true;
    if (l === 'obj') pr.objects.push(...withConjuncts(d, deps, p));
    if (l === 'iobj') pr.indirectObject = d;
    if (l === 'ccomp' || l === 'xcomp') pr.complements.push(d);
    if (base(l) === 'advmod' && wordList('negators').has(lower(d))) pr.negated = true;
    if (base(l) === 'aux' && wordList('modals').has(lower(d))) pr.modal = lower(d);
    if (base(l) === 'obl') {
      const c = deps[d]!.find((k) => p.label[k] === 'case');
      pr.obliques.push({ prep: c === undefined ? null : lower(c), index: d });
    }
  }
}

/** The clause's own structure, before what depends on other clauses is filled in. */
function predicateAt(i: number, tokens: readonly ParseToken[], deps: number[][], p: Parse): Predicate {
  const pr: Predicate = {
    index: i,
    kind: kindOf(p.label[i]!),
    governor: p.head[i]!,
    subjects: [],
    objects: [],
    indirectObject: null,
    obliques: [],
    agent: null,
    passive: false,
    complements: [],
    negated: false,
    modal: null,
    condition: false,
    conditions: [],
    reportedBy: -1,
    hasMark: deps[i]!.some((d) => p.label[d] === 'mark'),
  };
  readArguments(pr, i, tokens, deps, p);
  if (pr.passive) pr.agent = pr.obliques.find((o) => o.prep === 'by')?.index ?? null;
  if (pr.kind === 'adverbial') {
    const mark = deps[i]!.find((d) => p.label[d] === 'mark');
    pr.condition = mark !== undefined ? wordList('conditionals').has(tokens[mark]!.text.toLowerCase()) : inverted(i, deps, p);
  }
  return pr;
}

/**
 * A bare participle with no subject, object or "to" of its own, not an -ing form ("hosted",
 * "held"), as opposed to "troops fighting in the north" and "talks to resolve the dispute".
 */
function pastParticiple(pr: Predicate, tokens: readonly ParseToken[]): boolean {
  return !pr.passive && pr.subjects.length === 0 && pr.objects.length === 0 && !pr.hasMark && !tokens[pr.index]!.text.toLowerCase().endsWith('ing');
}

/** Structure shared across clauses: relative pronouns, shared subjects, conditions, reporting. */
function link(preds: Map<number, Predicate>, tokens: readonly ParseToken[]): void {
  for (const pr of preds.values()) {
    const gov = preds.get(pr.governor);
    if (pr.kind === 'relative') {
      const rel = (xs: number[]) => xs.map((x) => (wordList('relative-pronouns').has(tokens[x]!.text.toLowerCase()) ? pr.governor : x));
      pr.subjects = rel(pr.subjects);
      pr.objects = rel(pr.objects);
    }
    if (pr.kind === 'participle' && pastParticiple(pr, tokens)) {
      // "negotiations hosted by Qatar": a past participle modifying a noun is passive, the noun its object.
      pr.passive = true;
      pr.objects = [pr.governor];
      pr.agent = pr.obliques.find((o) => o.prep === 'by')?.index ?? null;
    }
    if (gov === undefined) continue;
    if (pr.kind === 'coordinate' && pr.subjects.length === 0) pr.subjects = [...gov.subjects];
    if (pr.condition) gov.conditions.push(pr.index);
    if (pr.kind === 'complement' && wordList('speech-verbs').has(tokens[gov.index]!.lemma)) pr.reportedBy = gov.index;
    // Object control ("urged Kyiv to negotiate"), else subject control ("agreed to withdraw").
    if (pr.kind === 'complement' && pr.subjects.length === 0 && gov.complements.includes(pr.index)) {
      pr.subjects = gov.objects.length > 0 ? [...gov.objects] : [...gov.subjects];
    }
  }
}

/** The predicates of a parsed sentence, in text order. */
export function predicates(tokens: readonly ParseToken[], p: Parse): Predicate[] {
  const deps = dependents(p);
  const preds = new Map<number, Predicate>();
  for (let i = 0; i < tokens.length; i++) if (isPredicate(i, tokens, deps, p)) preds.set(i, predicateAt(i, tokens, deps, p));
  // Governors first, so that a shared subject travels down a chain of conjuncts.
  const depth = (i: number): number => (p.head[i]! < 0 ? 0 : 1 + depth(p.head[i]!));
  link(new Map([...preds.entries()].sort((a, b) => depth(a[0]) - depth(b[0]))), tokens);
  return [...preds.values()];
}

/** The first and last token index of the subtree of token i (a projective parse's phrase). */
export function phrase(p: Parse, i: number): [number, number] {
  let lo = i;
  let hi = i;
  for (let k = 0; k < p.head.length; k++) {
    let h = k;
    while (h >= 0 && h !== i) h = p.head[h]!;
    if (h === i) {
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
    }
  }
  return [lo, hi];
}
