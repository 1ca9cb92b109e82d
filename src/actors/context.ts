/**
 * actors.resolve, context phase: domestic actors named by their role alone ("police", "rebels",
 * "the opposition") belong to the country the sentence is about (its first country-level
 * mention), else to the article's most mentioned country, as CAMEO coders assign them. Persons
 * are left to coreference unless titled but unknown. Works sentence by sentence over the
 * sentence's own mentions (linear in document length).
 */
import type { ActorMention, Doc, PlaceAnnotation } from '../model/document.js';
import { publishedPlaces } from '../model/entities.js';
import type { ActorRuleId } from './rules.js';

export interface ContextCountry {
  country: string | null;
  rule: Extract<ActorRuleId, 'sentence-country' | 'article-country'> | null;
}

/** "Western governments", "foreign troops", "international observers" are not domestic. */
const NOT_DOMESTIC = /\b(?:Western|western|foreign|international|Arab|European|African|Asian|regional|allied|other|world|global|UN|U\.N\.)\s+$/;

/** Armed actors are not assumed to be the article's country: whose artillery it is matters. */
const ARMED_ROLES: ReadonlySet<string> = new Set(['MIL', 'REB', 'INS', 'UAF', 'SPY', 'CRM', 'SEP']);

function isCountryLevel(a: ActorMention): boolean {
  return a.type === 'country' || a.type === 'government';
}

/** The article's most mentioned country (country and government mentions), first on ties. */
function dominantCountry(actors: readonly ActorMention[]): string | null {
  const counts = new Map<string, number>();
  for (const e of actors) if (e.country && isCountryLevel(e)) counts.set(e.country, (counts.get(e.country) ?? 0) + 1);
  let dominant: string | null = null;
  let best = 0;
  for (const [c, n] of counts) if (n > best) {
    best = n;
    dominant = c;
  }
  return dominant;
}

function needsContext(doc: Doc, e: ActorMention): boolean {
  if (e.country !== null || e.role === null || e.code === null || e.code.length !== 3) return false;
  // Persons only when titled but unknown ("President Abdelaziz Bouteflika" with no country).
  if (e.type === 'person' && !e.rules.includes('title-name')) return false;
  return !NOT_DOMESTIC.test(doc.layers.text.slice(Math.max(0, e.start - 16), e.start));
}

/** Mentions of one sentence (actor indexes, text order) and its published places. */
interface SentenceMentions {
  actors: number[];
  places: PlaceAnnotation[];
}

function groupBySentence(doc: Doc): SentenceMentions[] {
  const out: SentenceMentions[] = doc.layers.sentences.map(() => ({ actors: [], places: [] }));
  doc.layers.actors.forEach((a, i) => out[a.sentence]?.actors.push(i));
  for (const p of publishedPlaces(doc)) out[p.sentence]?.places.push(p);
  return out;
}

/** The country a sentence gives mention i, seeing the countries already inferred before it. */
function sentenceCountry(doc: Doc, m: SentenceMentions, i: number, got: ContextCountry[]): string | null {
  const actors = doc.layers.actors;
  const countryOf = (k: number) => actors[k]!.country ?? got[k]!.country;
  const first = (pred: (k: number) => boolean) => m.actors.find((k) => countryOf(k) !== null && pred(k));
  const k =
    first((k) => isCountryLevel(actors[k]!)) ??
    first((k) => k !== i && actors[k]!.type === 'person');
  if (k !== undefined) return countryOf(k);
  const place = m.places.find((p) => p.country !== null && p.confidence >= 0.5);
  if (place) return place.country;
  const other = first((k) => k !== i && got[k]!.rule === null);
  return other === undefined ? null : countryOf(other);
}

/** One context decision per actor mention (parallel to `layers.actors`). */
export function contextCountries(doc: Doc): ContextCountry[] {
  const actors = doc.layers.actors;
  const dominant = dominantCountry(actors);
  const got: ContextCountry[] = actors.map(() => ({ country: null, rule: null }));
  for (const m of groupBySentence(doc)) {
    for (const i of m.actors) {
      const e = actors[i]!;
      if (!needsContext(doc, e)) continue;
      const inSentence = sentenceCountry(doc, m, i, got);
      const country = inSentence ?? (ARMED_ROLES.has(e.role!) ? null : dominant);
      if (country) got[i] = { country, rule: inSentence ? 'sentence-country' : 'article-country' };
    }
  }
  return got;
}
