/**
 * The one document model every stage reads and adds to.
 *
 * Text is stored once (`text`); everything else is a span of character offsets into it
 * (`start` inclusive, `end` exclusive), so `text.slice(start, end)` is always the annotated text.
 * The public JSON contract of `dyad code` (see `contract.ts`) is a projection of this object.
 */
import type { ActorRuleId } from '../actors/rules.js';

import type { EventRuleId } from '../events/rules.js';
import type { Dateline } from '../text/dateline.js';
import type { EventFacts, RejectedFacts } from '../events/types.js';

/** Where an article came from. */
export interface SourceMeta {
  url: string | null;
  outlet: string | null;
  /** Publication date, YYYY-MM-DD, the reference for relative dates. */
  date: string | null;
  language: string;
}

export interface Caption {
  text: string;
  credit: string | null;
}

/** Kinds of scraper debris that cleaning keeps out of the body (recorded, never silently lost). */
export type DroppedKind =
  | 'repeated-headline'
  | 'reading-time'
  | 'byline'
  | 'dateline'
  | 'read-more'
  | 'social-footer'
  | 'newsletter'
  | 'advert'
  | 'copyright'
  | 'empty'
  | 'boilerplate'
  /** A `rel=canonical` URL on another site: recorded, not taken as the article's identity. */
  | 'foreign-canonical'
  /** A sentence too long to code whole, split at clause boundaries (src/text/limits.ts). */
  | 'split-sentence';

export interface Dropped {
  kind: DroppedKind;
  text: string;
}

/** Which part of the article a sentence belongs to. */
export type Part = 'title' | 'standfirst' | 'body';

/** A range of token indexes into `layers.tokens` (`end` exclusive), as wink-nlp's spans. */
export interface TokenRange {
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  part: Part;
  /** Index of the paragraph (0 = title, 1 = standfirst when present, …). */
  paragraph: number;
  /** The sentence's tokens. */
  range: TokenRange;
}

/** A token, with offsets into the document's text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased surface form. */
  norm: string;
  lemma: string;
  /** Universal POS tag from the tagger (NOUN, VERB, PROPN, AUX, …). */
  pos: string;
  sentence: number;
}

export interface Span {
  start: number;
  end: number;
}

/** An office a person held at the article's date. */
export interface Office {
  title: string;
  code: string;
  from: string | null;
  until: string | null;
}

export type EntityType = 'country' | 'government' | 'person' | 'organization' | 'group' | 'igo' | 'place' | 'other';

/**
 * An actor or place mention as published (`entities` of the contract) and as the event coder
 * reads it: actors resolved through coreference and context, places in the same list, text order.
 * Built once per document from the layers (src/model/entities.ts); never stored in a layer.
 */
export interface Entity extends Span {
  text: string;
  type: EntityType;
  /** CAMEO actor code (FRAGOV, TURMIL, IGOEUREEC…) or null for places. */
  code: string | null;
  /** ISO 3166-1 alpha-3, or null (IGOs, unknown). */
  country: string | null;
  /** CAMEO role/sector (GOV, MIL, COP…) or null. */
  role: string | null;
  /** Canonical name of the actor ("France", "Jean-Yves Le Drian"). */
  name: string | null;
  /** The rules that produced the mention, as published (derived from typed rule ids). */
  rule: string;
  /** For people: the office held at the article's date. */
  office?: Office | null;
  /** Index of the entity this mention corefers to (the first full mention), if any. */
  ref?: number | null;
  sentence: number;
  /** The mention's tokens. */
  range: TokenRange;
  /** Typed fact: the country was inferred from the sentence or article, not named. */
  inferredCountry?: boolean;
  /** Typed fact (places): how large the place is. */
  placeLevel?: PlaceLevel;
  /** Place fields (places stage). */
  lat?: number;
  lon?: number;
  geonameid?: number | null;
  featureClass?: string | null;
  confidence?: number;
}

/** How large a place is: event location skips countries, which name actors far more often. */
export type PlaceLevel = 'country' | 'region' | 'admin1' | 'admin2' | 'city' | 'feature';

/** One actor mention as `actors.match` finds and composes it (before context and coreference). */
export interface ActorMention extends Span {
  readonly range: TokenRange;
  readonly text: string;
  readonly sentence: number;
  readonly type: EntityType;
  readonly code: string | null;
  readonly country: string | null;
  readonly role: string | null;
  readonly name: string | null;
  readonly office?: Office | null;
  /** The match and compose rules that made it, in order (ids of src/actors/rules.ts). */
  readonly rules: readonly ActorRuleId[];
}

/** What `actors.resolve` adds to one actor mention: a context country and/or an antecedent. */
export interface ActorLink {
  /** Country inferred from the sentence or the article (context rules), or null. */
  readonly country: string | null;
  /** Index (into `layers.actors`) of the first full mention this one refers to, or null. */
  readonly ref: number | null;
  /** The context and coreference rules that fired, in order. */
  readonly rules: readonly ActorRuleId[];
}

