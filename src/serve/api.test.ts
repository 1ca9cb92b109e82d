import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTICLE_ID, EVENT_ID, LABEL, createTestDb } from './testdb.js';
import { startServer } from './server.js';

interface Json {
  [k: string]: unknown;
}

let base = '';
let close: () => Promise<void> = async () => {};

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-api-'));
  const dbPath = await createTestDb(dir);
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Dyad</title>');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  const s = await startServer({ dbPath, port: 0, host: '127.0.0.1', webRoot: web, log: () => {} });
  base = s.url;
  close = s.close;
});
after(() => close());

async function get(path: string): Promise<{ status: number; body: Json }> {
  const r = await fetch(base + path);
  const text = await r.text();
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = { raw: text };
  }
  return { status: r.status, body };
}

async function ok(path: string): Promise<Json> {
  const r = await get(path);
  assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
  return r.body;
}

interface Ev {
  id: string;
  date: string;
  source: { code: string; country: string } | null;
  target: { code: string; country: string } | null;
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  article: { id: string; title: string } | null;
}

async function events(query: string): Promise<{ total: number; events: Ev[] }> {
  return (await ok('/api/events' + query)) as unknown as { total: number; events: Ev[] };
}

/** The fixture labels (e01 …) of stored events, sorted. */
const ids = (evs: Ev[]) => evs.map((e) => LABEL.get(e.id) ?? e.id).sort();
const label = (id: string | undefined) => (id === undefined ? undefined : LABEL.get(id) ?? id);

describe('GET /api/health', () => {
  it('reports the store counts', async () => {
    const b = await ok('/api/health');
    assert.equal(b['ok'], true);
    assert.deepEqual(b['counts'], { events: 12, articles: 3, mentions: 13, actors: 8 });
  });
});

describe('GET /api/events', () => {
  it('lists all events newest first with a total, each linking to its article', async () => {
    const r = await events('');
    assert.equal(r.total, 12);
    assert.equal(r.events.length, 12);
    assert.equal(label(r.events[0]!.id), 'e05');
    assert.equal(r.events[0]!.date, '2020-10-16');
    const e01 = r.events.find((e) => e.id === EVENT_ID['e01'])!;
    assert.equal(label(e01.article?.id), 'a1');
    assert.equal(e01.source?.code, 'FRAGOV');
    assert.equal(e01.target?.code, 'TURGOV');
  });
  it('paginates with limit and offset', async () => {
    const p1 = await events('?limit=5&offset=0&sort=date&order=asc');
    const p3 = await events('?limit=5&offset=10&sort=date&order=asc');
    assert.equal(p1.total, 12);
    assert.equal(p1.events.length, 5);
    assert.equal(p3.events.length, 2);
    assert.equal(label(p1.events[0]!.id), 'e03');
    assert.equal(label(p3.events[1]!.id), 'e05');
  });
  it('sorts by a whitelisted column', async () => {
    const r = await events('?sort=goldstein&order=asc&limit=2');
    assert.deepEqual(r.events.map((e) => e.goldstein), [-10, -10]);
    const d = await events('?sort=goldstein&order=desc&limit=1');
    assert.equal(label(d.events[0]!.id), 'e08');
  });
  it('filters by actor code or country', async () => {
    assert.deepEqual(ids((await events('?actor=FRA')).events), ['e01', 'e02', 'e06', 'e07', 'e10']);
    assert.deepEqual(ids((await events('?actor=FRAGOV')).events), ['e01', 'e02', 'e06', 'e07', 'e10']);
    assert.deepEqual(ids((await events('?actor=igoeureec')).events), ['e09']);
  });
  it('filters by dyad, both directions unless directed', async () => {
    assert.deepEqual(ids((await events('?dyad=FRA:TUR')).events), ['e01', 'e02', 'e07']);
    assert.deepEqual(ids((await events('?dyad=FRA:TUR&directed=true')).events), ['e01', 'e07']);
    assert.deepEqual(ids((await events('?dyad=ARM:AZE')).events), ['e03', 'e04']);
  });
  it('filters by CAMEO root, code prefix and QuadClass', async () => {
    assert.deepEqual(ids((await events('?root=19')).events), ['e03', 'e04']);
    assert.deepEqual(ids((await events('?cameo=11')).events), ['e01', 'e02', 'e07']);
    assert.deepEqual(ids((await events('?cameo=112')).events), ['e01', 'e07']);
    assert.deepEqual(ids((await events('?quadClass=4')).events), ['e03', 'e04', 'e09']);
    assert.deepEqual(ids((await events('?quadClass=1,2')).events), ['e05', 'e06', 'e08', 'e10', 'e11']);
  });
  it('filters by date range, outlet and free text', async () => {
    assert.deepEqual(ids((await events('?since=2020-10-10&until=2020-10-11')).events), ['e06', 'e07', 'e10']);
    assert.deepEqual(ids((await events('?outlet=Daily%20Wire%20Service')).events), ['e03', 'e04', 'e11']);
    assert.deepEqual(ids((await events('?q=drilling')).events), ['e12']);
    assert.deepEqual(ids((await events('?q=KARABAKH&actor=AZE')).events), ['e03', 'e04', 'e08']);
    assert.equal((await events('?q=100%25')).total, 0, 'LIKE wildcards in q are literal');
    assert.equal((await events('?q=_')).total, 0);
  });
  it('combines filters', async () => {
    const r = await events('?actor=TUR&quadClass=3&since=2020-10-08');
    assert.deepEqual(ids(r.events), ['e02', 'e07', 'e12']);
  });
});

