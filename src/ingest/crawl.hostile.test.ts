/**
 * Issue #17, findings 4, 5 and 10: safe crawling. Test servers on 127.0.0.1 (the user's feed)
 * and 127.0.0.2 (an "internal" host the feed points at).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore } from '../store/index.js';
import { memoryIo } from '../cli/io.js';
import { runCli } from '../cli/main.js';
import { ingest } from './ingest.js';
import { sourceItems } from './sources.js';
import { Fetcher } from './fetch.js';
import { internalRange, literalRefusal } from './address.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Site {
  server: Server;
  base: string;
  port: number;
  hits: Array<{ path: string; at: number }>;
}

async function site(host: string, handler: Handler): Promise<Site> {
  const hits: Site['hits'] = [];
  const server = createServer((req, res) => {
    hits.push({ path: req.url ?? '/', at: Date.now() });
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const port = (server.address() as AddressInfo).port;
  return { server, base: `http://${host}:${port}`, port, hits };
}

const page = (title: string, body: string, canonical?: string) =>
  `<!doctype html><html><head><title>${title}</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}</head>` +
  `<body><article><h1>${title}</h1><p>${body}</p><p>Officials in both capitals confirmed the meeting, which lasted three hours, and said talks would continue next month.</p></article></body></html>`;

let a: Site; // the user's site, 127.0.0.1
let b: Site; // another host, 127.0.0.2
let busy = 0;

before(async () => {
  b = await site('127.0.0.2', (req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (req.url === '/story-b') {
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(page('Egypt and Sudan sign water deal', 'Egypt and Sudan signed an agreement on Nile water sharing in Cairo on Monday, the two governments said.'));
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('Internal admin page', 'Secret internal text that must never be fetched from a feed, a redirect or a link.'));
  });
  a = await site('127.0.0.1', (req, res) => {
    const path = req.url ?? '/';
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    if (path === '/feed.xml') {
      const items = [
        `${a.base}/good`,
        `${b.base}/secret`,
        `http://0x7f000002:${b.port}/secret-hex`,
        `http://2130706434:${b.port}/secret-int`,
        `http://[::ffff:127.0.0.2]:${b.port}/secret-mapped`,
        `http://localhost:${b.port}/secret-dns`,
        `${a.base}/redirect-out`,
      ];
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.map((u) => `<item><link>${u}</link></item>`).join('')}</channel></rss>`,
      );
    }
    if (path === '/canon-feed.xml') {
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><link>${a.base}/poison</link></item><item><link>${a.base}/same-site</link></item></channel></rss>`,
      );
    }
    if (path === '/good') return void html(page('France and Turkey talk', 'France and Turkey held talks in Ankara on Tuesday about the Aegean dispute, diplomats said.'));
    if (path === '/poison') return void html(page('A copied story', 'Turkey accused Greece on Monday of violating its airspace over the Aegean, officials said.', `${b.base}/story-b`));
    if (path === '/same-site') return void html(page('Moved story', 'Japan and China agreed on Friday to resume fisheries talks, the ministries said.', `${a.base}/canonical-of-same-site`));
    if (path === '/redirect-out') return void res.writeHead(302, { location: `${b.base}/secret-redirect` }).end();
    if (path === '/go') return void res.writeHead(301, { location: '/private/page' }).end();
    if (path === '/hop') return void res.writeHead(302, { location: '/landing' }).end();
    if (path === '/landing') return void html(page('Landing', 'Kenya and Somalia signed a security pact in Nairobi on Thursday, the governments said.'));
    if (path === '/busy') {
      busy++;
      if (busy === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
      return void html(page('Busy story', 'Chile and Peru opened a new border crossing on Sunday, officials said.'));
    }
    if (path === '/very-busy') return void res.writeHead(503, { 'retry-after': '3600' }).end();
    html(page('Private', 'A page in a directory that robots.txt disallows, which must not be fetched.'));
  });
});

after(async () => {
  for (const s of [a, b]) {
    s.server.closeAllConnections();
    await new Promise((r) => s.server.close(r));
  }
});

test('finding 4: every spelling of an internal address is classified', () => {
  for (const host of ['0x7f000001', '2130706433', '127.1', '0177.0.0.1', '[::ffff:127.0.0.1]', '[::1]', '[fd00::1]', '[fe80::1]', '169.254.169.254', '10.1.2.3', '192.168.0.1', '172.16.5.5', '100.64.0.1', '0.0.0.0']) {
    const hostname = new URL(`http://${host}/`).hostname;
    assert.notEqual(internalRange(hostname), null, host);
    assert.ok(literalRefusal(hostname), host);
  }
  assert.equal(internalRange('93.184.216.34'), null);
  assert.equal(internalRange('2606:4700::1111'), null);
  assert.equal(literalRefusal('news.example'), null); // names are checked after DNS, at connect time
});

test('finding 4: feed items and redirects pointing at another (internal) host are refused, the user\'s own are fetched', async () => {
  const store = await openStore({ path: ':memory:' });
  try {
    const fetcher = new Fetcher({ minIntervalMs: 0, retries: 0 });
    const before = b.hits.length;
    const stats = await ingest(sourceItems([], [`${a.base}/feed.xml`], { fetcher }), { store, workers: 0 });
    assert.equal(b.hits.length, before, `the internal host was reached: ${JSON.stringify(b.hits.slice(before))}`);
    assert.equal(stats.added, 1);
    const rows = await store.query<{ source: string; reason: string }>('SELECT source, reason FROM failures ORDER BY source');
    assert.equal(rows.length, 6, JSON.stringify(rows));
    for (const r of rows) assert.match(r.reason, /(is|, a) (a )?loopback address: internal addresses are not fetched .*--allow-private/, r.source);
    assert.ok(rows.some((r) => /^localhost resolves to (127\.0\.0\.1|::1), a loopback address/.test(r.reason)), JSON.stringify(rows));
    // --allow-private lets the same items through.
    const open = await openStore({ path: ':memory:' });
    try {
      const all = await ingest(sourceItems([], [`${a.base}/feed.xml`], { fetcher: new Fetcher({ minIntervalMs: 0, retries: 0, allowPrivate: true }) }), { store: open, workers: 0 });
      assert.ok(b.hits.length > before);
      assert.ok(all.added >= 2, JSON.stringify(all));
    } finally {
      await open.close();
    }
  } finally {
    await store.close();
  }
});

test('finding 5: a canonical link to another site is recorded and ignored; one on the same site is the identity', async () => {
  const store = await openStore({ path: ':memory:' });
  try {
    const fetcher = new Fetcher({ minIntervalMs: 0, retries: 0 });
    // Feed A (a page claiming B's story as canonical) first, then B's own page.
    const stats = await ingest(sourceItems([`${b.base}/story-b`], [`${a.base}/canon-feed.xml`], { fetcher }), { store, workers: 0 });
    assert.equal(stats.added, 3, JSON.stringify(stats));
    const rows = await store.query<{ url: string; canonical_url: string | null; doc_json: string }>('SELECT url, canonical_url, doc_json FROM articles ORDER BY url');
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    const poison = byUrl.get(`${a.base}/poison`);
    assert.ok(poison, JSON.stringify(rows.map((r) => r.url)));
    assert.equal(poison.canonical_url, null);
    const dropped = (JSON.parse(poison.doc_json) as { document: { dropped: Array<{ kind: string; text: string }> } }).document.dropped;
    assert.deepEqual(dropped.filter((d) => d.kind === 'foreign-canonical'), [{ kind: 'foreign-canonical', text: `${b.base}/story-b` }]);
    assert.ok(byUrl.has(`${b.base}/story-b`), 'the genuine article was skipped');
    assert.equal(byUrl.get(`${a.base}/same-site`)?.canonical_url, `${a.base}/canonical-of-same-site`);
  } finally {
    await store.close();
  }
});

test('finding 10: robots.txt applies to every redirect hop, hops are rate-limited, Retry-After is honoured', async () => {
  const fetcher = new Fetcher({ minIntervalMs: 400, retries: 2, backoffMs: 10 });
  fetcher.trust(a.base);
  await assert.rejects(fetcher.get(`${a.base}/go`), /\/private\/page: disallowed by robots\.txt/);
  assert.ok(!a.hits.some((h) => h.path === '/private/page'), 'the disallowed target of a redirect was fetched');

  const from = a.hits.length;
  const landed = await fetcher.get(`${a.base}/hop`);
  assert.equal(landed.url, `${a.base}/landing`);
  const [hop, land] = a.hits.slice(from).filter((h) => h.path === '/hop' || h.path === '/landing');
  assert.ok(hop && land && land.at - hop.at >= 350, `redirect hop not rate-limited: ${land && hop ? land.at - hop.at : '?'} ms`);

  const t0 = Date.now();
  const ok = await fetcher.get(`${a.base}/busy`);
  assert.equal(ok.status, 200);
  assert.ok(Date.now() - t0 >= 950, `Retry-After: 1 not waited (${Date.now() - t0} ms)`);
  await assert.rejects(fetcher.get(`${a.base}/very-busy`), /HTTP 503, asked to retry after 3600 s/);
});

test('finding 10: dyad extract URL obeys robots.txt', async () => {
  const io = memoryIo();
  assert.equal(await runCli(['extract', `${a.base}/private/page`], io), 69);
  assert.match(io.stderr, /could not fetch .*\/private\/page: disallowed by robots\.txt/);
  assert.ok(!a.hits.some((h) => h.path === '/private/page'));
  const ok = memoryIo();
  assert.equal(await runCli(['extract', `${a.base}/good`, '--format', 'text'], ok), 0, ok.stderr);
  assert.match(ok.stdout, /France and Turkey held talks/);
});
