/**
 * The two ConfliBERT suites (../shared/eval/conflibert/, real news sentences; see the README there):
 *
 *   - event class (quad.jsonl): the class of the first event a sentence reports, 0 where none, by the
 *     suite's convention read off the sentences it shares with the PLOVER gold set (AGREE, CONSULT,
 *     SUPPORT 1; AID, CONCEDE, COOPERATE, RETREAT 2; ACCUSE … INVESTIGATE, SANCTION 3; ASSAULT,
 *     COERCE, FIGHT, PROTEST, MOBILIZE 4; statements 01 and appeals 02 are 0). The first event is the
 *     one whose trigger comes first in the text, read as the README says: when it is a statement or
 *     an appeal the sentence is class 0. Accuracy and macro-F1 over the five classes.
 *   - source/target attribution (roles.jsonl): for each sentence with a gold source and a gold target,
 *     did an event take its source from a gold source span and its target from a gold target span
 *     (the two spans share a content word at the same place in the text)? Recall over such sentences,
 *     precision over the events produced in them, swapped events counted. Statements and appeals are
 *     set aside in all three (they are no event in the suite's convention); recall counting them is
 *     printed as well.
 */
import { join } from 'node:path';
import { codeSync } from '../index.js';
import { loadCodebook } from '../events/codebook.js';
import type { CodedEvent } from '../model/document.js';
import { wordList } from '../text/words.js';
import { needsIdAndText, readJsonl } from './jsonl.js';
import type { EvalPart, SentenceParts } from './split.js';

export type QuadClass = 0 | 1 | 2 | 3 | 4;

/** The suite's class of each PLOVER draft event type. */
const CLASS_OF_TYPE: Readonly<Record<string, QuadClass>> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1,
  AID: 2, CONCEDE: 2, COOPERATE: 2, RETREAT: 2,
  ACCUSE: 3, DEMAND: 3, DISAPPROVE: 3, REJECT: 3, THREATEN: 3, SANCTION: 3, INVESTIGATE: 3,
  ASSAULT: 4, COERCE: 4, FIGHT: 4, PROTEST: 4, MOBILIZE: 4,
};

/** Looks up the PLOVER draft type of a CAMEO code (the codebook's, unless a test passes its own). */
export type TypeOf = (cameo: string) => string | undefined;

export function codebookTypes(): TypeOf {
  const book = loadCodebook();
  return (cameo) => book.get(cameo)?.ploverDraft;
}

/** Statements (01) and appeals (02): no event in the suites' convention. */
export function isStatementOrAppeal(e: Pick<CodedEvent, 'cameo'>): boolean {
  const root = e.cameo.slice(0, 2);
  return root === '01' || root === '02';
}

export function eventClass(e: Pick<CodedEvent, 'cameo'>, typeOf: TypeOf): QuadClass {
  if (isStatementOrAppeal(e)) return 0;
  return CLASS_OF_TYPE[typeOf(e.cameo) ?? ''] ?? 0;
}

type Positioned = Pick<CodedEvent, 'cameo' | 'evidence'> & { trigger?: { start: number } | undefined };

/** The first event of the text, by the position of its trigger (else its evidence). */
export function firstEvent<E extends Positioned>(events: readonly E[]): E | null {
  let best: E | null = null;
  let at = Infinity;
  for (const e of events) {
    const pos = e.trigger?.start ?? e.evidence.start;
    if (pos < at) {
      at = pos;
      best = e;
    }
  }
  return best;
}

export interface QuadRecord {
  id: string;
  text: string;
  quad: QuadClass;
}

export interface QuadScores {
  records: number;
  correct: number;
  /** confusion[gold][predicted] */
  confusion: number[][];
}

export function emptyQuad(): QuadScores {
  return { records: 0, correct: 0, confusion: Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]) };
}

export function addQuad(s: QuadScores, gold: QuadClass, predicted: QuadClass): void {
  s.records++;
  if (gold === predicted) s.correct++;
  s.confusion[gold]![predicted]!++;
}

/** Per-class precision, recall and F1 and their unweighted mean over the five classes. */
export function quadMetrics(s: QuadScores): { accuracy: number; macroF1: number; perClass: Array<{ p: number; r: number; f1: number; gold: number }> } {
  const perClass = [0, 1, 2, 3, 4].map((c) => {
    const tp = s.confusion[c]![c]!;
    const gold = s.confusion[c]!.reduce((a, b) => a + b, 0);
    const predicted = s.confusion.reduce((a, row) => a + row[c]!, 0);
    const p = predicted === 0 ? 0 : tp / predicted;
    const r = gold === 0 ? 0 : tp / gold;
    return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), gold };
  });
  return {
    accuracy: s.records === 0 ? 0 : s.correct / s.records,
    macroF1: perClass.reduce((a, c) => a + c.f1, 0) / 5,
    perClass,
  };
}

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}

