/**
 * Hostile requests against a running server (issue 17, findings 1, 7, 9, 11): a Host that is not
 * this server (DNS rebinding), cross-origin and non-JSON POSTs, an abandoned long POST that must not
 * delay the next tiny one, a coding budget, deep pages, and the small leaks and refusals of 11.
 * The coder is a stand-in (coder.fixture.ts) whose "SPIN" texts busy their worker for a minute.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_ARTICLES, createTestDb, testDocument } from './testdb.js';
import { startServer, type RunningServer } from './server.js';
import { MAX_OFFSET } from './api.js';
import { openStore } from '../store/index.js';

const FIXTURE_CODER = new URL('./coder.fixture.js', import.meta.url).href;

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** A raw request, so that Host, Origin and Content-Type are exactly what a hostile page would send. */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

let server: RunningServer;
let base = '';
let dbPath = '';

before(async () => {
  dbPath = await createTestDb(mkdtempSync(join(tmpdir(), 'dyad-hostile-')));
  server = await startServer({
    dbPath, port: 0, host: '127.0.0.1', allowHosts: ['dyad.example'], log: () => {},
    coding: { coderModule: FIXTURE_CODER, timeoutMs: 20_000 },
  });
  base = server.url;
});
after(() => server.close());

describe('Host validation (DNS rebinding)', () => {
  it('refuses a request naming another host, for the API and the static files alike', async () => {
    for (const path of ['/api/events', '/api/health', '/']) {
      const r = await raw(base, 'GET', path, { host: 'attacker.example:8080' });
      assert.equal(r.status, 403, path);
      assert.equal(r.body['parameter'], 'host');
      assert.match(String(r.body['error']), /"attacker\.example" is not served here/);
    }
  });
  it('serves the bound address, the loopback names and the names allowed with --allow-host', async () => {
    const port = new URL(base).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST.:${port}`, `[::1]:${port}`, 'dyad.example']) {
      assert.equal((await raw(base, 'GET', '/api/health', { host })).status, 200, host);
    }
  });
});

describe('POST /api/code from a web page', () => {
  it('refuses a text/plain POST (the kind a page on any origin may send blind)', async () => {
    const r = await raw(base, 'POST', '/api/code', { 'content-type': 'text/plain' }, '{"text":"France met Turkey on Monday."}');
    assert.equal(r.status, 415);
    assert.equal(r.body['parameter'], 'content-type');
  });
  it('refuses a JSON POST from another origin, or from an opaque (null) one', async () => {
    for (const origin of ['http://attacker.example', 'null', `http://localhost:1`]) {
      const r = await raw(base, 'POST', '/api/code', { ...JSON_TYPE, origin }, '{"text":"France met Turkey on Monday."}');
      assert.equal(r.status, 403, origin);
      assert.equal(r.body['parameter'], 'origin');
    }
    const site = await raw(base, 'POST', '/api/code', { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' }, '{"text":"France met Turkey."}');
    assert.equal(site.status, 403);
  });
  it('accepts a JSON POST from its own origin and from no browser (no Origin)', async () => {
    const same = await raw(base, 'POST', '/api/code', { ...JSON_TYPE, origin: base }, '{"text":"France met Turkey on Monday."}');
    assert.equal(same.status, 200, JSON.stringify(same.body));
    const none = await raw(base, 'POST', '/api/code', JSON_TYPE, '{"text":"France met Turkey on Monday."}');
    assert.equal(none.status, 200);
  });
});

describe('POST /api/code under abuse', () => {
  it('an abandoned long POST is stopped: the next tiny POST and the reads do not wait for it', async () => {
    const startsBefore = server.stats().coderStarts;
    const abandon = new AbortController();
    const long = fetch(base + '/api/code', {
      method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ text: 'SPIN '.repeat(1000) }), signal: abandon.signal,
    }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 400)); // the worker is now spinning
    const read0 = performance.now();
    assert.equal((await fetch(base + '/api/overview')).status, 200);
    const readMs = performance.now() - read0;
    abandon.abort();
    await long;
    const t0 = performance.now();
    const tiny = await fetch(base + '/api/code', { method: 'POST', headers: JSON_TYPE, body: '{"text":"Greece met Turkey on Monday."}' });
    const tinyMs = performance.now() - t0;
    assert.equal(tiny.status, 200);
    // The stand-in spins for 60 s: answering within 15 s means the abandoned work was stopped.
    assert.ok(tinyMs < 15_000, `tiny POST took ${Math.round(tinyMs)} ms`);
    assert.ok(readMs < 5_000, `a read took ${Math.round(readMs)} ms while the coder was busy`);
    assert.ok(server.stats().coderStarts > startsBefore, 'the busy worker was replaced');
  });

  it('a text over the time budget is stopped and answered 503; a burst past the queue bound is refused at once', async () => {
    const s = await startServer({ dbPath, port: 0, log: () => {}, coding: { coderModule: FIXTURE_CODER, timeoutMs: 300, maxWaiting: 1 } });
    try {
      const post = (text: string) =>
        fetch(s.url + '/api/code', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ text }) }).then(async (r) => ({
          status: r.status, body: (await r.json()) as Record<string, unknown>,
        }));
      const slow = post('SPIN the wheel on Monday.');
      await new Promise((r) => setTimeout(r, 100));
      const queued = post('Greece met Turkey on Monday.');
      const refused = await post('Greece met Turkey on Tuesday.');
      assert.equal(refused.status, 503);
      assert.match(String(refused.body['error']), /the coder is busy/);
      const r = await slow;
      assert.equal(r.status, 503);
      assert.match(String(r.body['error']), /budget/);
      assert.equal((await queued).status, 200);
    } finally {
      await s.close();
    }
  });
});

