/**
 * The one document model every stage reads and adds to.
 *
 * Text is stored once (`text`); everything else is a span of character offsets into it
 * (`start` inclusive, `end` exclusive), so `text.slice(start, end)` is always the annotated text.
 * The public JSON contract of `dyad code` (see `contract.ts`) is a projection of this object.
 */

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

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  part: Part;
  /** Index of the paragraph (0 = title, 1 = standfirst when present, …). */
  paragraph: number;
}

/** A token, with offsets into `Doc.text`. */
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

/** An actor or place mention. */
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
  /** The dictionary entry id or rule that produced the mention. */
  rule: string;
  /** For people: the office held at the article's date. */
  office?: Office | null;
  /** Index of the entity this mention corefers to (the first full mention), if any. */
  ref?: number | null;
  sentence: number;
  /** Place fields (places stage). */
  lat?: number;
  lon?: number;
  geonameid?: number | null;
  featureClass?: string | null;
  confidence?: number;
}

export interface Quote extends Span {
  text: string;
  /** Index into Doc.entities of the speaker, or null. */
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
}

/** Non-events the coder saw and decided not to code (kept for explanation). */
export interface RejectedEvent {
  cameo: string;
  sentence: number;
  modality: Modality;
  rule: string;
  trigger: { start: number; end: number; text: string };
}

export interface Doc {
  meta: SourceMeta;
  title: string | null;
  standfirst: string | null;
  paragraphs: string[];
  captions: Caption[];
  dropped: Dropped[];
  /** Cleaned text: title, standfirst and paragraphs joined by blank lines. */
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  /** Per sentence: [first token, end token) into `tokens`. */
  sentenceTokens: Array<[number, number]>;
  entities: Entity[];
  quotes: Quote[];
  events: CodedEvent[];
  rejected: RejectedEvent[];
}

export function emptyDoc(meta: SourceMeta): Doc {
  return {
    meta,
    title: null,
    standfirst: null,
    paragraphs: [],
    captions: [],
    dropped: [],
    text: '',
    sentences: [],
    tokens: [],
    sentenceTokens: [],
    entities: [],
    quotes: [],
    events: [],
    rejected: [],
  };
}
