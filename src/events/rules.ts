/**
 * The event coder's rules, listed once per phase, in the order they run (src/events/coder.ts runs
 * the phases in this order too):
 *
 *   select    lexicon matches → the triggers to code (SELECT_RULES, folded over the candidates);
 *   content   a trigger that is the content of another act is rejected (CONTENT_RULES, first wins);
 *   modality  asserted, negated, future, hypothetical… (MODALITY_RULES, first verdict wins; the
 *             auxiliary window and the nominal tense scan tokens with AUXILIARY_CUES / VERB_CUES);
 *   bind      source and target (BIND_RULES, each fills what is still empty);
 *   recode    CAMEO conventions that change the code: intent, threat, demand (RECODE_RULES, in turn);
 *   pair      who with whom (PAIR_LIST_RULES), then per pair (PAIR_RULES);
 *   date      the event date (DATE_RULES, first wins);
 *   merge     one event, many mentions (MERGE_RULES, src/events/merge.ts).
 *
 * Each rule is `{ id, reason, apply }` in its own module under src/events/rules/<phase>/. An event
 * records the ids of the rules that decided it (`rules`); the published `rule` string is derived
 * from them (src/events/write.ts), never read back.
 */
import type { BindRule, ContentRule, CueRule, DateRule, MergeRule, ModalityRule, PairListRule, PairRule, RecodeRule, RuleBase, SelectRule } from './types.js';
import { lexiconTrigger } from './rules/select/lexicon-trigger.js';
import { headOffActor } from './rules/select/head-off-actor.js';
import { longestMatch } from './rules/select/longest-match.js';
import { outcomeMethod } from './rules/select/outcome-method.js';
import { contentOf } from './rules/content/content-of.js';
import { nominalComplement } from './rules/content/nominal-complement.js';
import { questionMark } from './rules/modality/question-mark.js';
import { auxiliaryWindow } from './rules/modality/auxiliary-window.js';
import { negator } from './rules/modality/negator.js';
import { future } from './rules/modality/future.js';
import { reportedWould } from './rules/modality/reported-would.js';
import { modal } from './rules/modality/modal.js';
import { negatingVerb } from './rules/modality/negating-verb.js';
import { goingTo } from './rules/modality/going-to.js';
import { intentGovernor } from './rules/modality/intent-governor.js';
import { protestPurpose } from './rules/modality/protest-purpose.js';
import { aspectual } from './rules/modality/aspectual.js';
import { infinitive } from './rules/modality/infinitive.js';
import { conditional } from './rules/modality/conditional.js';
import { relativeClause } from './rules/modality/relative-clause.js';
import { nominalTense } from './rules/modality/nominal-tense.js';
import { negatedVerb } from './rules/modality/negated-verb.js';
import { futureVerb } from './rules/modality/future-verb.js';
import { gerundAfter } from './rules/modality/gerund-after.js';
import { reducedRelative } from './rules/modality/reduced-relative.js';
import { lightVerb } from './rules/modality/light-verb.js';
import { attributiveParticiple } from './rules/modality/attributive-participle.js';
import { definiteNominal } from './rules/modality/definite-nominal.js';
import { bareNominal } from './rules/modality/bare-nominal.js';
import { historical } from './rules/modality/historical.js';
import { asserted } from './rules/modality/asserted.js';
import { slotSource } from './rules/bind/slot-source.js';
import { slotTarget } from './rules/bind/slot-target.js';
import { passive } from './rules/bind/passive.js';
import { passiveTarget } from './rules/bind/passive-target.js';
import { byAgent } from './rules/bind/by-agent.js';
import { nominalAgent } from './rules/bind/nominal-agent.js';
import { coordinatedVerb } from './rules/bind/coordinated-verb.js';
import { sharedSubject } from './rules/bind/shared-subject.js';
import { clauseSubject } from './rules/bind/clause-subject.js';
import { mainSubject } from './rules/bind/main-subject.js';
import { protestObject } from './rules/bind/protest-object.js';
import { protestLocus } from './rules/bind/protest-locus.js';
import { complementObject } from './rules/bind/complement-object.js';
import { forceLocus } from './rules/bind/force-locus.js';
import { intent } from './rules/recode/intent.js';
import { possibleThreat } from './rules/recode/possible-threat.js';
import { reportedObligation } from './rules/recode/reported-obligation.js';
import { coordination } from './rules/pair/coordination.js';
import { untargeted } from './rules/pair/untargeted.js';
import { reciprocal } from './rules/pair/reciprocal.js';
import { ownCountryPlace } from './rules/pair/own-country-place.js';
import { impliedHomeGovernment } from './rules/pair/implied-home-government.js';
import { impliedOwnCountry } from './rules/pair/implied-own-country.js';
import { needsSource } from './rules/pair/needs-source.js';
import { noSelfTarget } from './rules/pair/no-self-target.js';
import { clauseDate } from './rules/date/clause-date.js';
import { publicationDate } from './rules/date/publication-date.js';
import { mergeMentions } from './rules/merge/merge-mentions.js';
import { statedDate } from './rules/merge/stated-date.js';