describe('deep pagination', () => {
  it(`refuses an offset past ${MAX_OFFSET} with a 400 that says how to page deeper`, async () => {
    const r = await raw(base, 'GET', '/api/events?offset=900000', {});
    assert.equal(r.status, 400);
    assert.equal(r.body['parameter'], 'offset');
    assert.match(String(r.body['error']), /after=/);
  });
  it('pages by keyset cursor through the same events, in the same order, as one long page', async () => {
    for (const q of ['sort=date&order=desc', 'sort=goldstein&order=asc', 'sort=target&order=desc', 'quadClass=3,4&sort=mentions&order=asc']) {
      const all = (await raw(base, 'GET', `/api/events?${q}&limit=100`, {})).body['events'] as Array<{ id: string }>;
      const walked: string[] = [];
      let next: string | null = null;
      do {
        const page: Reply = await raw(base, 'GET', `/api/events?${q}&limit=5${next ? `&after=${next}` : ''}`, {});
        assert.equal(page.status, 200, JSON.stringify(page.body));
        walked.push(...(page.body['events'] as Array<{ id: string }>).map((e) => e.id));
        next = page.body['next'] as string | null;
      } while (next !== null && walked.length < 100);
      assert.deepEqual(walked, all.map((e) => e.id), q);
    }
  });
  it('refuses a forged cursor, or one made for another sort', async () => {
    const first = (await raw(base, 'GET', '/api/events?limit=2', {})).body;
    const other = await raw(base, 'GET', `/api/events?limit=2&sort=goldstein&after=${String(first['next'])}`, {});
    assert.equal(other.status, 400);
    assert.match(String(other.body['error']), /sort=date/);
    const forged = await raw(base, 'GET', '/api/events?after=' + encodeURIComponent("'; DROP TABLE events; --"), {});
    assert.equal(forged.status, 400);
    assert.equal(forged.body['parameter'], 'after');
  });
});

describe('the small items', () => {
  it('an unknown parameter of 15 KB is named, not echoed whole', async () => {
    const name = 'z'.repeat(15_000);
    const r = await raw(base, 'GET', `/api/events?${name}=1`, {});
    assert.equal(r.status, 400);
    assert.ok(String(r.body['error']).length < 300, `error of ${String(r.body['error']).length} characters`);
    assert.ok(String(r.body['parameter']).length <= 61);
    assert.match(String(r.body['error']), /^z{60}…: unknown parameter/);
  });
  it('/api/health shows the store file name, not its absolute path', async () => {
    const h = (await raw(base, 'GET', '/api/health', {})).body;
    assert.equal(h['db'], 'test.duckdb');
    assert.ok(!JSON.stringify(h).includes(tmpdir()));
  });
  it('dates in the years 1-99 are dates: accepted as filters and stored as given', async () => {
    assert.equal((await raw(base, 'GET', '/api/events?since=0050-01-01&until=0099-12-31', {})).status, 200);
    assert.equal((await raw(base, 'GET', '/api/events?since=0000-01-01', {})).status, 400);
    const dir = mkdtempSync(join(tmpdir(), 'dyad-hostile-year-'));
    const store = await openStore({ path: join(dir, 'y.duckdb') });
    try {
      const doc = testDocument('a2');
      doc.events.forEach((e) => (e.date = '0050-03-01'));
      await store.addArticles([{ article: { url: 'https://example.org/year50', date: '0050-03-01', outlet: 'Annals' }, doc }]);
      const dates = await store.query<{ d: string }>('SELECT DISTINCT CAST(date AS VARCHAR) AS d FROM events');
      assert.deepEqual(dates.map((r) => r.d), ['0050-03-01']);
    } finally {
      await store.close();
    }
  });
  it('/api/events links an undated article to its events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-hostile-undated-'));
    const path = join(dir, 'u.duckdb');
    const store = await openStore({ path });
    const doc = testDocument('a2');
    doc.document.date = null;
    await store.addArticles([{ article: { url: 'https://example.org/undated', title: TEST_ARTICLES['a2']!.title, outlet: 'Wire' }, doc }]);
    await store.close();
    const s = await startServer({ dbPath: path, port: 0, log: () => {} });
    try {
      const evs = ((await (await fetch(s.url + '/api/events')).json()) as { events: Array<{ article: { id: string | null } | null }> }).events;
      assert.ok(evs.length >= 3);
      for (const e of evs) assert.ok(e.article?.id, JSON.stringify(e.article));
    } finally {
      await s.close();
    }
  });
});
