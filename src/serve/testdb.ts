/**
 * A small event store for the server's tests: a dozen events over three articles we wrote ourselves
 * (France–Turkey accusations, the Karabakh fighting, EU diplomacy), written by the real writer
 * (`Store.addArticles`), so the tests read exactly what an ingest stores. Stored ids are hashes:
 * `EVENT_ID.e01` / `ARTICLE_ID.a1` give them, `LABEL` maps them back for readable assertions.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedDocument } from '../model/contract.js';
import type { CodedEvent } from '../model/document.js';
import { articleId, mergedEventId, openStore, sha256 } from '../store/index.js';

/** The bundled sample corpus (data/sample/articles.jsonl): real-looking articles we wrote ourselves. */
export const SAMPLE_CORPUS = fileURLToPath(new URL('../../data/sample/articles.jsonl', import.meta.url));
/** A test's `skip` value: false, or why the sample corpus is missing. */
export const SAMPLE_SKIP: string | false = existsSync(SAMPLE_CORPUS) ? false : `sample corpus not found at ${SAMPLE_CORPUS}`;

export interface SampleRecord {
  url: string;
  title: string;
  date: string;
  outlet: string;
  text: string;
}

/** The first n records of the sample corpus. */
export function sampleRecords(n: number): SampleRecord[] {
  return readFileSync(SAMPLE_CORPUS, 'utf8').trim().split('\n').slice(0, n).map((l) => JSON.parse(l) as SampleRecord);
}

interface ActorDef {
  code: string;
  country: string | null;
  role: string | null;
  name: string;
}

const A: Record<string, ActorDef> = {
  FRAGOV: { code: 'FRAGOV', country: 'FRA', role: 'GOV', name: 'France' },
  TURGOV: { code: 'TURGOV', country: 'TUR', role: 'GOV', name: 'Turkey' },
  ARM: { code: 'ARM', country: 'ARM', role: null, name: 'Armenia' },
  AZE: { code: 'AZE', country: 'AZE', role: null, name: 'Azerbaijan' },
  RUS: { code: 'RUS', country: 'RUS', role: null, name: 'Russia' },
  USA: { code: 'USA', country: 'USA', role: null, name: 'United States' },
  IGOEUREEC: { code: 'IGOEUREEC', country: null, role: 'IGO', name: 'European Union' },
  GRC: { code: 'GRC', country: 'GRC', role: null, name: 'Greece' },
};

interface EventDef {
  id: string;
  date: string;
  src: string;
  tgt: string;
  cameo: string;
  quad: number;
  goldstein: number;
  plover: string;
  loc: [string, number, number, string] | null;
  /** [article id, trigger word, evidence sentence fragment, date phrase] */
  mentions: Array<[string, string, string, string | null]>;
}

export const TEST_ARTICLES: Record<string, { title: string; date: string; outlet: string; body: string }> = {
  a1: {
    title: 'France accuses Turkey of military involvement in Karabakh',
    date: '2020-10-07',
    outlet: 'Example Times',
    body:
      'France accused Turkey on Wednesday of military involvement on the side of Azerbaijan in its conflict with Armenia. ' +
      '"There is military involvement by Turkey," the French foreign minister told parliament. ' +
      'Turkey criticised France on Thursday for what it called biased remarks. ' +
      'Turkey provided aid to Azerbaijan on Monday, officials said. ' +
      'France again accused Turkey on Saturday of sending fighters.',
  },
  a2: {
    title: 'Fighting rages in Nagorno-Karabakh',
    date: '2020-09-29',
    outlet: 'Daily Wire Service',
    body:
      'Armenia attacked Azerbaijan on Sunday near Stepanakert. ' +
      'Azerbaijan fought Armenia on Monday along the front line. ' +
      'Armenia cooperated with Russia on Tuesday on supplies.',
  },
  a3: {
    title: 'EU weighs sanctions as diplomacy stalls',
    date: '2020-10-13',
    outlet: 'Europe Today',
    body:
      'The European Union imposed sanctions on Turkey on Monday. ' +
      'Russia said it intends to meet Armenia on Friday. ' +
      'The United States praised France on Saturday for its mediation. ' +
      'France consulted Russia on Sunday about a ceasefire. ' +
      'Greece threatened Turkey on Tuesday over drilling. ' +
      'France accused Turkey on Wednesday of military involvement.',
  },
};

