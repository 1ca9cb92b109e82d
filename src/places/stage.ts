/**
 * places.find: every place mention `findPlaces` resolves, with its tokens and sentence. People,
 * organisations and IGOs the actors stage found are excluded from recognition ("Paris Hilton").
 * A place that is also an acting country stays in this layer; whether it is published as an
 * entity, or can be where an event happened, is decided by its readers (src/model/entities.ts,
 * src/events/locate.ts).
 */
import type { Doc, PlaceAnnotation } from '../model/document.js';
import { defineStage } from '../model/stage.js';
import { byTextOrder } from '../model/entities.js';
import { sentenceAt, tokenRangeOf } from '../model/spans.js';
import { findPlaces } from './index.js';

/**
 * Later mentions of a named person's surname ("Judge Alejandro Rivera … Rivera said"): one sense
 * per article, so a surname that is also a town's name is the person, not the place.
 */
function laterSurnames(doc: Doc, people: readonly { start: number; end: number; range: { start: number; end: number } }[]): Array<{ start: number; end: number }> {
  const { tokens } = doc.layers;
  const firstAt = new Map<string, number>();
  for (const p of people) {
    if (p.range.end - p.range.start < 2) continue;
    const last = tokens[p.range.end - 1]!;
    if (!/^\p{Lu}/u.test(last.text) || last.text.length < 3) continue;
    if (!firstAt.has(last.text)) firstAt.set(last.text, p.end);
  }
  const out: Array<{ start: number; end: number }> = [];
  if (firstAt.size === 0) return out;
  for (const t of tokens) {
    const after = firstAt.get(t.text);
    if (after !== undefined && t.start >= after) out.push({ start: t.start, end: t.end });
  }
  return out;
}

export function placeAnnotations(doc: Doc): PlaceAnnotation[] {
  const people = doc.layers.actors.filter((e) => e.type === 'person' || e.type === 'igo' || e.type === 'organization');
  const persons = people.filter((e) => e.type === 'person');
  const exclude = [...people.map((e) => ({ start: e.start, end: e.end })), ...laterSurnames(doc, persons)];
  const places = findPlaces(doc.layers.text, { outletCountry: null, exclude });
  return byTextOrder(
    places.map((p) => ({
      start: p.start,
      end: p.end,
      text: p.text,
      range: tokenRangeOf(doc, p.start, p.end),
      sentence: sentenceAt(doc, p.start),
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      country: p.country,
      geonameid: p.geonameid,
      featureClass: p.featureClass,
      confidence: p.confidence,
      level: p.level,
      rule: p.rule,
    })),
  );
}

export const placesFind = defineStage({
  name: 'places.find',
  requires: ['text', 'tokens', 'sentences', 'actors'],
  assigns: ['places'],
  resources: [],
  run: (doc) => ({ places: placeAnnotations(doc) }),
});
