/**
 * events.code: who did what to whom, per sentence, as phases of registered rules
 * (src/events/rules.ts lists them, in order):
 *
 *   1. select   every lexicon pattern that matches, heads moved off actor names, the longest
 *               non-overlapping matches, outcome verbs recoded by their method;
 *   2. content  a trigger inside another act's content ("demanded that …") is rejected;
 *   3. modality asserted, negated, hypothetical, future, hoped-for, questioned, alleged,
 *               descriptive, historical: only asserted acts become events, the rest go to
 *               `doc.rejected` with the reason;
 *   4. bind     source = the clause subject (passives take the by-agent), target = the pattern's
 *               `$T` slot or the first actor after the trigger before the next verb;
 *   5. recode   CAMEO conventions: announced acts are intents, possible hostile acts threats,
 *               reported obligations demands;
 *   6. pair     coordinated actors give one event per pair; implied home targets;
 *   7. date     from the clause (time/dates.ts), else the publication date.
 *
 * The Doc is read only through src/events/view.ts and written only by src/events/write.ts.
 */
import type { Doc } from '../model/document.js';
import type { Resources } from '../resources.js';
import type { CodedEvent, RejectedEvent } from '../model/document.js';

/** What the coder reads of the resources: actor dictionaries, codebook, lexicon and their version. */
export type CoderResources = Pick<Resources, 'actors' | 'codebook' | 'lexicon' | 'version'>;
import type { DateMention } from '../time/dates.js';
import { BIND_RULES, CONTENT_RULES, DATE_RULES, MODALITY_RULES, PAIR_LIST_RULES, PAIR_RULES, RECODE_RULES, SELECT_RULES, type EventRuleId } from './rules.js';
import { isFutureClause } from './syntax.js';
import type { BindState, Candidate, DateChoice, ModalityCtx, Pair, PairCtx, PairList, RecodeState, Verdict } from './types.js';
import { actorOut, clauseStart, indexDoc, sentenceView, tokenAtOffset, triggerSpan, type Mention, type SentenceView } from './view.js';
import { writeCoded, type CodedSentence, type EventDraft, type Span3 } from './write.js';

export { intentCode } from './classes.js';

const datesCache = new WeakMap<SentenceView, DateMention[]>();

/** The sentence's date mentions, found once per sentence (the first trigger to ask resolves tense). */
function datesOf(v: SentenceView, head: number): DateMention[] {
  let ds = datesCache.get(v);
  if (ds === undefined) {
    ds = v.index.datesOf(v.s, (offset) => isFutureClause(v, tokenAtOffset(v, v.sentence.start + offset) ?? head));
    datesCache.set(v, ds);
  }
  return ds;
}

function select(v: SentenceView, res: CoderResources): Candidate[] {
  let found: Candidate[] = [];
  for (const rule of SELECT_RULES) {
    found = rule.apply(v, found, res.lexicon);
    if (found.length === 0) break;
  }
  return found;
}

function decideModality(ctx: ModalityCtx): Verdict {
  for (const rule of MODALITY_RULES) {
    const verdict = rule.apply(ctx);
    if (verdict) return verdict;
  }
  // The last modality rule (asserted) always decides: the list in rules.ts is broken otherwise.
  throw new Error('events: no modality rule decided (MODALITY_RULES must end with asserted)');
}

function bind(v: SentenceView, c: Candidate, rules: EventRuleId[]): BindState {
  let b: BindState = { source: null, target: null, passive: false, coordinatedVerb: null };
  for (const rule of BIND_RULES) {
    const r = rule.apply({ v, c, head: c.m.head }, b);
    if (!r) continue;
    b = { ...b, ...r };
    rules.push(rule.id);
  }
  return b;
}

function recode(v: SentenceView, c: Candidate, res: CoderResources, start: RecodeState, rules: EventRuleId[]): RecodeState {
  let s = start;
  for (const rule of RECODE_RULES) {
    const r = rule.apply({ v, c, head: c.m.head, codebook: res.codebook }, s);
    if (!r) continue;
    s = { ...s, ...r };
    rules.push(rule.id);
  }
  return s;
}

function eventDate(v: SentenceView, head: number, dates: readonly DateMention[], rules: EventRuleId[]): DateChoice {
  for (const rule of DATE_RULES) {
    const d = rule.apply(v, head, dates);
    if (d) {
      rules.push(rule.id);
      return d;
    }
  }
  return { date: null, dateRule: null, dateText: null };
}

/** Who with whom: the pair-list rules, then every source with every target unless one paired otherwise. */
function pairList(ctx: PairCtx, s: RecodeState, rules: EventRuleId[]): ReadonlyArray<readonly [Mention | null, Mention | null]> {
  const v = ctx.v;
  const at = (k: number | null) => (k === null ? null : v.actorAt[k - v.t0] ?? null);
  let p: PairList = { sources: [at(s.source)], targets: [at(s.target)], pairs: null };
  for (const rule of PAIR_LIST_RULES) {
    const r = rule.apply(ctx, p, s);
    if (!r) continue;
    p = { ...p, ...r };
    rules.push(rule.id);
  }
  if (p.pairs) return p.pairs;
  const pairs: Array<[Mention | null, Mention | null]> = [];
  for (const a of p.sources) for (const b of p.targets) pairs.push([a, b]);
  return pairs;
}

