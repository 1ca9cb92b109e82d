import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { memoryIo } from '../io.js';
import { runCli } from '../main.js';
import { run } from './extract.js';
import { USER_AGENT } from '../../ingest/fetch.js';

const FIXTURES = fileURLToPath(new URL('../../../test-fixtures/html/', import.meta.url));
const fixture = (name: string): string => join(FIXTURES, name);

test('extracts a file as JSON', async () => {
  const io = memoryIo();
  assert.equal(await run([fixture('jsonld-article.html')], io), 0);
  const a = JSON.parse(io.stdout) as { title: string; date: string; outlet: string; paragraphs: string[]; captions: unknown[] };
  assert.equal(a.title, 'Port workers strike over pay in Valdoria');
  assert.equal(a.date, '2023-04-17');
  assert.equal(a.outlet, 'The Harbour Gazette');
  assert.equal(a.paragraphs.length, 4);
  assert.deepEqual(a.captions, []);
});

test('--format text prints the title, a blank line and the text', async () => {
  const io = memoryIo();
  assert.equal(await run([fixture('url-date.html'), '--format', 'text'], io), 0);
  const lines = io.stdout.split('\n');
  assert.equal(lines[0], 'Council approves new river bridge');
  assert.equal(lines[1], '');
  assert.match(lines[2]!, /^The city council of Orvane voted/);
});

test('reads stdin with -, and --url gives the date from the path', async () => {
  const io = memoryIo(readFileSync(fixture('url-date.html'), 'utf8'));
  assert.equal(await run(['-', '--url', 'https://orvanepost.example/2022/06/14/bridge'], io), 0);
  const a = JSON.parse(io.stdout) as { date: string; url: string; outlet: string };
  assert.equal(a.date, '2022-06-14');
  assert.equal(a.url, 'https://orvanepost.example/2022/06/14/bridge');
  assert.equal(a.outlet, 'orvanepost.example');
});

test('reads a gzipped file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-extract-'));
  try {
    const gz = join(dir, 'page.html.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('boilerplate.html'))));
    const io = memoryIo();
    assert.equal(await run([gz, '--format', 'text'], io), 0);
    assert.match(io.stdout, /^Flood defences hold as river peaks in Carrow\n\nNew flood barriers/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('errors are one line naming the input, with a non-zero exit', async () => {
  const cases: Array<[string[], number, RegExp, string?]> = [
    [['extract', 'no/such/page.html'], 66, /^dyad extract: no\/such\/page\.html: file not found\n$/],
    [['extract', fixture('empty.html')], 65, /empty\.html: no article text found in the page\n$/],
    [['extract', '-'], 65, /^dyad extract: stdin: input is empty\n$/, ''],
    [['extract', '-'], 65, /^dyad extract: stdin: not HTML \(no tags found\)\n$/, 'just some words, no markup at all'],
    [['extract'], 64, /missing input/],
    [['extract', fixture('jsonld-article.html'), '--format', 'xml'], 64, /--format must be json or text/],
  ];
  for (const [argv, code, message, stdin] of cases) {
    const io = memoryIo(stdin ?? '');
    assert.equal(await runCli(argv, io), code, argv.join(' '));
    assert.match(io.stderr, message);
    assert.equal(io.stderr.trim().split('\n').length, 1);
    assert.equal(io.stdout, '');
  }
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
}

test('fetches a URL from a local server: charset header, redirects, user agent, HTTP errors', async () => {
  const latin1 = readFileSync(fixture('latin1.html'));
  const agents: string[] = [];
  const server = createServer((req, res) => {
    agents.push(String(req.headers['user-agent']));
    if (req.url === '/2021/05/03/mayors.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      res.end(latin1);
    } else if (req.url === '/old') {
      res.writeHead(301, { location: '/2021/05/03/mayors.html' });
      res.end();
    } else if (req.url === '/huge') {
      // no Content-Length: the size is only known while reading
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < 21; i++) res.write(chunk);
      res.end();
    } else if (req.url === '/image.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>not here</p>');
    }
  });
  const port = await listen(server);
  const base = `http://127.0.0.1:${port}`;
  try {
    const io = memoryIo();
    assert.equal(await run([`${base}/old`], io), 0);
    const a = JSON.parse(io.stdout) as { title: string; text: string; url: string; date: string };
    assert.equal(a.title, 'Le président de Valmonde reçoit les maires');
    assert.match(a.text, /à l’Élysée régional/);
    assert.equal(a.url, `${base}/2021/05/03/mayors.html`);
    assert.equal(a.date, '2021-05-03');
    assert.ok(agents.every((ua) => ua === USER_AGENT), agents.join(' | '));

    const missing = memoryIo();
    assert.equal(await runCli(['extract', `${base}/missing`], missing), 69);
    assert.match(missing.stderr, new RegExp(`could not fetch ${base}/missing: HTTP 404`));

    const huge = memoryIo();
    assert.equal(await runCli(['extract', `${base}/huge`], huge), 65);
    assert.match(huge.stderr, /huge is larger than 20 MB/);

    const png = memoryIo();
    assert.equal(await runCli(['extract', `${base}/image.png`], png), 65);
    assert.match(png.stderr, /image\.png is not an HTML page \(content-type image\/png\)/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  const down = memoryIo();
  assert.equal(await runCli(['extract', `${base}/old`], down), 69);
  assert.match(down.stderr, new RegExp(`^dyad extract: could not fetch ${base}/old: `));
});
