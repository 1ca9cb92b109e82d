/**
 * The published entities, projected once per document from the layers: actor mentions resolved
 * through their links (context country, coreference antecedent), the mentions coreference adds,
 * and the place mentions that are not an acting country — all in text order, with per-sentence
 * indexes so no reader scans the whole document per sentence.
 */
import type { ActorMention, Doc, Entity, PlaceAnnotation } from './document.js';
import { ACTOR_RULES, ruleString } from '../actors/rules.js';

/** A place name just after one of these is a place even when it names a country ("troops in Syria"). */
const LOCATIVE = /\b(?:in|at|near|outside|inside|across|around|throughout|from|into|to|of|via|over)\s+(?:the\s+)?$/;

const keptCache = new WeakMap<readonly PlaceAnnotation[], readonly PlaceAnnotation[]>();

/**
 * The place mentions published as entities: all of them except a span that is also a country or
 * government actor with no locative before it ("France accused…" is an actor, not a place of
 * action). The places layer keeps them all.
 */
export function publishedPlaces(doc: Doc): readonly PlaceAnnotation[] {
  const places = doc.layers.places;
  const hit = keptCache.get(places);
  if (hit) return hit;
  const acting = new Set<string>();
  for (const e of doc.layers.actors) if (e.type === 'country' || e.type === 'government') acting.add(`${e.start}:${e.end}`);
  const kept = places.filter((p) => {
    if (!acting.has(`${p.start}:${p.end}`)) return true;
    const before = doc.layers.text.slice(Math.max(0, p.start - 12), p.start).toLowerCase();
    return LOCATIVE.test(before);
  });
  keptCache.set(places, kept);
  return kept;
}

/** Stable text order of mentions: by start, longer first. */
export function byTextOrder<T extends { start: number; end: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.start - b.start || b.end - a.end);
}

export interface EntityIndex {
  /** The published entities, text order. */
  readonly entities: readonly Entity[];
  /** Per sentence: its entities, text order. */
  readonly bySentence: readonly (readonly Entity[])[];
  /** Published index of each entity object. */
  readonly indexOf: ReadonlyMap<Entity, number>;
}

const cache = new WeakMap<object, EntityIndex>();

function actorBase(a: ActorMention, country: string | null): Omit<Entity, 'rule' | 'ref' | 'start' | 'end' | 'text' | 'sentence' | 'range'> {
  const inferred = country !== null && a.country === null;
  const out: Omit<Entity, 'rule' | 'ref' | 'start' | 'end' | 'text' | 'sentence' | 'range'> = {
    type: a.type,
    code: inferred && a.role !== null ? country + a.role : a.code,
    country: inferred ? country : a.country,
    role: a.role,
    name: a.name,
  };
  if (a.office !== undefined) out.office = a.office;
  return out;
}

function placeEntity(p: PlaceAnnotation): Entity {
  return {
    start: p.start,
    end: p.end,
    text: p.text,
    type: 'place',
    code: null,
    country: p.country,
    role: null,
    name: p.name,
    rule: p.rule,
    sentence: p.sentence,
    range: p.range,
    placeLevel: p.level,
    lat: p.lat,
    lon: p.lon,
    geonameid: p.geonameid,
    featureClass: p.featureClass,
    confidence: p.confidence,
  };
}

/** The published fields of an actor mention with its link: an antecedent's fields win. */
function actorEntity(doc: Doc, base: readonly ReturnType<typeof actorBase>[], i: number): Entity {
  const a = doc.layers.actors[i]!;
  const link = doc.layers.actorLinks.links[i];
  const ref = link?.ref ?? null;
  const own = base[i]!;
  const fields = ref === null ? { ...own } : { ...base[ref]!, office: base[ref]!.office !== undefined ? base[ref]!.office : own.office };
  if (fields.office === undefined) delete fields.office;
  const rules = [...a.rules, ...(link?.rules ?? [])];
  const e: Entity = { start: a.start, end: a.end, text: a.text, ...fields, rule: ruleString(rules), sentence: a.sentence, range: a.range };
  // A definite role takes its antecedent's country: then the country is no longer an inference.
  if (rules.some((r) => ACTOR_RULES[r].phase === 'context') && !rules.includes('definite-role')) e.inferredCountry = true;
  return e;
}

/** The published entities of a document (built once, after actors, places and their links). */
export function entityIndex(doc: Doc): EntityIndex {
  const { actors, actorLinks } = doc.layers;
  const hit = cache.get(actorLinks);
  if (hit && hit === cache.get(doc.layers.places)) return hit;
  const base = actors.map((a, i) => actorBase(a, actorLinks.links[i]?.country ?? null));
  const actorObjects = actors.map((_, i) => actorEntity(doc, base, i));
  const refOf = new Map<Entity, number>();
  actorObjects.forEach((e, i) => {
    const ref = actorLinks.links[i]?.ref;
    if (ref !== undefined && ref !== null) refOf.set(e, ref);
  });
  const added = actorLinks.added.map((m) => {
    const e: Entity = { start: m.start, end: m.end, text: m.text, ...base[m.ref]!, rule: ruleString(m.rules), sentence: m.sentence, range: m.range };
    refOf.set(e, m.ref);
    return e;
  });
  // Stable sort: actors, then places, then coreference's mentions keep that order on equal spans.
  const entities = byTextOrder([...actorObjects, ...publishedPlaces(doc).map(placeEntity), ...added]);
  const indexOf = new Map<Entity, number>();
  entities.forEach((e, i) => indexOf.set(e, i));
  for (const e of entities) {
    const r = refOf.get(e);
    e.ref = r === undefined ? null : (indexOf.get(actorObjects[r]!) ?? null);
  }
  const bySentence: Entity[][] = doc.layers.sentences.map(() => []);
  for (const e of entities) bySentence[e.sentence]?.push(e);
  const index: EntityIndex = { entities, bySentence, indexOf };
  cache.set(actorLinks, index);
  cache.set(doc.layers.places, index);
  return index;
}

/** The published entities of sentence s. */
export function entitiesIn(doc: Doc, s: number): readonly Entity[] {
  return entityIndex(doc).bySentence[s] ?? [];
}
