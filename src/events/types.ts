/**
 * The types the coder's phases pass along. A rule is `{ id, reason, apply }`: `apply` is a pure
 * function of the sentence view and the phase's state that returns a decision (or null when the
 * rule does not apply); the phase runner folds the decisions and records the ids of the rules
 * that decided. Only src/events/write.ts writes to the Doc.
 */
import type { Actor, CodedEvent, Modality, Token } from '../model/document.js';
import type { CodebookEntry } from './codebook.js';
import type { Lexicon, Match, PatternEntry } from './lexicon.js';
import type { DateMention } from '../time/dates.js';
import type { EventRuleId } from './rules.js';
import type { Mention, SentenceView } from './view.js';

export interface RuleBase<Id extends EventRuleId = EventRuleId> {
  id: Id;
  /** Why the rule holds: the fact about English or CAMEO it encodes. */
  reason: string;
}

/** A lexicon match the select phase keeps. */
export interface Candidate {
  readonly entry: PatternEntry;
  readonly m: Match;
  /** A more specific code from a nominal in the same clause ("killed … in a car bombing"). */
  readonly code: string | null;
  readonly rules: readonly EventRuleId[];
}

export interface SelectRule extends RuleBase {
  apply(v: SentenceView, found: readonly Candidate[], lex: Lexicon): Candidate[];
}

/** A trigger that is the content of another act ("demanded that …"): rejected before binding. */
export interface ContentVerdict {
  modality: Modality;
  rule: EventRuleId;
  /** The pattern id of the containing act, for content-of. */
  cue: string | null;
}

export interface ContentRule extends RuleBase {
  /** The published label ("modality/content-of"). */
  label: string;
  apply(v: SentenceView, c: Candidate, selected: readonly Candidate[]): ContentVerdict | null;
}

/** What the modality phase looks at for one candidate. */
export interface ModalityCtx {
  readonly v: SentenceView;
  readonly c: Candidate;
  readonly head: number;
  readonly h: Token;
  /** The first token of the match or its head, whichever comes first. */
  readonly first: number;
  readonly cStart: number;
  readonly dates: readonly DateMention[];
  readonly pubYear: number | null;
}

export interface Verdict {
  modality: Modality;
  rule: EventRuleId;
  /** The word (or date text) the rule keyed on, published after the label ("modality/negator:not"). */
  cue: string | null;
}

export interface ModalityRule extends RuleBase {
  label: string;
  apply(ctx: ModalityCtx): Verdict | null;
}

/**
 * A cue rule looks at one token `j` of a window before the trigger: a verdict decides, 'stop'
 * ends the window scan with no verdict, null lets the next cue look.
 */
export interface CueRule extends RuleBase {
  label: string;
  apply(ctx: ModalityCtx, j: number): Verdict | 'stop' | null;
}

export interface BindCtx {
  readonly v: SentenceView;
  readonly c: Candidate;
  readonly head: number;
}

export interface BindState {
  readonly source: number | null;
  readonly target: number | null;
  readonly passive: boolean;
  /** The verb this one is coordinated with ("X killed A and wounded B"), whose subject it shares. */
  readonly coordinatedVerb: number | null;
}

export interface BindRule extends RuleBase {
  /** Appended to the published rule string when the rule fires ("+passive"). */
  tag?: string;
  apply(ctx: BindCtx, b: BindState): Partial<BindState> | null;
}

export interface RecodeCtx {
  readonly v: SentenceView;
  readonly c: Candidate;
  readonly head: number;
  readonly codebook: ReadonlyMap<string, CodebookEntry>;
}

export interface RecodeState {
  readonly code: CodebookEntry;
  readonly verdict: Verdict;
  readonly source: number | null;
  readonly target: number | null;
}

export interface RecodeRule extends RuleBase {
  /** The published tag, named after the code the lexicon gave ("+intent(" + code + ")"). */
  tag: string;
  apply(ctx: RecodeCtx, s: RecodeState): Partial<RecodeState> | null;
}

export interface PairCtx {
  readonly v: SentenceView;
  readonly c: Candidate;
  readonly code: CodebookEntry;
  readonly passive: boolean;
  readonly rules: readonly EventRuleId[];
  readonly trigger: { start: number; end: number };
  readonly countryName: (iso3: string) => string;
}

export interface PairList {
  readonly sources: ReadonlyArray<Mention | null>;
  readonly targets: ReadonlyArray<Mention | null>;
  /** Set by a rule that pairs otherwise than every source with every target. */
  readonly pairs: ReadonlyArray<readonly [Mention | null, Mention | null]> | null;
}

export interface PairListRule extends RuleBase {
  apply(ctx: PairCtx, p: PairList, b: { source: number | null; target: number | null }): Partial<PairList> | null;
}

export interface Pair {
  readonly source: Mention | null;
  readonly target: Mention | null;
  /** A target no text names, implied by CAMEO practice. */
  readonly implied: Actor | null;
}

export interface PairRule extends RuleBase {
  tag?: string;
  /** A changed pair, 'drop' to code nothing for it, or null. */
  apply(ctx: PairCtx, p: Pair): Partial<Pair> | 'drop' | null;
}

export interface DateChoice {
  date: string | null;
  dateRule: string | null;
  dateText: string | null;
}

export interface DateRule extends RuleBase {
  apply(v: SentenceView, head: number, dates: readonly DateMention[]): DateChoice | null;
}

export interface MergeRule extends RuleBase {
  /** What merging mention `e` into the first event `first` changes in it, or null. */
  apply(first: Readonly<CodedEvent>, e: Readonly<CodedEvent>): Partial<CodedEvent> | null;
}

/** The typed facts the phases decided about an event (what later stages and explanations read). */
export interface EventFacts {
  /** The lexicon pattern that matched and the code it gives. */
  pattern: string;
  lexiconCode: string;
  passive: boolean;
  /** The modality the text gives, before a CAMEO convention recoded it (an announced act coded as intent keeps 'future'). */
  modality: Modality;
  /** The word (or date) the modality rule keyed on. */
  cue: string | null;
  /** The code before a convention recoded the act (intent, threat, demand), or null. */
  recodedFrom: string | null;
  /** A target no text names, implied by CAMEO practice. */
  inferredTarget: 'home-government' | 'own-country' | null;
}

/** The facts of a trigger the coder rejected. */
export interface RejectedFacts {
  pattern: string;
  lexiconCode: string;
  cue: string | null;
}
