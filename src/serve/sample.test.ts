/**
 * End to end: code a slice of the bundled sample corpus, store it with the store API, serve it,
 * and check that what the API returns is consistent with what was stored.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { code } from '../index.js';
import { openStore } from '../store/index.js';
import { startServer } from './server.js';
import { SAMPLE_SKIP, sampleRecords } from './testdb.js';

const N = 8;
const skip = SAMPLE_SKIP;

describe('serving the sample corpus', { skip }, () => {
  let base = '';
  let close: () => Promise<void> = async () => {};
  let coded = 0;

  before(async () => {
    const recs = sampleRecords(N);
    const path = join(mkdtempSync(join(tmpdir(), 'dyad-serve-sample-')), 'sample.duckdb');
    const store = await openStore({ path });
    const items = [];
    for (const r of recs) {
      const doc = await code(r.text, { date: r.date, title: r.title, url: r.url });
      coded += doc.events.length;
      items.push({ article: { url: r.url, title: r.title, date: r.date, outlet: r.outlet }, doc });
    }
    await store.addArticles(items);
    await store.close();
    const s = await startServer({ dbPath: path, port: 0, log: () => {} });
    base = s.url;
    close = s.close;
  });
  after(() => close());

  const get = async <T>(p: string): Promise<T> => {
    const r = await fetch(base + p);
    assert.equal(r.status, 200, p);
    return (await r.json()) as T;
  };

  it('serves every stored article and event, with consistent totals', async () => {
    const h = await get<{ counts: { articles: number; events: number; mentions: number } }>('/api/health');
    assert.equal(h.counts.articles, N);
    assert.ok(coded > 0 && h.counts.events > 0 && h.counts.events <= coded, `${h.counts.events} stored of ${coded} coded`);
    assert.equal(h.counts.mentions, coded, 'one mention per coded event');
    const ov = await get<{ total: number; quadTotals: number[] }>('/api/overview');
    assert.equal(ov.total, h.counts.events);
    assert.equal(ov.quadTotals.reduce((a, b) => a + b, 0), ov.total);
    const ev = await get<{ total: number }>('/api/events?limit=1');
    assert.equal(ev.total, h.counts.events);
  });

  it('finds the Moldova–Russia accusation and its evidence in the article text', async () => {
    const r = await get<{ events: Array<{ id: string; root: string }> }>('/api/events?dyad=MDA:RUS&root=11');
    assert.ok(r.events.length >= 1, 'an accusation between Moldova and Russia');
    const d = await get<{ mentions: Array<{ articleId: string; evidence: { start: number; end: number; text: string } }> }>(
      `/api/events/${r.events[0]!.id}`,
    );
    for (const m of d.mentions) {
      const a = await get<{ document: { document: { text: string } } }>(`/api/articles/${m.articleId}`);
      assert.equal(a.document.document.text.slice(m.evidence.start, m.evidence.end), m.evidence.text);
    }
  });

  it('merges the France–Turkey reports of several outlets into dyad timeline days', async () => {
    const t = await get<{ total: number; days: Array<{ date: string; total: number }> }>('/api/dyads/FRA/TUR/timeline');
    assert.ok(t.total >= 2, `FRA–TUR events: ${t.total}`);
    assert.equal(t.days.reduce((s, d) => s + d.total, 0), t.total);
    const outlets = await get<{ outlets: Array<{ outlet: string }> }>('/api/outlets');
    assert.ok(outlets.outlets.length >= 3);
  });
});
