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

export function placeAnnotations(doc: Doc): PlaceAnnotation[] {
  const people = doc.layers.actors.filter((e) => e.type === 'person' || e.type === 'igo' || e.type === 'organization');
  const places = findPlaces(doc.layers.text, { outletCountry: null, exclude: people.map((e) => ({ start: e.start, end: e.end })) });
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
