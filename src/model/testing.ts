/**
 * A small Doc builder for unit tests (as spaCy's `Doc(words=…)`): tokens and sentences from the
 * real tokeniser, then exactly the layers a test gives, so one stage or one rule runs alone.
 *
 *   const doc = testDoc('Police detained protesters in Kharkiv.', { date: '2022-03-01' });
 *   const d2 = withLayers(doc, { actors: [actorAt(doc, 'Police', { role: 'COP', code: 'COP' }, ['role'])] });
 */
import type { ActorMention, Doc, Layers, PlaceAnnotation, SourceMeta } from './document.js';
import { emptyDoc } from './document.js';
import { sentenceAt, tokenRangeOf } from './spans.js';
import { analyse } from '../text/tokens.js';
import type { ActorRuleId } from '../actors/rules.js';

/** A Doc with `text`, `tokens` and `sentences` (one paragraph per line) and nothing else. */
export function testDoc(text: string, meta: Partial<SourceMeta> = {}): Doc {
  const doc = emptyDoc({ url: null, outlet: null, date: null, language: 'en', ...meta });
  const paragraphs = text.split('\n');
  const a = analyse(paragraphs.map((p, i) => ({ text: p, part: 'body' as const, paragraph: i })));
  return withLayers(doc, { article: { title: null, standfirst: null, paragraphs, captions: [], dropped: [] }, text: a.text, tokens: a.tokens, sentences: a.sentences });
}

/** The same Doc with some layers given. */
export function withLayers(doc: Doc, layers: Partial<Layers>): Doc {
  return { meta: doc.meta, layers: { ...doc.layers, ...layers } };
}

/** Character span of the n-th occurrence (0-based) of `text`; throws when absent. */
function find(doc: Doc, text: string, nth: number): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = doc.layers.text.indexOf(text, at + 1);
    if (at < 0) throw new Error(`testDoc: '${text}' (occurrence ${nth}) is not in the text`);
  }
  return { start: at, end: at + text.length };
}

/** An actor mention over the n-th occurrence of `text`. */
export function actorAt(doc: Doc, text: string, fields: Partial<Omit<ActorMention, 'start' | 'end' | 'text' | 'range' | 'sentence' | 'rules'>>, rules: ActorRuleId[], nth = 0): ActorMention {
  const { start, end } = find(doc, text, nth);
  return { type: 'group', code: null, country: null, role: null, name: null, ...fields, start, end, text, range: tokenRangeOf(doc, start, end), sentence: sentenceAt(doc, start), rules };
}

/** A place mention over the n-th occurrence of `text`. */
export function placeAt(doc: Doc, text: string, fields: Partial<Omit<PlaceAnnotation, 'start' | 'end' | 'text' | 'range' | 'sentence'>>, nth = 0): PlaceAnnotation {
  const { start, end } = find(doc, text, nth);
  return {
    name: text,
    lat: 0,
    lon: 0,
    country: null,
    geonameid: null,
    featureClass: 'P',
    confidence: 1,
    level: 'city',
    rule: 'gazetteer/unique',
    ...fields,
    start,
    end,
    text,
    range: tokenRangeOf(doc, start, end),
    sentence: sentenceAt(doc, start),
  };
}
