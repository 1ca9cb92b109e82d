import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { memoryIo } from '../cli/io.js';
import { run as watchRun } from '../cli/commands/watch.js';
import { openStore } from '../store/index.js';
import { parseFeed } from './feeds.js';
import { Fetcher, parseRobots, robotsAllows } from './fetch.js';

const FIXTURES = fileURLToPath(new URL('../../test-fixtures/feeds/', import.meta.url));

let server: Server;
let base = '';
const hits: string[] = [];
let flaky = 0;

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    if (path === '/flaky') {
      flaky++;
      res.writeHead(flaky === 1 ? 503 : 200, { 'content-type': 'text/plain' });
      res.end(flaky === 1 ? 'busy' : 'ok now');
      return;
    }
    const files: Record<string, [string, string]> = {
      '/robots.txt': ['robots.txt', 'text/plain'],
      '/rss.xml': ['rss.xml', 'application/rss+xml'],
      '/atom.xml': ['atom.xml', 'application/atom+xml'],
      '/news/kharkiv-shelling.html': ['kharkiv-shelling.html', 'text/html; charset=utf-8'],
      '/news/eu-sanctions.html': ['eu-sanctions.html', 'text/html; charset=utf-8'],
      '/private/draft.html': ['draft.html', 'text/html; charset=utf-8'],
    };
    const f = files[path];
    if (!f) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(join(FIXTURES, f[0]), 'utf8').replaceAll('{{BASE}}', base);
    res.writeHead(200, { 'content-type': f[1] }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((r) => server.close(() => r())));

test('robots.txt: longest match wins, Allow wins ties, agent groups', () => {
  const r = parseRobots('User-agent: *\nDisallow: /private/\nAllow: /private/public-*.html$\n\nUser-agent: OtherBot\nDisallow: /\n');
  assert.equal(robotsAllows(r, '/news/a.html'), true);
  assert.equal(robotsAllows(r, '/private/draft.html'), false);
  assert.equal(robotsAllows(r, '/private/public-note.html'), true);
  const mine = parseRobots('User-agent: *\nAllow: /\n\nUser-agent: dyad\nDisallow: /feeds/\nCrawl-delay: 2\n');
  assert.equal(robotsAllows(mine, '/feeds/x'), false);
  assert.equal(mine.crawlDelayMs, 2000);
  // A one-letter agent name is not Dyad.
  const other = parseRobots('User-agent: d\nDisallow: /\n');
  assert.equal(robotsAllows(other, '/news/a.html'), true);
});

test('RSS and Atom feeds parse into article links with dates', () => {
  const rss = parseFeed(readFileSync(join(FIXTURES, 'rss.xml'), 'utf8').replaceAll('{{BASE}}', 'http://h.example'));
  assert.deepEqual(rss.map((i) => [i.url, i.date]), [
    ['http://h.example/news/kharkiv-shelling.html', '2024-03-02'],
    ['http://h.example/private/draft.html', '2024-03-03'],
  ]);
  const atom = parseFeed(readFileSync(join(FIXTURES, 'atom.xml'), 'utf8').replaceAll('{{BASE}}', 'http://h.example'));
  assert.deepEqual(atom.map((i) => [i.url, i.title, i.date]), [
    ['http://h.example/news/eu-sanctions.html', 'EU imposes sanctions on Russian officials', '2024-03-18'],
    ['http://h.example/news/kharkiv-shelling.html', 'Russian forces shell Kharkiv', '2024-03-02'],
  ]);
  assert.throws(() => parseFeed('<html><body>no feed</body></html>'), /not an RSS or Atom feed/);
});

test('fetcher retries a 503 with backoff and sends a User-Agent', async () => {
  const f = new Fetcher({ minIntervalMs: 0, backoffMs: 10, retries: 2 });
  f.trust(base);
  const page = await f.get(`${base}/flaky`);
  assert.equal(page.body.toString(), 'ok now');
  assert.equal(flaky, 2);
});

test('dyad watch --once polls an RSS and an Atom feed, respects robots.txt, and a second poll adds nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-watch-'));
  try {
    const list = join(dir, 'feeds.txt');
    writeFileSync(list, `# test feeds\n${base}/rss.xml\n${base}/atom.xml\n`);
    const db = join(dir, 'w.duckdb');
    const args = [list, '--once', '--db', db, '--workers', '0', '--min-interval', '0'];
    const io = memoryIo();
    assert.equal(await watchRun(args, io), 0, io.stderr);
    assert.match(io.stdout, /poll 1: ingested 2 articles/);
    assert.ok(!hits.includes('/private/draft.html'), 'a page disallowed by robots.txt was fetched');
    const store = await openStore({ path: db, readOnly: true });
    const arts = await store.query<{ url: string; date: string; title: string }>('SELECT url, date, title FROM articles ORDER BY url');
    assert.deepEqual(arts.map((a) => [a.url.replace(base, ''), a.date]), [
      ['/news/eu-sanctions.html', '2024-03-18'],
      ['/news/kharkiv-shelling.html', '2024-03-02'],
    ]);
    const failures = await store.query<{ source: string; reason: string }>('SELECT source, reason FROM failures');
    assert.deepEqual(failures.map((f) => [f.source.replace(base, ''), f.reason]), [['/private/draft.html', 'disallowed by robots.txt']]);
    assert.ok(((await store.query('SELECT * FROM events')) as unknown[]).length > 0);
    await store.close();

    const pagesBefore = hits.filter((h) => h.startsWith('/news/')).length;
    const io2 = memoryIo();
    assert.equal(await watchRun(args, io2), 0, io2.stderr);
    assert.match(io2.stdout, /ingested 0 articles/);
    assert.equal(hits.filter((h) => h.startsWith('/news/')).length, pagesBefore, 'stored articles were fetched again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dyad watch --serve answers the API from the watching process while it polls', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-watch-serve-'));
  try {
    const list = join(dir, 'feeds.txt');
    writeFileSync(list, `${base}/rss.xml\n${base}/atom.xml\n`);
    const db = join(dir, 'w.duckdb');
    const io = memoryIo();
    const running = watchRun([list, '--serve', '0', '--every', '1h', '--db', db, '--workers', '0', '--min-interval', '0'], io);
    const deadline = Date.now() + 60_000;
    while (!/poll 1:/.test(io.stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(io.stdout, /poll 1: ingested 2 articles/, io.stderr);
    const url = /serving .* at (http:\/\/\S+?)\/\n/.exec(io.stderr)?.[1];
    assert.ok(url, io.stderr);
    // Health answers from counts the server refreshes every second (it never waits on the store).
    type Health = { counts: { articles: number; events: number } };
    let health = (await (await fetch(`${url}/api/health`)).json()) as Health;
    for (const until = Date.now() + 10_000; health.counts.articles < 2 && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 100));
      health = (await (await fetch(`${url}/api/health`)).json()) as Health;
    }
    assert.equal(health.counts.articles, 2);
    assert.ok(health.counts.events > 0);
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    // Ctrl-C stops the polling and the server.
    process.emit('SIGINT');
    assert.equal(await running, 0, io.stderr);
    await assert.rejects(fetch(`${url}/api/health`));
    assert.equal(await watchRun([list, '--serve', '70000', '--db', db], memoryIo()).catch((e: Error) => e.message), '--serve: expected a port number 0-65535, got \'70000\'');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