export type EventRuleId =
  // select
  | 'lexicon-trigger'
  | 'head-off-actor'
  | 'longest-match'
  | 'outcome-method'
  // content
  | 'content-of'
  | 'nominal-complement'
  // modality
  | 'question-mark'
  | 'auxiliary-window'
  | 'negator'
  | 'future'
  | 'reported-would'
  | 'modal'
  | 'negating-verb'
  | 'going-to'
  | 'intent-governor'
  | 'protest-purpose'
  | 'aspectual'
  | 'infinitive'
  | 'conditional'
  | 'relative-clause'
  | 'nominal-tense'
  | 'negated-verb'
  | 'future-verb'
  | 'gerund-after'
  | 'reduced-relative'
  | 'light-verb'
  | 'attributive-participle'
  | 'definite-nominal'
  | 'bare-nominal'
  | 'historical'
  | 'asserted'
  // bind
  | 'slot-source'
  | 'slot-target'
  | 'passive'
  | 'passive-target'
  | 'by-agent'
  | 'nominal-agent'
  | 'coordinated-verb'
  | 'shared-subject'
  | 'clause-subject'
  | 'main-subject'
  | 'protest-object'
  | 'protest-locus'
  | 'complement-object'
  | 'force-locus'
  // recode
  | 'intent'
  | 'possible-threat'
  | 'reported-obligation'
  // pair
  | 'coordination'
  | 'untargeted'
  | 'reciprocal'
  | 'own-country-place'
  | 'implied-home-government'
  | 'implied-own-country'
  | 'needs-source'
  | 'no-self-target'
  // date
  | 'clause-date'
  | 'publication-date'
  // merge
  | 'merge-mentions'
  | 'stated-date';

export const SELECT_RULES: readonly SelectRule[] = [lexiconTrigger, headOffActor, longestMatch, outcomeMethod];
export const CONTENT_RULES: readonly ContentRule[] = [contentOf, nominalComplement];
/** Looked at on each token of the auxiliary window before the trigger, nearest token first. */
export const AUXILIARY_CUES: readonly CueRule[] = [negator, future, reportedWould, modal, negatingVerb, goingTo, intentGovernor, protestPurpose, aspectual, infinitive];
/** Looked at on each auxiliary before the verb that carries a nominal act. */
export const VERB_CUES: readonly CueRule[] = [negatedVerb, futureVerb];
export const MODALITY_RULES: readonly ModalityRule[] = [
  questionMark,
  auxiliaryWindow,
  conditional,
  relativeClause,
  nominalTense,
  gerundAfter,
  reducedRelative,
  lightVerb,
  attributiveParticiple,
  definiteNominal,
  bareNominal,
  historical,
  asserted,
];
export const BIND_RULES: readonly BindRule[] = [
  slotSource,
  slotTarget,
  passive,
  passiveTarget,
  byAgent,
  nominalAgent,
  coordinatedVerb,
  sharedSubject,
  clauseSubject,
  mainSubject,
  protestObject,
  protestLocus,
  complementObject,
  forceLocus,
];
export const RECODE_RULES: readonly RecodeRule[] = [intent, possibleThreat, reportedObligation];
export const PAIR_LIST_RULES: readonly PairListRule[] = [coordination, untargeted, reciprocal];
export const PAIR_RULES: readonly PairRule[] = [ownCountryPlace, impliedHomeGovernment, impliedOwnCountry, needsSource, noSelfTarget];
export const DATE_RULES: readonly DateRule[] = [clauseDate, publicationDate];
export const MERGE_RULES: readonly MergeRule[] = [mergeMentions, statedDate];

/** Every phase's list, by name. */
export const PHASE_LISTS = {
  select: SELECT_RULES,
  content: CONTENT_RULES,
  auxiliaryCues: AUXILIARY_CUES,
  verbCues: VERB_CUES,
  modality: MODALITY_RULES,
  bind: BIND_RULES,
  recode: RECODE_RULES,
  pairList: PAIR_LIST_RULES,
  pair: PAIR_RULES,
  date: DATE_RULES,
  merge: MERGE_RULES,
} as const;

/** Every rule, by id: the one registry (a test checks that each id is listed once and tested). */
export const EVENT_RULES: ReadonlyMap<EventRuleId, RuleBase & { label?: string; tag?: string }> = new Map(
  Object.values(PHASE_LISTS)
    .flat()
    .map((r: RuleBase & { label?: string; tag?: string }) => [r.id, r]),
);
