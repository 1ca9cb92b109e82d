/**
 * places.find and places.locate, the pipeline's use of the places stage (src/places):
 * place mentions become `entities` of type `place`; each event gets a `location` (ActionGeo):
 * the place in its own sentence if any, else the article's dominant place, else none.
 */
import type { Doc, Entity } from '../model/document.js';
import { findPlaces } from '../places/index.js';

const LOCATIVE = /\b(?:in|at|near|outside|inside|across|around|throughout|from|into|to|of|via|over)\s+(?:the\s+)?$/;

export function addPlaces(doc: Doc): void {
  const people = doc.entities.filter((e) => e.type === 'person' || e.type === 'igo' || e.type === 'organization');
  const places = findPlaces(doc.text, { outletCountry: null, exclude: people.map((e) => ({ start: e.start, end: e.end })) });
  const actorsBySpan = new Map<string, Entity>();
  for (const e of doc.entities) if (e.type === 'country' || e.type === 'government') actorsBySpan.set(`${e.start}:${e.end}`, e);
  for (const p of places) {
    // "France accused…": a country or capital acting is an actor, not a place of action.
    if (actorsBySpan.has(`${p.start}:${p.end}`)) {
      const before = doc.text.slice(Math.max(0, p.start - 12), p.start).toLowerCase();
      if (!LOCATIVE.test(before)) continue;
    }
    // A sentence index for the place.
    const sentence = doc.sentences.find((s) => s.start <= p.start && p.start < s.end)?.index ?? -1;
    const e: Entity = {
      start: p.start,
      end: p.end,
      text: p.text,
      type: 'place',
      code: null,
      country: p.country,
      role: null,
      name: p.name,
      rule: p.rule,
      sentence,
      lat: p.lat,
      lon: p.lon,
      geonameid: p.geonameid,
      featureClass: p.featureClass,
      confidence: p.confidence,
    };
    doc.entities.push(e);
  }
  // Keep entities in text order (coreference, which runs later, assigns the `ref` indices).
  doc.entities.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function locateEvents(doc: Doc): void {
  const places = doc.entities.filter((e) => e.type === 'place' && e.lat !== undefined && (e.confidence ?? 0) >= 0.3);
  // The dominant place: the most mentioned non-country place, else none.
  const counts = new Map<string, { e: Entity; n: number }>();
  for (const p of places) {
    if (p.featureClass === 'A' && p.name !== null && p.country !== null && p.name.length > 0 && isCountryLevel(p)) continue;
    const k = p.name ?? p.text;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { e: p, n: 1 });
  }
  let dominant: Entity | null = null;
  let best = 1;
  for (const { e, n } of counts.values()) if (n > best) {
    best = n;
    dominant = e;
  }
  for (const ev of doc.events) {
    // Verbal acts (QuadClass 1 and 3: statements, accusations, appeals) happen where they are
    // said, which the text rarely states: a place in their sentence is usually the topic ("accuses
    // Turkey of involvement in Karabakh"). They get a place only inside their own evidence span.
    // Material acts take the place of their sentence, else the article's dominant place.
    const verbal = ev.quadClass === 1 || ev.quadClass === 3;
    const sentences = ev.sentences ?? [ev.sentence];
    const own = verbal
      ? places.find((p) => p.start >= ev.evidence.start && p.end <= ev.evidence.end && !isCountryLevel(p))
      : places.find((p) => sentences.includes(p.sentence) && !isCountryLevel(p));
    const pick = own ?? (verbal ? null : dominant);
    if (!pick) {
      ev.location = null;
      continue;
    }
    ev.location = {
      name: pick.name ?? pick.text,
      lat: pick.lat!,
      lon: pick.lon!,
      country: pick.country,
      geonameid: pick.geonameid ?? null,
      rule: own ? (verbal ? 'location/in-evidence' : 'location/same-sentence') : 'location/dominant-place',
      start: pick.start,
      end: pick.end,
    };
  }
}

/** A country-level mention ("Turkey") names an actor far more often than a place of action. */
function isCountryLevel(p: Entity): boolean {
  return p.rule.includes('country');
}