describe('GET /api/events/:id and /api/articles/:id', () => {
  it('returns an event with every mention and its evidence', async () => {
    const b = await ok(`/api/events/${EVENT_ID['e01']}`);
    const mentions = b['mentions'] as Array<{ articleId: string; evidence: { text: string }; outlet: string; title: string }>;
    assert.equal((b['event'] as Ev).cameo, '112');
    assert.deepEqual(mentions.map((m) => label(m.articleId)), ['a1', 'a3']);
    assert.match(mentions[0]!.evidence.text, /^France accused Turkey on Wednesday/);
    assert.equal(mentions[1]!.outlet, 'Europe Today');
  });
  it('returns 404 for an unknown event or article', async () => {
    assert.equal((await get('/api/events/nope')).status, 404);
    assert.equal((await get('/api/articles/nope')).status, 404);
  });
  it('returns the cleaned text with spans that slice to their text', async () => {
    const b = await ok(`/api/articles/${ARTICLE_ID['a1']}`);
    const doc = b['document'] as {
      document: { text: string };
      entities: Array<{ start: number; end: number; text: string }>;
      events: Array<{ id: string; evidence: { start: number; end: number; text: string }; trigger: { start: number; end: number; text: string }; dateText: string }>;
      quotes: Array<{ start: number; end: number; text: string }>;
    };
    const text = doc.document.text;
    assert.equal((b['article'] as Json)['outlet'], 'Example Times');
    assert.ok(doc.events.length >= 4);
    for (const e of doc.events) {
      assert.equal(text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
      assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    }
    for (const e of doc.entities) assert.equal(text.slice(e.start, e.end), e.text);
    assert.equal(doc.quotes.length, 1);
    const stored = b['storedEvents'] as Record<string, string>;
    assert.ok(Object.values(stored).includes(EVENT_ID['e01']!));
  });
});

describe('GET /api/actors, /api/outlets', () => {
  it('lists actors by event count, searchable and paginated', async () => {
    const b = await ok('/api/actors');
    const actors = b['actors'] as Array<{ code: string; name: string; events: number }>;
    assert.equal(b['total'], 8);
    // Stored actors are named after what their code means (TURGOV: the Turkish government), not a mention.
    assert.deepEqual(actors[0], { code: 'TURGOV', name: 'Türkiye: government', country: 'TUR', role: 'GOV', events: 6 });
    const s = await ok('/api/actors?search=fran');
    assert.deepEqual((s['actors'] as Array<{ code: string }>).map((a) => a.code), ['FRAGOV']);
    const p = await ok('/api/actors?limit=2&offset=7');
    assert.equal((p['actors'] as unknown[]).length, 1);
    const q = await ok('/api/actors?quadClass=4');
    assert.equal(q['total'], 4);
  });
  it('lists outlets', async () => {
    const b = await ok('/api/outlets');
    assert.equal((b['outlets'] as unknown[]).length, 3);
  });
});

describe('GET /api/dyads/:a/:b/timeline', () => {
  it('gives per-day counts by QuadClass and mean Goldstein', async () => {
    const b = await ok('/api/dyads/FRA/TUR/timeline');
    assert.equal(b['total'], 3);
    assert.deepEqual(b['days'], [
      { date: '2020-10-07', q1: 0, q2: 0, q3: 1, q4: 0, total: 1, goldstein: -2 },
      { date: '2020-10-08', q1: 0, q2: 0, q3: 1, q4: 0, total: 1, goldstein: -2 },
      { date: '2020-10-10', q1: 0, q2: 0, q3: 1, q4: 0, total: 1, goldstein: -2 },
    ]);
    const d = await ok('/api/dyads/TUR/FRA/timeline?directed=true');
    assert.equal(d['total'], 1);
    const s = await ok('/api/dyads/FRA/TUR/timeline?since=2020-10-08');
    assert.equal(s['total'], 2);
  });
  it('rejects a bad actor code in the path', async () => {
    const r = await get("/api/dyads/FRA'--/TUR/timeline");
    assert.equal(r.status, 400);
    assert.equal(r.body['parameter'], 'a');
  });
});

describe('GET /api/network', () => {
  it('gives nodes with counts and weighted directed edges', async () => {
    const b = await ok('/api/network');
    const nodes = b['nodes'] as Array<{ code: string; events: number }>;
    const edges = b['edges'] as Array<{ source: string; target: string; weight: number; goldstein: number; quad: number[] }>;
    assert.equal(nodes.length, 8);
    assert.deepEqual(nodes[0], { code: 'TURGOV', name: 'Türkiye: government', country: 'TUR', events: 6 });
    const ft = edges.find((e) => e.source === 'FRAGOV' && e.target === 'TURGOV')!;
    assert.deepEqual(ft, { source: 'FRAGOV', target: 'TURGOV', weight: 2, goldstein: -2, quad: [0, 0, 2, 0] });
    const top = await ok('/api/network?nodes=2&minWeight=2');
    assert.equal((top['nodes'] as unknown[]).length, 2);
    assert.equal((top['edges'] as unknown[]).length, 1);
  });
});

describe('GET /api/overview', () => {
  it('aggregates the series, top dyads and located events', async () => {
    const b = await ok('/api/overview');
    assert.equal(b['total'], 12);
    assert.equal(b['bucket'], 'day');
    assert.deepEqual(b['quadTotals'], [3, 2, 4, 3]);
    assert.deepEqual(b['range'], { since: '2020-09-27', until: '2020-10-16' });
    const series = b['series'] as Array<{ total: number }>;
    assert.equal(series.reduce((s, d) => s + d.total, 0), 12);
    const dyads = b['topDyads'] as Array<{ a: string; b: string; events: number }>;
    assert.deepEqual([dyads[0]!.a, dyads[0]!.b, dyads[0]!.events], ['FRAGOV', 'TURGOV', 3]);
    const locs = b['locations'] as Array<{ name: string; events: number }>;
    assert.equal(locs.reduce((s, l) => s + l.events, 0), 10);
    assert.deepEqual(locs[0], { lat: 39.8, lon: 46.8, name: 'Stepanakert', country: 'AZE', events: 2, goldstein: -10 });
  });
  it('takes the event filters', async () => {
    const b = await ok('/api/overview?actor=ARM&dyads=1');
    assert.equal(b['total'], 4);
    assert.equal((b['topDyads'] as unknown[]).length, 1);
  });
});

describe('bad input', () => {
  const cases: Array<[string, string]> = [
    ['/api/events?since=2020-13-01', 'since'],
    ['/api/events?since=yesterday', 'since'],
    ['/api/events?until=2020-02-30', 'until'],
    ['/api/events?since=2020-10-10&until=2020-10-01', 'until'],
    ['/api/events?limit=0', 'limit'],
    ['/api/events?limit=abc', 'limit'],
    ['/api/events?limit=5000', 'limit'],
    ['/api/events?offset=-1', 'offset'],
    ['/api/events?quadClass=5', 'quadClass'],
    ['/api/events?quadClass=conflict', 'quadClass'],
    ['/api/events?root=21', 'root'],
    ['/api/events?cameo=abc', 'cameo'],
    ['/api/events?dyad=FRA', 'dyad'],
    ['/api/events?dyad=FRA:TUR:RUS', 'dyad'],
    ['/api/events?actor=F', 'actor'],
    ['/api/events?sort=password', 'sort'],
    ['/api/events?order=sideways', 'order'],
    ['/api/events?directed=maybe', 'directed'],
    ['/api/events?colour=red', 'colour'],
    ['/api/events?limit=1&limit=2', 'limit'],
    ['/api/events?q=' + 'x'.repeat(201), 'q'],
    ['/api/network?nodes=1', 'nodes'],
    ['/api/overview?dyads=0', 'dyads'],
    [`/api/events/${EVENT_ID['e01']}?x=1`, 'x'],
  ];
  for (const [path, param] of cases) {
    it(`400 naming '${param}' for ${path.slice(0, 70)}`, async () => {
      const r = await get(path);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body['parameter'], param);
      assert.match(String(r.body['error']), new RegExp(`^${param}: `));
    });
  }
  it('404 for an unknown route, 405 for a wrong method', async () => {
    const r = await get('/api/nothing-here');
    assert.equal(r.status, 404);
    assert.match(String(r.body['error']), /no such API route/);
    const p = await fetch(base + '/api/events', { method: 'POST', body: '{}' });
    assert.equal(p.status, 405);
    assert.equal(p.headers.get('allow'), 'GET');
  });
});