export interface RolesRecord {
  id: string;
  text: string;
  source: GoldSpan[];
  target: GoldSpan[];
  trigger: GoldSpan[];
}

interface Range {
  start: number;
  end: number;
}

/** Character ranges of the content words of a text (letters or digits, not a function word). */
export function contentWords(text: string): Range[] {
  const fn = wordList('function-words');
  const out: Range[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0].toLowerCase();
    if (fn.has(w) || (w.length === 1 && !/\p{N}/u.test(w))) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Does the actor's span share a content word with one of the gold spans, at the same place? */
export function spanHits(words: readonly Range[], actor: Range | null, gold: readonly Range[]): boolean {
  if (actor === null || actor.end <= actor.start) return false;
  return gold.some((g) => {
    const lo = Math.max(actor.start, g.start);
    const hi = Math.min(actor.end, g.end);
    return lo < hi && words.some((w) => w.start < hi && lo < w.end);
  });
}

export interface RolesOutcome {
  /** An event other than a statement or appeal has both roles right. */
  found: boolean;
  /** Counting statements and appeals too. */
  foundAny: boolean;
  produced: number;
  correct: number;
  swapped: number;
}

/** What scoring reads of an event: its code and the spans of its actors. */
type WithRoles = { cameo: string; source: Range | null; target: Range | null };

/** Scores one sentence; null when it lacks a gold source or a gold target. */
export function scoreRoles(rec: RolesRecord, events: readonly WithRoles[]): RolesOutcome | null {
  if (rec.source.length === 0 || rec.target.length === 0) return null;
  const words = contentWords(rec.text);
  const out: RolesOutcome = { found: false, foundAny: false, produced: 0, correct: 0, swapped: 0 };
  for (const e of events) {
    const right = spanHits(words, e.source, rec.source) && spanHits(words, e.target, rec.target);
    if (right) out.foundAny = true;
    if (isStatementOrAppeal(e)) continue;
    out.produced++;
    if (right) {
      out.correct++;
      out.found = true;
    } else if (spanHits(words, e.source, rec.target) && spanHits(words, e.target, rec.source)) out.swapped++;
  }
  return out;
}

export interface RolesScores {
  sentences: number;
  found: number;
  foundAny: number;
  produced: number;
  correct: number;
  swapped: number;
}

export function emptyRoles(): RolesScores {
  return { sentences: 0, found: 0, foundAny: 0, produced: 0, correct: 0, swapped: 0 };
}

export function addRoles(s: RolesScores, o: RolesOutcome): void {
  s.sentences++;
  if (o.found) s.found++;
  if (o.foundAny) s.foundAny++;
  s.produced += o.produced;
  s.correct += o.correct;
  s.swapped += o.swapped;
}

export function rolesMetrics(s: RolesScores): { precision: number; recall: number; f1: number; recallAny: number } {
  const precision = s.produced === 0 ? 0 : s.correct / s.produced;
  const recall = s.sentences === 0 ? 0 : s.found / s.sentences;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, recallAny: s.sentences === 0 ? 0 : s.foundAny / s.sentences };
}

function isSpanList(x: unknown): boolean {
  return Array.isArray(x) && x.every((s) => s !== null && typeof s === 'object' && Number.isInteger((s as GoldSpan).start) && Number.isInteger((s as GoldSpan).end));
}

export function readQuad(sharedDir: string): QuadRecord[] | null {
  return readJsonl<QuadRecord>(join(sharedDir, 'eval', 'conflibert', 'quad.jsonl'), (r) => {
    const base = needsIdAndText(r);
    if (base !== null) return base;
    const q = r['quad'];
    return typeof q === 'number' && Number.isInteger(q) && q >= 0 && q <= 4 ? null : `record ${String(r['id'])}: "quad" must be 0, 1, 2, 3 or 4`;
  });
}

export function readRoles(sharedDir: string): RolesRecord[] | null {
  return readJsonl<RolesRecord>(join(sharedDir, 'eval', 'conflibert', 'roles.jsonl'), (r) => {
    const base = needsIdAndText(r);
    if (base !== null) return base;
    for (const k of ['source', 'target', 'trigger']) {
      if (!isSpanList(r[k])) return `record ${String(r['id'])}: "${k}" must be a list of {start, end} spans`;
    }
    return null;
  });
}

