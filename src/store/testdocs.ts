/**
 * Hand-built coded documents for store tests (no coder needed): one sentence, one event.
 */
import type { CodedDocument } from '../model/contract.js';
import type { Actor, CodedEvent } from '../model/document.js';

const COUNTRIES: Record<string, { country: string; name: string }> = {
  FRA: { country: 'FRA', name: 'France' },
  TUR: { country: 'TUR', name: 'Turkey' },
  RUS: { country: 'RUS', name: 'Russia' },
  UKR: { country: 'UKR', name: 'Ukraine' },
  USA: { country: 'USA', name: 'United States' },
  CHN: { country: 'CHN', name: 'China' },
};

function actor(code: string, text: string, start: number): Actor {
  const c = COUNTRIES[code.slice(0, 3)] ?? { country: code.slice(0, 3), name: code };
  return { code, country: c.country, role: code.length > 3 ? code.slice(3) : null, name: c.name, text, start, end: start + text.length, entity: 0 };
}

export interface TestEventSpec {
  source: string;
  target: string;
  cameo: string;
  verb?: string;
  date?: string | null;
  location?: { name: string; lat: number; lon: number; country: string | null; geonameid?: number | null } | null;
}

/** A coded document whose text is `text` and whose events are `events` (evidence = the whole text). */
export function testDoc(opts: {
  text: string;
  date: string | null;
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  events: TestEventSpec[];
}): CodedDocument {
  const events: CodedEvent[] = opts.events.map((e, i) => {
    const root = e.cameo.slice(0, 2);
    const quad = Number(root) <= 5 ? 1 : Number(root) <= 9 ? 2 : Number(root) <= 14 ? 3 : 4;
    return {
      id: `e${i + 1}`,
      date: e.date === undefined ? opts.date : e.date,
      source: actor(e.source, e.source, 0),
      target: actor(e.target, e.target, 4),
      cameo: e.cameo,
      root,
      quadClass: quad,
      goldstein: quad <= 2 ? 3 : -5,
      plover: { event: quad <= 2 ? 'CONSULT' : 'ACCUSE', mode: null },
      sentence: 0,
      evidence: { start: 0, end: opts.text.length, text: opts.text },
      mentions: 1,
      rule: 'test',
      location: e.location ? { geonameid: null, rule: 'test', start: null, end: null, ...e.location } : null,
    };
  });
  return {
    version: '1.0',
    document: {
      title: opts.title ?? null,
      date: opts.date,
      url: opts.url ?? null,
      outlet: opts.outlet ?? null,
      language: 'en',
      standfirst: null,
      text: opts.text,
      captions: [],
      dropped: [],
    },
    sentences: [{ index: 0, start: 0, end: opts.text.length, text: opts.text, part: 'body' }],
    entities: [],
    quotes: [],
    events,
    nonEvents: [],
  };
}
