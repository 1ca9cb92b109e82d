/**
 * A small event store for the server's tests: the store's schema (its migrations) and a dozen events over three
 * articles we wrote ourselves (France–Turkey accusations, the Karabakh fighting, EU diplomacy).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import type { CodedDocument } from '../model/contract.js';
import type { CodedEvent } from '../model/document.js';
import { MIGRATIONS } from '../store/schema.js';

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
export function testDocument(articleId: string): CodedDocument {
  const art = TEST_ARTICLES[articleId]!;
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
      if (aid !== articleId) continue;
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
    document: { title: art.title, date: art.date, url: `https://example.org/${articleId}`, outlet: art.outlet, language: 'en',
      standfirst: null, text, captions: [], dropped: [] },
    sentences,
    entities,
    quotes,
    events,
    nonEvents: [],
  };
}

/** Create a DuckDB file with the v1 schema and the test rows; returns its path. */
export async function createTestDb(dir = mkdtempSync(join(tmpdir(), 'dyad-serve-'))): Promise<string> {
  const path = join(dir, 'test.duckdb');
  const inst = await DuckDBInstance.create(path);
  const conn = await inst.connect();
  for (const m of MIGRATIONS) for (const sql of m.sql) await conn.run(sql);
  const run = (sql: string, vals: DuckDBValue[]) => conn.run(sql, vals);
  for (const a of Object.values(A)) await run('INSERT INTO actors (code, country, role, name) VALUES ($1,$2,$3,$4)', [a.code, a.country, a.role, a.name]);
  const docs: Record<string, CodedDocument> = {};
  for (const [id, art] of Object.entries(TEST_ARTICLES)) {
    const doc = testDocument(id);
    docs[id] = doc;
    await run(
      `INSERT INTO articles (id, url, canonical_url, outlet, title, date, language, content_hash, text, doc_json, num_events,
        ingested_at) VALUES ($1,$2,$3,$4,$5,$6::DATE,'en',$7,$8,$9,$10,TIMESTAMP '2020-10-14 12:00:00')`,
      [id, doc.document.url, doc.document.url, art.outlet, art.title, art.date, `hash-${id}`, doc.document.text,
        JSON.stringify(doc), doc.events.length],
    );
    for (const q of doc.quotes) {
      await run('INSERT INTO quotes (article_id, start, "end", text) VALUES ($1,$2,$3,$4)', [id, q.start, q.end, q.text]);
    }
  }
  for (const ev of TEST_EVENTS) {
    const s = A[ev.src]!;
    const t = A[ev.tgt]!;
    const arts = new Set(ev.mentions.map((m) => m[0]));
    await run(
      `INSERT INTO events (id, date, source_code, source_country, source_role, source_name, target_code, target_country,
        target_role, target_name, cameo, root, quad_class, goldstein, plover_event, plover_mode, location_name, lat, lon,
        location_country, num_mentions, num_sources, num_articles, first_seen) VALUES ($1,$2::DATE,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,NULL,$16,$17,$18,$19,$20,$21,$22,
        TIMESTAMP '2020-10-14 12:00:00')`,
      [ev.id, ev.date, s.code, s.country, s.role, s.name, t.code, t.country, t.role, t.name, ev.cameo, ev.cameo.slice(0, 2),
        ev.quad, ev.goldstein, ev.plover, ev.loc?.[0] ?? null, ev.loc?.[1] ?? null, ev.loc?.[2] ?? null, ev.loc?.[3] ?? null,
        ev.mentions.length, arts.size, arts.size],
    );
    for (const [aid, , evid] of ev.mentions) {
      const doc = docs[aid]!;
      const ce = doc.events.find((e) => e.evidence.text === evid)!;
      await run('INSERT INTO mentions (event_id, article_id, article_event_id, sentence, evidence_start, evidence_end, evidence_text, ' +
        'rule, source_text, target_text, outlet, article_date) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::DATE)', [ev.id, aid, ce.id, ce.sentence,
        ce.evidence.start, ce.evidence.end, evid, ce.rule ?? null, ce.source?.text ?? null, ce.target?.text ?? null,
        TEST_ARTICLES[aid]!.outlet, TEST_ARTICLES[aid]!.date]);
    }
  }
  conn.closeSync();
  inst.closeSync();
  return path;
}