export interface ConfliScores<S> {
  parts: Record<EvalPart, S>;
  /** Misses of the tuning part (only when asked for). */
  misses: string[];
  seconds: number;
}

function codeSentence(text: string): CodedEvent[] {
  return codeSync(text, { date: null, detectTitle: false }).events;
}

function describe(e: CodedEvent | null): string {
  if (e === null) return 'no event';
  return `${e.cameo} "${e.trigger?.text ?? e.evidence.text}" (${e.source?.text ?? '-'} -> ${e.target?.text ?? '-'})`;
}

export function evalQuad(sharedDir: string, parts: SentenceParts, opts: { verbose?: boolean } = {}): ConfliScores<QuadScores> | null {
  const gold = readQuad(sharedDir);
  if (gold === null) return null;
  const typeOf = codebookTypes();
  const out: ConfliScores<QuadScores> = { parts: { tuning: emptyQuad(), check: emptyQuad() }, misses: [], seconds: 0 };
  const t0 = performance.now();
  for (const g of gold) {
    const part = parts.partOf(g.text);
    const first = firstEvent(codeSentence(g.text));
    const predicted = first === null ? 0 : eventClass(first, typeOf);
    addQuad(out.parts[part], g.quad, predicted);
    if (opts.verbose && part === 'tuning' && predicted !== g.quad) {
      out.misses.push(`quad   ${g.id}: want ${g.quad}, got ${predicted}: ${describe(first)}\n         ${g.text}`);
    }
  }
  out.seconds = (performance.now() - t0) / 1000;
  return out;
}

export function evalRoles(sharedDir: string, parts: SentenceParts, opts: { verbose?: boolean } = {}): ConfliScores<RolesScores> | null {
  const gold = readRoles(sharedDir);
  if (gold === null) return null;
  const out: ConfliScores<RolesScores> = { parts: { tuning: emptyRoles(), check: emptyRoles() }, misses: [], seconds: 0 };
  const t0 = performance.now();
  for (const g of gold) {
    if (g.source.length === 0 || g.target.length === 0) continue;
    const part = parts.partOf(g.text);
    const events = codeSentence(g.text);
    const o = scoreRoles(g, events);
    if (o === null) continue;
    addRoles(out.parts[part], o);
    if (opts.verbose && part === 'tuning' && (!o.found || o.correct < o.produced)) {
      const want = `${g.source.map((s) => s.text).join(' / ')} -> ${g.target.map((s) => s.text).join(' / ')}`;
      const got = events.filter((e) => !isStatementOrAppeal(e)).map(describe).join('; ') || 'no event';
      out.misses.push(`roles  ${g.id}: want ${want}; got ${got}\n         ${g.text}`);
    }
  }
  out.seconds = (performance.now() - t0) / 1000;
  return out;
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5) + '%';
}

export function formatQuad(s: ConfliScores<QuadScores>): string {
  const lines = [`ConfliBERT event class (quad.jsonl, ${s.seconds.toFixed(1)} s)`];
  lines.push('  part      sentences  accuracy  macro-F1   F1 per class 0 / 1 / 2 / 3 / 4');
  for (const part of ['tuning', 'check'] as const) {
    const r = s.parts[part];
    const m = quadMetrics(r);
    lines.push(`  ${part.padEnd(8)} ${String(r.records).padStart(10)}   ${pct(m.accuracy)}    ${m.macroF1.toFixed(3)}    ${m.perClass.map((c) => c.f1.toFixed(2)).join(' / ')}`);
  }
  return lines.join('\n');
}

export function formatRoles(s: ConfliScores<RolesScores>): string {
  const lines = [`ConfliBERT source/target attribution (roles.jsonl, sentences with both roles, ${s.seconds.toFixed(1)} s)`];
  lines.push('  part      sentences  events       P       R     F1  swapped  R with statements/appeals');
  for (const part of ['tuning', 'check'] as const) {
    const r = s.parts[part];
    const m = rolesMetrics(r);
    lines.push(`  ${part.padEnd(8)} ${String(r.sentences).padStart(10)} ${String(r.produced).padStart(7)}  ${pct(m.precision)} ${pct(m.recall)}  ${m.f1.toFixed(3)} ${String(r.swapped).padStart(8)}  ${pct(m.recallAny)}`);
  }
  return lines.join('\n');
}
