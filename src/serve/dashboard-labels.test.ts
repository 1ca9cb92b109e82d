/**
 * What an analyst reads on the dashboard (issue #14): nodes and dyads named after their code's
 * canonical name (never the first mention), the CAMEO column as "112 Accuse" with PLOVER in a
 * column of its own, a legend on the map, and network labels that do not overlap. In a real browser
 * (Debian's Chromium, headless), over a store written through the real writer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openStore } from '../store/index.js';
import { testDoc } from '../store/testdocs.js';
import { startServer, WEB_ROOT } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM)
  ? `browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`
  : !existsSync(join(WEB_ROOT, 'app.js'))
    ? `browser tests skipped: ${WEB_ROOT}app.js not built (npm run build)`
    : false;
if (skip) process.stderr.write(skip + '\n');

const ARTICLES: Array<{ text: string; outlet: string; events: Array<{ source: string; target: string; cameo: string; location?: { name: string; lat: number; lon: number; country: string } }> }> = [
  { text: 'Foreign Minister Wang Yi accused the United States of interfering.', outlet: 'Alpha', events: [{ source: 'CHN', target: 'USA', cameo: '112' }] },
  { text: 'Wang Yi told the US envoy that Washington should stop.', outlet: 'Beta', events: [{ source: 'CHN', target: 'USAGOV', cameo: '112' }] },
  { text: 'Georgian police detained opposition protesters in Tbilisi.', outlet: 'Gamma', events: [{ source: 'GEOCOP', target: 'GEOOPP', cameo: '173', location: { name: 'Tbilisi', lat: 41.69, lon: 44.83, country: 'GEO' } }] },
  { text: 'North Korea fired a missile; Pyongyang said it was a test.', outlet: 'Alpha', events: [{ source: 'PRK', target: 'JPN', cameo: '150', location: { name: 'Pyongyang', lat: 39.03, lon: 125.75, country: 'PRK' } }] },
  { text: 'The North Korean government threatened South Korea.', outlet: 'Delta', events: [{ source: 'PRKGOV', target: 'KOR', cameo: '138' }] },
  { text: 'The United Nations urged restraint by both Koreas.', outlet: 'Beta', events: [{ source: 'IGOUNO', target: 'PRK', cameo: '020' }, { source: 'IGOUNO', target: 'KOR', cameo: '020' }] },
  // A crowded star of long names around one actor, where labels collide unless they are placed.
  ...['COD', 'CAF', 'SSD', 'SDN', 'ETH', 'SOM', 'KEN', 'UGA', 'RWA', 'BDI', 'TZA', 'ZMB', 'MOZ', 'ZWE'].flatMap((c, i) => [
    { text: `Forces of country ${i} met the UN envoy.`, outlet: 'Epsilon', events: [{ source: `${c}MIL`, target: 'IGOUNO', cameo: '040' }] },
    { text: `The government of country ${i} met the UN envoy.`, outlet: 'Zeta', events: [{ source: `${c}GOV`, target: 'IGOUNO', cameo: '040' }] },
  ]),
];

describe('dashboard labels, columns and legend', { skip }, () => {
  let dir = '';
  let browser: Browser;
  let page: Page;
  let base = '';
  let close: () => Promise<void> = async () => {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-labels-'));
    const dbPath = join(dir, 'labels.duckdb');
    const store = await openStore({ path: dbPath });
    await store.addArticles(
      ARTICLES.map((a, i) => ({
        article: { url: `https://${a.outlet.toLowerCase()}.example/${i}`, outlet: a.outlet },
        // testDoc names each actor after its code as written in the mention: the store must not show that.
        doc: testDoc({ text: a.text, date: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`, events: a.events }),
      })),
    );
    await store.close();
    const s = await startServer({ dbPath, port: 0, host: '127.0.0.1', log: () => undefined });
    base = s.url;
    close = s.close;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  });

  after(async () => {
    await browser?.close();
    await close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(hash: string): Promise<void> {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector('body[data-ready="true"]');
  }

  it('names dyads by their codes\u2019 canonical names', async () => {
    await open('#/overview');
    const dyads = (await page.locator('[data-testid=top-dyads] tbody').textContent()) ?? '';
    assert.match(dyads, /China/);
    assert.match(dyads, /United Nations/);
    assert.doesNotMatch(dyads, /Wang Yi/);
    const net = await (await fetch(`${base}/api/network?nodes=80`)).text();
    assert.match(net, /"Georgia: police"/);
    assert.match(net, /"Georgia: opposition"/);
  });

  it('shows CAMEO as "112 Accuse" and PLOVER in its own column', async () => {
    await open('#/events');
    const headers = await page.locator('[data-testid=events-table] thead th').allTextContents();
    assert.ok(headers.some((t) => t.startsWith('CAMEO')) && headers.some((t) => t.startsWith('PLOVER')), headers.join('|'));
    const cameo = await page.locator('[data-testid=events-table] tbody td.cameo').allTextContents();
    assert.ok(cameo.includes('112 Accuse'), cameo.join('|'));
    assert.ok(cameo.includes('173 Arrest, detain, or charge with legal action'), cameo.join('|'));
    const plover = await page.locator('[data-testid=events-table] tbody td.plover').allTextContents();
    assert.ok(plover.every((t) => !/^\d/.test(t)), plover.join('|'));
  });

  it('gives the map a legend for colour and size', async () => {
    await open('#/overview');
    await page.waitForSelector('[data-testid=map] svg.map');
    const legend = (await page.locator('svg.map g.map-legend').textContent()) ?? '';
    assert.match(legend, /colour: mean Goldstein/);
    assert.match(legend, /size: events/);
  });

  it('draws two distinct North Korea nodes and no overlapping labels', async () => {
    await open('#/network?nodes=50');
    await page.waitForSelector('[data-testid=network] svg');
    const names = await page.$$eval('[data-testid=network] g.node', (els) => els.map((e) => e.getAttribute('data-name') ?? ''));
    assert.ok(names.includes('North Korea') && names.includes('North Korea: government'), names.join('|'));
    assert.equal(new Set(names).size, names.length, 'two nodes with one name');
    const labels = await page.locator('[data-testid=network] g.node text').allTextContents();
    assert.ok(labels.length >= names.length / 2, `only ${labels.length} of ${names.length} nodes labelled`);
    const boxes = await page.$$eval('[data-testid=network] g.node text', (els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
      }),
    );
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;
        assert.ok(!overlap, `labels ${labels[i]} and ${labels[j]} overlap`);
      }
    }
  });
});
