/**
 * The coder's one writer: the phases return decisions (drafts); this module turns them into the
 * published `CodedEvent` / `RejectedEvent` records and is the only code in src/events that writes
 * to the Doc. The published `rule` string is derived here from the rule ids and facts, the same
 * string as before rules were registered units: `<pattern>[+tag…]` for an event,
 * `<pattern>; modality/<label>[:<cue>]` for a rejection.
 */
import { createHash } from 'node:crypto';
import type { Actor, CodedEvent, Modality, RejectedEvent } from '../model/document.js';
import type { CodebookEntry } from './codebook.js';
import { EVENT_RULES, RECODE_RULES, type EventRuleId } from './rules.js';
import type { DateChoice, EventFacts, RejectedFacts } from './types.js';
import type { DocIndex } from './view.js';

export interface Span3 {
  start: number;
  end: number;
  text: string;
}

export interface EventDraft {
  sentence: number;
  source: Actor | null;
  target: Actor | null;
  code: CodebookEntry;
  evidence: Span3;
  trigger: Span3;
  date: DateChoice;
  rules: EventRuleId[];
  facts: EventFacts;
}

export interface RejectedDraft {
  sentence: number;
  cameo: string;
  modality: Modality;
  trigger: Span3;
  /** The rule that decided the modality (its label is published). */
  decidedBy: EventRuleId;
  rules: EventRuleId[];
  facts: RejectedFacts;
}

export interface CodedSentence {
  events: EventDraft[];
  rejected: RejectedDraft[];
}

const RECODES = new Set<EventRuleId>(RECODE_RULES.map((r) => r.id));

/** The published rule string of an event: the pattern id, then the tags of the rules that fired. */
export function eventRuleString(rules: readonly EventRuleId[], facts: Pick<EventFacts, 'pattern' | 'lexiconCode'>): string {
  let out = facts.pattern;
  for (const id of rules) {
    const tag = EVENT_RULES.get(id)?.tag;
    if (tag === undefined) continue;
    out += RECODES.has(id) ? `+${tag}(${facts.lexiconCode})` : tag;
  }
  return out;
}

/** The published rule string of a rejection: the pattern id and the modality rule's label and cue. */
export function rejectedRuleString(decidedBy: EventRuleId, facts: RejectedFacts): string {
  const label = EVENT_RULES.get(decidedBy)?.label ?? decidedBy;
  return `${facts.pattern}; ${label}${facts.cue === null ? '' : ':' + facts.cue}`;
}

function hashId(...parts: Array<string | number>): string {
  return createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 16);
}

/** The coded sentences as published records, in order; event ids count from 0 per document. */
export function writeCoded(ix: DocIndex, coded: readonly CodedSentence[], lexiconVersion: string): { events: CodedEvent[]; rejected: RejectedEvent[] } {
  const docKey = hashId(ix.url ?? '', ix.text.length, ix.text.slice(0, 200));
  const out: { events: CodedEvent[]; rejected: RejectedEvent[] } = { events: [], rejected: [] };
  let n = 0;
  for (const cs of coded) {
    for (const r of cs.rejected) out.rejected.push(rejectedOut(r));
    for (const d of cs.events) out.events.push(eventOut(d, `${docKey}-${n++}`, lexiconVersion));
  }
  return out;
}

function rejectedOut(r: RejectedDraft): RejectedEvent {
  return { cameo: r.cameo, sentence: r.sentence, modality: r.modality, rule: rejectedRuleString(r.decidedBy, r.facts), trigger: r.trigger, rules: r.rules, facts: r.facts };
}

function eventOut(d: EventDraft, id: string, lexiconVersion: string): CodedEvent {
  const { code } = d;
  return {
    id,
    date: d.date.date,
    source: d.source,
    target: d.target,
    cameo: code.code,
    root: code.root,
    quadClass: code.quadClass,
    goldstein: code.goldstein,
    plover: { event: code.plover.event, mode: code.plover.mode },
    sentence: d.sentence,
    evidence: d.evidence,
    mentions: 1,
    modality: 'asserted',
    rule: eventRuleString(d.rules, d.facts),
    trigger: d.trigger,
    dateRule: d.date.dateRule,
    dateText: d.date.dateText,
    sentences: [d.sentence],
    lexiconVersion,
    rules: d.rules,
    facts: d.facts,
  };
}

