/**
 * Serving from the writer's own store (what `dyad watch --serve` does): the API answers exactly as
 * a read-only server over the same file, and sees new articles within its poll interval (its cached
 * answers are dropped when the store's version moves).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { code } from '../index.js';
import { openStore } from '../store/index.js';
import { startServer } from './server.js';
import { SAMPLE_SKIP, sampleRecords, type SampleRecord } from './testdb.js';

const skip = SAMPLE_SKIP;

test('a server on the writer store answers like a read-only server and sees new commits', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-serve-writer-'));
  try {
    const recs = sampleRecords(7);
    const item = async (r: SampleRecord) => ({
      article: { url: r.url, title: r.title, date: r.date, outlet: r.outlet },
      doc: await code(r.text, { date: r.date, title: r.title, url: r.url }),
    });
    const path = join(dir, 'live.duckdb');
    const store = await openStore({ path });
    await store.addArticles(await Promise.all(recs.slice(0, 6).map(item)));

    const live = await startServer({
      dbPath: path,
      store,
      port: 0,
      log: () => {},
      cache: { pollMs: 50 },
    });
    const get = async (base: string, p: string): Promise<Record<string, unknown>> => {
      const r = await fetch(base + p);
      assert.equal(r.status, 200, p);
      return (await r.json()) as Record<string, unknown>;
    };
    const health = async (base: string) => (await get(base, '/api/health'))['counts'] as { articles: number; events: number };

    const before = await health(live.url);
    assert.equal(before.articles, 6);
    const overviewBefore = (await get(live.url, '/api/overview'))['total'] as number;
    // A commit while the server runs is visible within the poll interval, cached answers included.
    await store.addArticles([await item(recs[6]!)]);
    let after = await health(live.url);
    for (let i = 0; i < 100 && after.articles !== 7; i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await health(live.url);
    }
    assert.equal(after.articles, 7);
    assert.ok(after.events > before.events, 'the new article brought events');
    assert.equal((await get(live.url, '/api/overview'))['total'], after.events);
    assert.ok(overviewBefore < after.events);

    const list = (await get(live.url, '/api/events?limit=100')) as { events: Array<{ id: string; article: { id: string } | null }> };
    const first = list.events[0]!;
    const routes = [
      '/api/health',
      '/api/overview',
      '/api/events?limit=100',
      `/api/events/${first.id}`,
      `/api/articles/${first.article!.id}`,
      '/api/actors',
      '/api/outlets',
      '/api/network',
      '/api/dyads/FRA/TUR/timeline',
    ];
    const fromWriter = await Promise.all(routes.map((r) => get(live.url, r)));
    await live.close();
    // The server does not own the writer's store: it is still usable.
    assert.equal((await store.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM articles'))[0]!.n, 7);
    await store.close();

    const readOnly = await startServer({ dbPath: path, port: 0, log: () => {} });
    try {
      const fromFile = await Promise.all(routes.map((r) => get(readOnly.url, r)));
      // Health's asOf says when each server last read the counts; everything else is the same.
      const drop = (b: Record<string, unknown>) => ({ ...b, asOf: undefined });
      for (let i = 0; i < routes.length; i++) assert.deepEqual(drop(fromWriter[i]!), drop(fromFile[i]!), routes[i]);
    } finally {
      await readOnly.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