export const TEST_EVENTS: EventDef[] = [
  { id: 'e01', date: '2020-10-07', src: 'FRAGOV', tgt: 'TURGOV', cameo: '112', quad: 3, goldstein: -2, plover: 'ACCUSE',
    loc: ['Paris', 48.8566, 2.3522, 'FRA'],
    mentions: [
      ['a1', 'accused', 'France accused Turkey on Wednesday of military involvement on the side of Azerbaijan', 'on Wednesday'],
      ['a3', 'accused', 'France accused Turkey on Wednesday of military involvement', 'on Wednesday'],
    ] },
  { id: 'e02', date: '2020-10-08', src: 'TURGOV', tgt: 'FRAGOV', cameo: '111', quad: 3, goldstein: -2, plover: 'ACCUSE',
    loc: ['Ankara', 39.9334, 32.8597, 'TUR'],
    mentions: [['a1', 'criticised', 'Turkey criticised France on Thursday', 'on Thursday']] },
  { id: 'e03', date: '2020-09-27', src: 'ARM', tgt: 'AZE', cameo: '190', quad: 4, goldstein: -10, plover: 'FIGHT',
    loc: ['Stepanakert', 39.8177, 46.7528, 'AZE'],
    mentions: [['a2', 'attacked', 'Armenia attacked Azerbaijan on Sunday near Stepanakert', 'on Sunday']] },
  { id: 'e04', date: '2020-09-28', src: 'AZE', tgt: 'ARM', cameo: '190', quad: 4, goldstein: -10, plover: 'FIGHT',
    loc: ['Stepanakert', 39.8177, 46.7528, 'AZE'],
    mentions: [['a2', 'fought', 'Azerbaijan fought Armenia on Monday', 'on Monday']] },
  { id: 'e05', date: '2020-10-16', src: 'RUS', tgt: 'ARM', cameo: '036', quad: 1, goldstein: 4, plover: 'CONSULT',
    loc: ['Moscow', 55.7558, 37.6173, 'RUS'],
    mentions: [['a3', 'intends to meet', 'Russia said it intends to meet Armenia on Friday', 'on Friday']] },
  { id: 'e06', date: '2020-10-10', src: 'USA', tgt: 'FRAGOV', cameo: '051', quad: 1, goldstein: 3.4, plover: 'SUPPORT',
    loc: ['Washington', 38.9072, -77.0369, 'USA'],
    mentions: [['a3', 'praised', 'The United States praised France on Saturday', 'on Saturday']] },
  { id: 'e07', date: '2020-10-10', src: 'FRAGOV', tgt: 'TURGOV', cameo: '112', quad: 3, goldstein: -2, plover: 'ACCUSE',
    loc: null,
    mentions: [['a1', 'accused', 'France again accused Turkey on Saturday of sending fighters', 'on Saturday']] },
  { id: 'e08', date: '2020-10-05', src: 'TURGOV', tgt: 'AZE', cameo: '070', quad: 2, goldstein: 7, plover: 'AID',
    loc: ['Baku', 40.4093, 49.8671, 'AZE'],
    mentions: [['a1', 'provided aid', 'Turkey provided aid to Azerbaijan on Monday', 'on Monday']] },
  { id: 'e09', date: '2020-10-12', src: 'IGOEUREEC', tgt: 'TURGOV', cameo: '163', quad: 4, goldstein: -8, plover: 'SANCTION',
    loc: ['Brussels', 50.8503, 4.3517, 'BEL'],
    mentions: [['a3', 'imposed sanctions', 'The European Union imposed sanctions on Turkey on Monday', 'on Monday']] },
  { id: 'e10', date: '2020-10-11', src: 'FRAGOV', tgt: 'RUS', cameo: '040', quad: 1, goldstein: 1, plover: 'CONSULT',
    loc: null,
    mentions: [['a3', 'consulted', 'France consulted Russia on Sunday about a ceasefire', 'on Sunday']] },
  { id: 'e11', date: '2020-09-29', src: 'ARM', tgt: 'RUS', cameo: '061', quad: 2, goldstein: 6.4, plover: 'COOPERATE',
    loc: ['Yerevan', 40.1792, 44.4991, 'ARM'],
    mentions: [['a2', 'cooperated', 'Armenia cooperated with Russia on Tuesday on supplies', 'on Tuesday']] },
  { id: 'e12', date: '2020-10-13', src: 'GRC', tgt: 'TURGOV', cameo: '130', quad: 3, goldstein: -4.4, plover: 'THREATEN',
    loc: ['Athens', 37.9838, 23.7275, 'GRC'],
    mentions: [['a3', 'threatened', 'Greece threatened Turkey on Tuesday over drilling', 'on Tuesday']] },
];

/** Surface words for each actor in our texts. */
const SURFACE: Record<string, string[]> = {
  FRAGOV: ['France'],
  TURGOV: ['Turkey'],
  ARM: ['Armenia'],
  AZE: ['Azerbaijan'],
  RUS: ['Russia'],
  USA: ['The United States'],
  IGOEUREEC: ['The European Union'],
  GRC: ['Greece'],
};

