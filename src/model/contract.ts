/**
 * The JSON contract of `dyad code` and of `code()` (see README, "Output schema").
 * Field names here are stable: extend, never rename or drop without a migration note.
 */
import type { Dateline } from '../text/dateline.js';
import type { Caption, CodedEvent, Doc, Dropped, Entity, Modality, RejectedEvent } from './document.js';
import { entityIndex } from './entities.js';

export const CONTRACT_VERSION = '1.0';

export interface ContractEntity {
  text: string;
  start: number;
  end: number;
  type: string;
  code: string | null;
  country: string | null;
  role: string | null;
  name: string | null;
  rule: string;
  sentence: number;
  office?: { title: string; code: string; from: string | null; until: string | null } | null;
  /** Index (in `entities`) of the mention this one refers back to. */
  ref?: number | null;
  lat?: number;
  lon?: number;
  geonameid?: number | null;
  featureClass?: string | null;
  confidence?: number;
}

export interface ContractQuote {
  text: string;
  start: number;
  end: number;
  speaker: ContractEntity | null;
  rule: string;
}

export interface CodedDocument {
  version: string;
  document: {
    title: string | null;
    date: string | null;
    url: string | null;
    outlet: string | null;
    language: string;
    standfirst: string | null;
    text: string;
    captions: Caption[];
    dropped: Dropped[];
    /** Extension: the dateline that opened the body ("PORT SUDAN, June 11, 2024 -"), removed from the coded text; present only when there is one. */
    dateline?: Dateline | null;
  };
  sentences: Array<{ index: number; start: number; end: number; text: string; part: string }>;
  entities: ContractEntity[];
  quotes: ContractQuote[];
  events: CodedEvent[];
  /** Acts the coder saw but did not code (negated, hoped-for, …), with the reason. */
  nonEvents: Array<RejectedEvent & { modality: Modality }>;
}

function entityOut(e: Entity): ContractEntity {
  const out: ContractEntity = {
    text: e.text,
    start: e.start,
    end: e.end,
    type: e.type,
    code: e.code,
    country: e.country,
    role: e.role,
    name: e.name,
    rule: e.rule,
    sentence: e.sentence,
  };
  if (e.office !== undefined) out.office = e.office;
  if (e.ref !== undefined && e.ref !== null) out.ref = e.ref;
  if (e.lat !== undefined) {
    out.lat = e.lat;
    out.lon = e.lon;
    out.geonameid = e.geonameid ?? null;
    out.featureClass = e.featureClass ?? null;
    out.confidence = e.confidence;
  }
  return out;
}

/** The events with their locations (layer `eventLocations`). */
function eventsOut(doc: Doc): CodedEvent[] {
  const { events, eventLocations } = doc.layers;
  return events.map((e, i) => (eventLocations[i] === undefined ? e : { ...e, location: eventLocations[i] }));
}

export function toContract(doc: Doc): CodedDocument {
  const { article, text } = doc.layers;
  const entities = entityIndex(doc).entities.map(entityOut);
  return {
    version: CONTRACT_VERSION,
    document: {
      title: article.title,
      date: doc.meta.date,
      url: doc.meta.url,
      outlet: doc.meta.outlet,
      language: doc.meta.language,
      standfirst: article.standfirst,
      text,
      captions: [...article.captions],
      dropped: [...article.dropped, ...doc.layers.textNotes],
      ...(article.dateline ? { dateline: article.dateline } : {}),
    },
    sentences: doc.layers.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: s.text, part: s.part })),
    entities,
    quotes: doc.layers.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      speaker: q.speaker === null ? null : (entities[q.speaker] ?? null),
      rule: q.rule,
    })),
    events: eventsOut(doc),
    nonEvents: [...doc.layers.nonEvents],
  };
}