/** One pair through the per-pair rules: the pair to code and the rules that shaped it, or null. */
function refinePair(ctx: PairCtx, source: Mention | null, target: Mention | null): { pair: Pair; rules: EventRuleId[] } | null {
  let pair: Pair = { source, target, implied: null };
  const rules: EventRuleId[] = [];
  for (const rule of PAIR_RULES) {
    const r = rule.apply(ctx, pair);
    if (r === null) continue;
    rules.push(rule.id);
    if (r === 'drop') return null;
    pair = { ...pair, ...r };
  }
  return { pair, rules };
}

function evidence(v: SentenceView, trigger: Span3, a: Mention | null, b: Mention | null): Span3 {
  const parts = [trigger.start, trigger.end];
  if (a) parts.push(a.start, a.end);
  if (b) parts.push(b.start, b.end);
  const start = Math.max(v.sentence.start, Math.min(...parts));
  const end = Math.min(v.sentence.end, Math.max(...parts));
  return { start, end, text: v.text.slice(start, end) };
}

interface Coding {
  v: SentenceView;
  c: Candidate;
  trigger: Span3;
  verdict: Verdict;
  passive: boolean;
  dates: readonly DateMention[];
}

/** The events of one asserted, recoded candidate: one per pair the pair rules keep. */
function eventsOf(k: Coding, s: RecodeState, rules: EventRuleId[], res: CoderResources): EventDraft[] {
  const { v, c, trigger } = k;
  const countryName = (iso3: string) => res.actors.countries.get(iso3)?.name ?? iso3;
  const ctx: PairCtx = { v, c, code: s.code, passive: k.passive, rules, trigger, countryName };
  const pairs = pairList(ctx, s, rules);
  const date = eventDate(v, c.m.head, k.dates, rules);
  const out: EventDraft[] = [];
  for (const [a, b] of pairs) {
    const refined = refinePair(ctx, a, b);
    if (!refined) continue;
    const { pair } = refined;
    const inferredTarget = pair.implied === null ? null : pair.implied.role === 'GOV' ? 'home-government' : 'own-country';
    out.push({
      sentence: v.s,
      source: pair.source ? actorOut(v, pair.source) : null,
      target: pair.target ? actorOut(v, pair.target) : pair.implied,
      code: s.code,
      evidence: evidence(v, trigger, pair.source, pair.target),
      trigger,
      date,
      rules: [...rules, ...refined.rules],
      facts: { pattern: c.entry.id, lexiconCode: c.entry.code, passive: k.passive, modality: k.verdict.modality, cue: k.verdict.cue, recodedFrom: s.code.code === (c.code ?? c.entry.code) ? null : c.code ?? c.entry.code, inferredTarget },
    });
  }
  return out;
}

/** Modality, binding, recoding, pairing and dating of one selected candidate. */
function codeCandidate(v: SentenceView, c: Candidate, selected: readonly Candidate[], res: CoderResources, pubYear: number | null, out: CodedSentence): void {
  const trigger = triggerSpan(v, c.m);
  const facts = { pattern: c.entry.id, lexiconCode: c.entry.code };
  for (const rule of CONTENT_RULES) {
    const r = rule.apply(v, c, selected);
    if (!r) continue;
    out.rejected.push({ sentence: v.s, cameo: c.entry.code, modality: r.modality, trigger, decidedBy: rule.id, rules: [...c.rules, rule.id], facts: { ...facts, cue: r.cue } });
    return;
  }
  const head = c.m.head;
  const dates = datesOf(v, head);
  const first = Math.min(c.m.start, head);
  const verdict = decideModality({ v, c, head, h: v.tokens[head]!, first, cStart: clauseStart(v, head), dates, pubYear });
  const rules: EventRuleId[] = [...c.rules, verdict.rule];
  const b = bind(v, c, rules);
  const code = res.codebook.get(c.code ?? c.entry.code);
  if (!code) return;
  const s = recode(v, c, res, { code, verdict, source: b.source, target: b.target }, rules);
  if (s.verdict.modality !== 'asserted') {
    out.rejected.push({ sentence: v.s, cameo: s.code.code, modality: s.verdict.modality, trigger, decidedBy: verdict.rule, rules, facts: { ...facts, cue: verdict.cue } });
    return;
  }
  out.events.push(...eventsOf({ v, c, trigger, verdict, passive: b.passive, dates }, s, rules, res));
}

function codeSentence(v: SentenceView, res: CoderResources, pubYear: number | null): CodedSentence {
  const out: CodedSentence = { events: [], rejected: [] };
  const selected = select(v, res);
  for (const c of selected) codeCandidate(v, c, selected, res, pubYear, out);
  return out;
}

export function codeEvents(doc: Doc, res: CoderResources): { events: CodedEvent[]; rejected: RejectedEvent[] } {
  const ix = indexDoc(doc);
  const pubYear = ix.pubDate ? Number(ix.pubDate.slice(0, 4)) : null;
  const coded: CodedSentence[] = [];
  for (let s = 0; s < ix.sentences.length; s++) coded.push(codeSentence(sentenceView(ix, s), res, pubYear));
  return writeCoded(ix, coded, res.version);
}