function findAll(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/** Build the CodedDocument JSON of one test article, with every span computed from the text. */
export function testDocument(label: string): CodedDocument {
  const art = TEST_ARTICLES[label]!;
  const text = `${art.title}\n\n${art.body}`;
  const sentences: CodedDocument['sentences'] = [];
  const bodyStart = art.title.length + 2;
  sentences.push({ index: 0, start: 0, end: art.title.length, text: art.title, part: 'title' });
  const re = /[^.]+\./g;
  for (let m = re.exec(art.body); m; m = re.exec(art.body)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = bodyStart + m.index + lead;
    const end = bodyStart + m.index + m[0].length;
    sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), part: 'body' });
  }
  const sentenceOf = (off: number): number => sentences.find((s) => off >= s.start && off < s.end)?.index ?? 0;
  const entities: CodedDocument['entities'] = [];
  for (const [code, words] of Object.entries(SURFACE)) {
    const a = A[code]!;
    for (const w of words) {
      for (const start of findAll(text, w)) {
        entities.push({ text: w, start, end: start + w.length, type: a.role === 'IGO' ? 'igo' : 'country', code,
          country: a.country, role: a.role, name: a.name, rule: `dict:${code}`, sentence: sentenceOf(start) });
      }
    }
  }
  entities.sort((x, y) => x.start - y.start);
  const quotes: CodedDocument['quotes'] = [];
  const qStart = text.indexOf('"There is');
  if (qStart >= 0) {
    const qEnd = text.indexOf('"', qStart + 1) + 1;
    quotes.push({ text: text.slice(qStart, qEnd), start: qStart, end: qEnd, speaker: null, rule: 'quote:said' });
  }
  const events: CodedEvent[] = [];
  let n = 0;
  for (const ev of TEST_EVENTS) {
    for (const [aid, trig, evid, dateText] of ev.mentions) {
      if (aid !== label) continue;
      const es = text.indexOf(evid);
      if (es < 0) throw new Error(`test fixture: evidence not in ${aid}: ${evid}`);
      const ts = text.indexOf(trig, es);
      const actor = (code: string, after: number) => {
        const ent = entities.findIndex((e) => e.code === code && e.start >= after);
        const e = entities[ent]!;
        return { code, country: e.country, role: e.role, name: e.name, text: e.text, start: e.start, end: e.end, entity: ent };
      };
      const sentence = sentenceOf(es);
      const dateAt = dateText === null ? -1 : text.indexOf(dateText, es);
      events.push({
        id: `${aid}-ev${n++}`,
        date: ev.date,
        source: actor(ev.src, es),
        target: actor(ev.tgt, es),
        cameo: ev.cameo,
        root: ev.cameo.slice(0, 2),
        quadClass: ev.quad,
        goldstein: ev.goldstein,
        plover: { event: ev.plover, mode: null },
        sentence,
        evidence: { start: es, end: es + evid.length, text: evid },
        mentions: 1,
        modality: 'asserted',
        rule: `verb:${trig.split(' ')[0]}`,
        trigger: { start: ts, end: ts + trig.length, text: trig },
        dateText,
        dateRule: dateText === null ? 'publication' : `weekday:${dateAt}`,
        location: ev.loc === null ? null : { name: ev.loc[0], lat: ev.loc[1], lon: ev.loc[2], country: ev.loc[3], geonameid: null,
          rule: 'gazetteer', start: null, end: null },
      });
    }
  }
  return {
    version: '1.0',
    document: { title: art.title, date: art.date, url: testUrl(label), outlet: art.outlet, language: 'en',
      standfirst: null, text, captions: [], dropped: [] },
    sentences,
    entities,
    quotes,
    events,
    nonEvents: [],
  };
}

function testUrl(label: string): string {
  return `https://example.org/${label}`;
}

/** The stored id of each test article, by label (a1, a2, a3). */
export const ARTICLE_ID: Record<string, string> = Object.fromEntries(
  Object.keys(TEST_ARTICLES).map((label) => [label, articleId(testUrl(label), sha256(''))]),
);

/** The stored (merged) id of each test event, by label (e01 … e12), as the writer keys it. */
export const EVENT_ID: Record<string, string> = Object.fromEntries(
  TEST_EVENTS.map((ev) => [ev.id, mergedEventId(ev.date, ev.src, ev.tgt, ev.cameo, 1, ARTICLE_ID[ev.mentions[0]![0]]!)]),
);

/** Stored id → label, for articles and events. */
export const LABEL = new Map<string, string>([
  ...Object.entries(ARTICLE_ID).map(([l, id]) => [id, l] as [string, string]),
  ...Object.entries(EVENT_ID).map(([l, id]) => [id, l] as [string, string]),
]);

/** Write the three test articles with `Store.addArticles` into a new store file; returns its path. */
export async function createTestDb(dir = mkdtempSync(join(tmpdir(), 'dyad-serve-'))): Promise<string> {
  const path = join(dir, 'test.duckdb');
  const store = await openStore({ path });
  try {
    await store.addArticles(
      Object.entries(TEST_ARTICLES).map(([label, art]) => ({
        article: { url: testUrl(label), title: art.title, date: art.date, outlet: art.outlet },
        doc: testDocument(label),
      })),
    );
  } finally {
    await store.close();
  }
  return path;
}
