/**
 * The dashboard in a real browser (Debian's Chromium, headless, driven by playwright-core) against
 * startServer on the test store. Each test leaves a screenshot under test-output/screenshots/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ARTICLE_ID, EVENT_ID, createTestDb } from './testdb.js';
import { startServer, WEB_ROOT } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/** A France–Turkey accusation paragraph (our own paraphrase of the seed's lead). */
export const ACCUSATION =
  'France accused Turkey on Wednesday of military involvement on the side of Azerbaijan in its conflict with Armenia ' +
  'over the breakaway Nagorno-Karabakh region, the latest volley in a war of words between Paris and Ankara.';

function skipReason(): string | false {
  if (!existsSync(CHROMIUM)) return `browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`;
  if (!existsSync(join(WEB_ROOT, 'app.js'))) return `browser tests skipped: ${WEB_ROOT}app.js not built (npm run build)`;
  return false;
}

const skip = skipReason();
if (skip) process.stderr.write(skip + '\n');

describe('dashboard in a browser', { skip }, () => {
  let browser: Browser;
  let page: Page;
  let base = '';
  let close: () => Promise<void> = async () => {};
  const errors: string[] = [];

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dbPath = await createTestDb();
    const s = await startServer({ dbPath, port: 0, host: '127.0.0.1', log: (l) => errors.push(l) });
    base = s.url;
    close = s.close;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    // Every asset must come from our server: fail any request elsewhere.
    await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  });

  after(async () => {
    await browser?.close();
    await close();
  });

  async function open(hash: string): Promise<void> {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector('body[data-ready="true"]');
  }

  async function navigate(action: () => Promise<void>): Promise<void> {
    await page.evaluate(() => (document.body.dataset['ready'] = 'false'));
    await action();
    await page.waitForSelector('body[data-ready="true"]');
  }

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('overview: totals, QuadClass series, top dyads and the map', async () => {
    await open('#/overview');
    assert.equal(await page.textContent('[data-testid=total-events]'), '12');
    assert.ok((await page.locator('[data-testid=timeline] g.bar rect').count()) >= 12);
    assert.match((await page.textContent('[data-testid=top-dyads] tbody tr')) ?? '', /FRAGOV – TURGOV France: government – Türkiye: government\s*3/);
    await page.waitForSelector('[data-testid=map] svg.map');
    assert.ok((await page.locator('svg.map path.country').count()) > 100, 'countries drawn');
    assert.equal(await page.locator('svg.map circle.dot').count(), 9, 'one dot per located place');
    await shot('overview');
    assert.deepEqual(errors, []);
  });

  it('overview: a filter narrows every panel', async () => {
    await open('#/overview');
    await page.fill('form.filters input[name=actor]', 'ARM');
    await navigate(() => page.click('form.filters button[type=submit]'));
    assert.match(page.url(), /actor=ARM/);
    assert.equal(await page.textContent('[data-testid=total-events]'), '4');
    await page.waitForSelector('[data-testid=map] svg.map');
    await shot('overview-filtered');
  });

  it('events: filter, sort, then open an article from an event', async () => {
    await open('#/events');
    assert.equal(await page.locator('[data-testid=events-table] tbody tr').count(), 12);
    await page.selectOption('form.filters select[name=quadClass]', '4');
    await navigate(() => page.click('form.filters button[type=submit]'));
    assert.equal(await page.locator('[data-testid=events-table] tbody tr').count(), 3);
    assert.match((await page.textContent('[data-testid=events-count]')) ?? '', /1–3 of 3 events/);
    await navigate(() => page.click('th[data-sort=goldstein] button'));
    assert.match(page.url(), /sort=goldstein/);
    const first = page.locator('[data-testid=events-table] tbody tr').first();
    assert.equal(await first.getAttribute('data-id'), EVENT_ID['e09'], 'highest Goldstein of the material conflicts first');
    await shot('events-filtered');
    await navigate(() => first.locator('a.article-link').click());
    assert.ok(page.url().includes(`#/article/${ARTICLE_ID['a3']}`), page.url());
    await page.waitForSelector('[data-testid=annotated-text] .hl-trigger');
    const triggers = await page.locator('[data-testid=annotated-text] .hl-trigger').allTextContents();
    assert.ok(triggers.includes('imposed sanctions'), triggers.join('|'));
    // The event we came from is lit up.
    assert.match((await page.textContent('.event-card.active')) ?? '', /European Union \(IGOEUREEC\) → Turkey/);
    assert.equal(await page.locator('[data-testid=annotated-text] .hl-trigger.active').textContent(), 'imposed sanctions');
    await shot('article');
  });

  it('article: actors, triggers, dates and quotes highlighted, each event explained', async () => {
    await open(`#/article/${ARTICLE_ID['a1']}`);
    const text = page.locator('[data-testid=annotated-text]');
    assert.ok((await text.locator('.hl-entity').count()) >= 10);
    assert.ok((await text.locator('.hl-date').allTextContents()).includes('on Wednesday'));
    assert.match((await text.locator('.hl-quote').first().textContent()) ?? '', /There is military involvement/);
    const cards = page.locator('[data-testid=event-card]');
    assert.equal(await cards.count(), 4);
    const card = (await cards.first().textContent()) ?? '';
    assert.match(card, /accused fired rule verb:accused/);
    assert.match(card, /2020-10-07 from on Wednesday/);
    await cards.nth(3).click();
    assert.equal(await text.locator('.hl-trigger.active').textContent(), 'provided aid');
    await shot('article-a1');
  });

  it('dyad view: the Goldstein line, each point opening its events', async () => {
    await open('#/dyad?a=FRA&b=TUR');
    const points = page.locator('[data-testid=dyad-chart] circle.point');
    assert.equal(await points.count(), 3);
    await points.first().click();
    await page.waitForSelector('[data-testid=dyad-events] [data-testid=events-table]');
    assert.match((await page.textContent('[data-testid=dyad-events] h3')) ?? '', /2020-10-07: 1 event/);
    assert.equal(await page.locator('[data-testid=dyad-events] tbody tr').getAttribute('data-id'), EVENT_ID['e01']);
    await shot('dyad');
    await page.fill('input[name=a]', 'ARM');
    await page.fill('input[name=b]', 'AZE');
    await navigate(() => page.click('[data-testid=dyad-form] button[type=submit]'));
    assert.equal(await page.locator('[data-testid=dyad-chart] circle.point').count(), 2);
  });

  it('network: actors as nodes, weighted edges; a node opens its events', async () => {
    await open('#/network');
    assert.equal(await page.locator('[data-testid=network] g.node').count(), 8);
    assert.equal(await page.locator('[data-testid=network] path.edge').count(), 11);
    await shot('network');
    await navigate(() => page.click('[data-testid=network] g.node[data-code=FRAGOV] circle'));
    assert.match(page.url(), /#\/events\?.*actor=FRAGOV/);
    assert.equal(await page.locator('[data-testid=events-table] tbody tr').count(), 5);
  });

  it('event page lists every mention with its evidence', async () => {
    await open(`#/event/${EVENT_ID['e01']}`);
    assert.equal(await page.locator('[data-testid=mentions] li').count(), 2);
    await navigate(() => page.locator('[data-testid=mentions] a.article-link').nth(1).click());
    assert.ok(page.url().includes(`#/article/${ARTICLE_ID['a3']}`), page.url());
    await shot('event-to-article');
  });

  it('unknown pages and API errors are shown, not thrown', async () => {
    await open('#/article/nope');
    assert.match((await page.textContent('.error')) ?? '', /no article with id "nope" \(HTTP 404\)/);
    await open('#/nowhere');
    assert.match((await page.textContent('h2')) ?? '', /Not found/);
  });

  it('markup in a text is shown as text, never run', async () => {
    await open('#/code');
    const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Greece criticised Turkey on Monday over drilling in disputed waters.';
    await page.fill('[data-testid=code-text]', evil);
    await page.fill('[data-testid=code-date]', '2020-10-07');
    await page.click('[data-testid=code-submit]');
    await page.waitForSelector('[data-testid=code-result] [data-testid=annotated-text], [data-testid=code-result] .error');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.equal(await page.locator('[data-testid=code-result] img, [data-testid=code-result] script').count(), 0);
    // Coded, and the markup shown as the text it is.
    assert.equal(await page.locator('[data-testid=code-result] .error').count(), 0);
    const shown = (await page.textContent('[data-testid=code-result] [data-testid=annotated-text]')) ?? '';
    assert.ok(shown.includes('<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'), shown.slice(0, 200));
    const triggers = await page.locator('[data-testid=code-result] [data-testid=annotated-text] .hl-trigger').allTextContents();
    assert.ok(triggers.includes('criticised'), `triggers: ${triggers.join('|')}`);
  });

  it('code an article: the accusation is highlighted', async () => {
    await open('#/code');
    await page.fill('[data-testid=code-text]', ACCUSATION);
    await page.fill('[data-testid=code-date]', '2020-10-07');
    await page.click('[data-testid=code-submit]');
    await page.waitForSelector('[data-testid=code-result] [data-testid=annotated-text], [data-testid=code-result] .error');
    await shot('code-an-article');
    assert.equal(await page.locator('[data-testid=code-result] .error').count(), 0);
    const triggers = await page.locator('[data-testid=code-result] [data-testid=annotated-text] .hl-trigger').allTextContents();
    assert.ok(triggers.some((t) => /accus/i.test(t)), `triggers: ${triggers.join('|')}`);
    const card = (await page.locator('[data-testid=code-result] [data-testid=event-card]').first().textContent()) ?? '';
    assert.match(card, /France.*→.*Turkey/);
  });
});