/** A mention only coreference finds (a surname, a pronoun), with its antecedent. */
export interface CorefMention extends Span {
  readonly range: TokenRange;
  readonly text: string;
  readonly sentence: number;
  /** Index into `layers.actors` of the antecedent. */
  readonly ref: number;
  readonly rules: readonly ActorRuleId[];
}

/** The `actorLinks` layer: one link per actor mention, and the mentions coreference adds. */
export interface ActorLinks {
  readonly links: readonly ActorLink[];
  readonly added: readonly CorefMention[];
}

/** A place mention (`places.find`), every one `findPlaces` returns, with its tokens. */
export interface PlaceAnnotation extends Span {
  readonly range: TokenRange;
  readonly text: string;
  readonly sentence: number;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly country: string | null;
  readonly geonameid: number | null;
  readonly featureClass: string | null;
  readonly confidence: number;
  readonly level: PlaceLevel;
  /** The places rule that resolved it, as published. */
  readonly rule: string;
}

/** A date expression (`dates.find`), with both readings of a bare weekday. */
export interface DateAnnotation extends Span {
  readonly range: TokenRange;
  readonly text: string;
  readonly sentence: number;
  /** Resolved day (the past reading for a bare weekday), or null for periods. */
  readonly date: string | null;
  readonly year: number | null;
  readonly rule: string;
  /** A bare weekday ("on Monday"): the last such day and the next one; the coder picks by tense. */
  readonly weekday: { readonly last: string; readonly next: string } | null;
}

export interface Quote extends Span {
  text: string;
  /** Index into the published entities of the speaker, or null. */
  speaker: number | null;
  rule: string;
}

/** What a text says about whether an event happened. */
export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'hoped' | 'questioned' | 'future' | 'historical' | 'alleged' | 'descriptive';

export interface Actor extends Span {
  code: string;
  country: string | null;
  role: string | null;
  name: string | null;
  text: string;
  /** Index into Doc.entities (-1 for an implied actor). */
  entity: number;
  /** True when the actor is implied by a coding rule, not named in the text (then text is ''). */
  implied?: boolean;
}

export interface EventLocation {
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  geonameid: number | null;
  rule: string;
  start: number | null;
  end: number | null;
}

export interface CodedEvent {
  id: string;
  date: string | null;
  source: Actor | null;
  target: Actor | null;
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: { event: string; mode: string | null };
  sentence: number;
  evidence: { start: number; end: number; text: string };
  mentions: number;
  /** Extensions beyond the foundation contract (optional, additive). */
  modality?: Modality;
  rule?: string;
  trigger?: { start: number; end: number; text: string };
  dateRule?: string | null;
  dateText?: string | null;
  /** Every sentence that reported this event (the first is `sentence`). */
  sentences?: number[];
  location?: EventLocation | null;
  lexiconVersion?: string;
  /** The coder rules that decided the event, in the order they ran (src/events/rules.ts). */
  rules?: EventRuleId[];
  /** Typed facts the coder's phases decided (passive, modality, recoding, implied target). */
  facts?: EventFacts;
}

/** Non-events the coder saw and decided not to code (kept for explanation). */
export interface RejectedEvent {
  cameo: string;
  sentence: number;
  modality: Modality;
  rule: string;
  trigger: { start: number; end: number; text: string };
  /** The coder rules that decided the rejection, in order. */
  rules?: EventRuleId[];
  facts?: RejectedFacts;
}

/** The cleaned article (`text.clean`). */
export interface Article {
  readonly title: string | null;
  readonly standfirst: string | null;
  readonly paragraphs: readonly string[];
  readonly captions: readonly Caption[];
  readonly dropped: readonly Dropped[];
  /** The dateline that opened the body ("KYIV (AP) —"), removed from it; absent or null when none. */
  readonly dateline?: Dateline | null;
}

/**
 * The named layers of a document. Each is assigned by exactly one stage (src/pipeline.ts lists
 * which) and read-only to every later stage.
 */
export interface Layers {
  readonly article: Article;
  /** Cleaned text: title, standfirst and paragraphs joined by blank lines. */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly actors: readonly ActorMention[];
  readonly places: readonly PlaceAnnotation[];
  readonly actorLinks: ActorLinks;
  readonly quotes: readonly Quote[];
  readonly dates: readonly DateAnnotation[];
  readonly events: readonly CodedEvent[];
  readonly nonEvents: readonly RejectedEvent[];
  /** Per event (same index as `events`): where it happened, or null. */
  readonly eventLocations: readonly (EventLocation | null)[];
  /** What the work budget changed in the text (over-long sentences split), written by text.analyse. */
  readonly textNotes: readonly Dropped[];
}

export type LayerName = keyof Layers;

export interface Doc {
  readonly meta: SourceMeta;
  readonly layers: Layers;
}

export function emptyLayers(): Layers {
  return {
    article: { title: null, standfirst: null, paragraphs: [], captions: [], dropped: [] },
    text: '',
    tokens: [],
    sentences: [],
    actors: [],
    places: [],
    actorLinks: { links: [], added: [] },
    quotes: [],
    dates: [],
    events: [],
    nonEvents: [],
    eventLocations: [],
    textNotes: [],
  };
}

export function emptyDoc(meta: SourceMeta): Doc {
  return { meta, layers: emptyLayers() };
}