describe('POST /api/code', () => {
  const post = (body: string) =>
    fetch(base + '/api/code', { method: 'POST', body, headers: { 'content-type': 'application/json' } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Json,
    }));
  it('rejects bad bodies with 400', async () => {
    assert.equal((await post('not json')).status, 400);
    assert.equal((await post('[]')).status, 400);
    assert.equal((await post('{"date":"2020-10-07"}')).body['parameter'], 'text');
    assert.equal((await post('{"text":"   "}')).body['parameter'], 'text');
    assert.equal((await post('{"text":"France met Turkey.","date":"2020-99-01"}')).body['parameter'], 'date');
    assert.equal((await post('{"text":"x","sql":"DROP TABLE events"}')).body['parameter'], 'sql');
  });
  it('refuses a body over 1 MB with 413', async () => {
    const r = await post(JSON.stringify({ text: 'a'.repeat(1024 * 1024 + 10) }));
    assert.equal(r.status, 413);
  });
  it('codes a paragraph without storing it', async () => {
    const text = 'France accused Turkey on Wednesday of military involvement in the conflict over Nagorno-Karabakh.';
    const r = await post(JSON.stringify({ text, date: '2020-10-07' }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const doc = r.body as unknown as { document: { text: string; date: string }; entities: Array<{ code: string | null }>; events: unknown[] };
    assert.match(doc.document.text, /France accused Turkey/);
    assert.equal(doc.document.date, '2020-10-07');
    assert.ok(doc.entities.some((e) => e.code?.startsWith('FRA')));
    assert.ok(Array.isArray(doc.events));
    const h = await ok('/api/health');
    assert.equal((h['counts'] as Json)['articles'], 3);
  });
  it('says why a text cannot be coded', async () => {
    const r = await post(JSON.stringify({ text: 'Hi.' }));
    assert.equal(r.status, 400);
    assert.equal(r.body['parameter'], 'text');
  });
});

describe('SQL injection', () => {
  const payloads = ["FRA' OR 1=1 --", "'; DROP TABLE events; --", '1; DELETE FROM events', "x') UNION SELECT * FROM articles --", '$1'];
  const params = ['actor', 'dyad', 'root', 'cameo', 'quadClass', 'since', 'until', 'outlet', 'q', 'sort', 'order', 'limit', 'offset', 'directed'];
  it('every string parameter gives a 400 or an empty/valid result, and the tables stay intact', async () => {
    for (const route of ['/api/events', '/api/overview', '/api/network', '/api/actors', '/api/dyads/FRA/TUR/timeline']) {
      for (const param of [...params, 'search', 'nodes', 'minWeight', 'dyads', 'places']) {
        for (const p of payloads) {
          const r = await get(`${route}?${param}=${encodeURIComponent(p)}`);
          assert.ok([200, 400].includes(r.status), `${route} ${param}=${p}: ${r.status}`);
          if (r.status === 200) {
            // Only free-text parameters accept arbitrary strings, and they match nothing here.
            assert.ok(['outlet', 'q', 'search'].includes(param), `${param}=${p} accepted`);
            const total = r.body['total'];
            if (typeof total === 'number') assert.equal(total, 0, `${route} ${param}=${p}`);
            if (Array.isArray(r.body['nodes'])) assert.equal(r.body['nodes'].length, 0);
          } else {
            assert.equal(r.body['parameter'], param);
          }
        }
      }
    }
    for (const p of payloads) {
      for (const path of [`/api/events/${encodeURIComponent(p)}`, `/api/articles/${encodeURIComponent(p)}`]) {
        assert.equal((await get(path)).status, 404, path);
      }
      assert.equal((await get(`/api/dyads/${encodeURIComponent(p)}/TUR/timeline`)).status, 400);
      assert.equal((await get(`/api/dyads/FRA/${encodeURIComponent(p)}/timeline`)).status, 400);
    }
    const h = await ok('/api/health');
    assert.deepEqual(h['counts'], { events: 12, articles: 3, mentions: 13, actors: 8 });
  });
});

describe('static files', () => {
  function raw(path: string): Promise<{ status: number; body: string }> {
    const u = new URL(base);
    return new Promise((resolve, reject) => {
      const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }
  it('serves the app from its root', async () => {
    const r = await fetch(base + '/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });
  it('never serves a file outside the web root', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/....//secret.txt',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/index.html%00.js',
      '/%ff',
    ]) {
      const r = await raw(path);
      assert.ok([400, 404].includes(r.status), `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /TOP-SECRET|root:/, path);
    }
  });
});

describe('startServer', () => {
  it('refuses a missing store and a database that is not a Dyad store', async () => {
    await assert.rejects(startServer({ dbPath: '/nonexistent/dyad.duckdb', port: 0 }), { code: 'DYAD_E001' });
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const path = join(mkdtempSync(join(tmpdir(), 'dyad-api-other-')), 'other.duckdb');
    const inst = await DuckDBInstance.create(path);
    const conn = await inst.connect();
    await conn.run('CREATE TABLE t (x INTEGER)');
    conn.closeSync();
    inst.closeSync();
    await assert.rejects(startServer({ dbPath: path, port: 0 }), { code: 'DYAD_E011' });
  });
  it('answers HEAD like GET without a body', async () => {
    const r = await fetch(base + '/api/health', { method: 'HEAD' });
    assert.equal(r.status, 200);
    assert.equal(await r.text(), '');
  });
});
