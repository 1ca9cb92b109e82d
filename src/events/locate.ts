/**
 * events.locate: where each event happened (ActionGeo), from typed facts of the places layer:
 *   in-evidence      verbal acts (QuadClass 1 and 3: statements, accusations, appeals) happen where
 *                    they are said, which the text rarely states: a place in their sentence is
 *                    usually the topic ("accuses Turkey of involvement in Karabakh"), so they take
 *                    a place only inside their own evidence span;
 *   same-sentence    material acts take the first place of a sentence that reports them;
 *   dominant-place   else the article's most mentioned place (mentioned more than once).
 * Country-level places are never a location (a country names an actor far more often than a
 * place of action), and a place that is also an acting country is no place at all unless a
 * locative precedes it ("France accused…" vs "troops in Syria": `publishedPlaces`).
 */
import type { CodedEvent, Doc, EventLocation, PlaceAnnotation } from '../model/document.js';
import { publishedPlaces } from '../model/entities.js';
import { defineStage } from '../model/stage.js';

export type LocationRuleId = 'in-evidence' | 'same-sentence' | 'dominant-place';

export const LOCATION_RULES: Record<LocationRuleId, { label: string; reason: string }> = {
  'in-evidence': { label: 'location/in-evidence', reason: 'A verbal act takes a place only inside its own evidence span.' },
  'same-sentence': { label: 'location/same-sentence', reason: 'A material act takes the first place of a sentence that reports it.' },
  'dominant-place': { label: 'location/dominant-place', reason: 'Else the article\'s most mentioned place, when mentioned more than once.' },
};

/** Places that can be where something happened: resolved with some confidence, below country level. */
function candidatePlaces(doc: Doc): PlaceAnnotation[] {
  return publishedPlaces(doc).filter((p) => p.confidence >= 0.3 && p.level !== 'country');
}

/** The most mentioned place (by name), if mentioned more than once; the first on ties. */
function dominantPlace(places: readonly PlaceAnnotation[]): PlaceAnnotation | null {
  const counts = new Map<string, { p: PlaceAnnotation; n: number }>();
  for (const p of places) {
    const c = counts.get(p.name);
    if (c) c.n++;
    else counts.set(p.name, { p, n: 1 });
  }
  let dominant: PlaceAnnotation | null = null;
  let best = 1;
  for (const { p, n } of counts.values()) if (n > best) {
    best = n;
    dominant = p;
  }
  return dominant;
}

function bySentence(doc: Doc, places: readonly PlaceAnnotation[]): PlaceAnnotation[][] {
  const out: PlaceAnnotation[][] = doc.layers.sentences.map(() => []);
  for (const p of places) out[p.sentence]?.push(p);
  return out;
}

/** The place an event's own text gives it, and by which rule. */
function ownPlace(ev: CodedEvent, places: PlaceAnnotation[][]): { p: PlaceAnnotation; rule: LocationRuleId } | null {
  if (ev.quadClass === 1 || ev.quadClass === 3) {
    const p = (places[ev.sentence] ?? []).find((x) => x.start >= ev.evidence.start && x.end <= ev.evidence.end);
    return p ? { p, rule: 'in-evidence' } : null;
  }
  let first: PlaceAnnotation | null = null;
  for (const s of ev.sentences ?? [ev.sentence]) {
    const p = places[s]?.[0];
    if (p && (first === null || p.start < first.start)) first = p;
  }
  return first ? { p: first, rule: 'same-sentence' } : null;
}

function locationOf(p: PlaceAnnotation, rule: LocationRuleId): EventLocation {
  return { name: p.name, lat: p.lat, lon: p.lon, country: p.country, geonameid: p.geonameid, rule: LOCATION_RULES[rule].label, start: p.start, end: p.end };
}

/** One location (or null) per event of the `events` layer. */
export function locateEvents(doc: Doc): (EventLocation | null)[] {
  const candidates = candidatePlaces(doc);
  const dominant = dominantPlace(candidates);
  const places = bySentence(doc, candidates);
  return doc.layers.events.map((ev) => {
    const own = ownPlace(ev, places);
    if (own) return locationOf(own.p, own.rule);
    const verbal = ev.quadClass === 1 || ev.quadClass === 3;
    return !verbal && dominant ? locationOf(dominant, 'dominant-place') : null;
  });
}

export const eventsLocate = defineStage({
  name: 'events.locate',
  requires: ['text', 'sentences', 'actors', 'places', 'events'],
  assigns: ['eventLocations'],
  resources: [],
  run: (doc) => ({ eventLocations: locateEvents(doc) }),
});
