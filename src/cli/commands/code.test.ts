import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runCli } from '../main.js';
import { memoryIo } from '../io.js';

const here = '[cli/code] ';
const dir = mkdtempSync(join(tmpdir(), 'dyad-code-'));
const fixture = fileURLToPath(new URL('../../../test-fixtures/articles/paris-ankara.txt', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/dyad', import.meta.url));

async function run(args: string[], stdin = '') {
  const io = memoryIo(stdin);
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

test(here + 'json output on a file parses and carries the date', async () => {
  const r = await run(['code', fixture, '--date', '2020-10-07', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.document.date, '2020-10-07');
  assert.ok(Array.isArray(j.events));
});

test(here + 'table output lists events as aligned rows', async () => {
  const r = await run(['code', fixture, '--date', '2020-10-07', '--format', 'table']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^date\s+source\s+action\s+target\s+n\s+evidence$/m);
  assert.match(r.out, /2020-10-07\s+FRA\s+11\d/);
});

test(here + 'stdin with -', async () => {
  const r = await run(['code', '-', '--format', 'jsonl'], 'Police arrested ten protesters in Ankara on Sunday.\n');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim().split('\n').length, 1);
});

test(here + 'missing file: one line, exit 66', async () => {
  const r = await run(['code', join(dir, 'nope.txt')]);
  assert.equal(r.code, 66);
  assert.match(r.err, /^dyad code: .*nope\.txt: no such file\n$/);
});

test(here + 'empty file: clear message, exit 65', async () => {
  const p = join(dir, 'empty.txt');
  writeFileSync(p, '  \n\n');
  const r = await run(['code', p]);
  assert.equal(r.code, 65);
  assert.match(r.err, /empty\.txt: the article is empty/);
});

test(here + 'binary file: clear message, exit 65', async () => {
  const p = join(dir, 'image.png');
  writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  const r = await run(['code', p]);
  assert.equal(r.code, 65);
  assert.match(r.err, /image\.png: this is a binary file/);
});

test(here + '50 MB file: refused with the size, exit 65, no crash', async () => {
  const p = join(dir, 'huge.txt');
  writeFileSync(p, Buffer.alloc(50 * 1024 * 1024, 'a'));
  const r = await run(['code', p]);
  assert.equal(r.code, 65);
  assert.match(r.err, /huge\.txt: 50\.0 MB is too large/);
});

test(here + 'non-UTF-8 file: decoded as Windows-1252 with a warning', async () => {
  const p = join(dir, 'latin1.txt');
  writeFileSync(p, Buffer.from('Le ministre fran\xe7ais a condamn\xe9 l\x92attaque.\nFrance condemned the attack.', 'latin1'));
  const r = await run(['code', p, '--format', 'json']);
  assert.equal(r.code, 0);
  assert.match(r.err, /not valid UTF-8; decoded as Windows-1252/);
  assert.match(JSON.parse(r.out).document.text, /français a condamné l’attaque/);
});

test(here + 'bad date and bad format: usage errors', async () => {
  let r = await run(['code', fixture, '--date', '2020-13-45']);
  assert.equal(r.code, 64);
  assert.match(r.err, /--date '2020-13-45' is not a real calendar date/);
  r = await run(['code', fixture, '--date', 'yesterday']);
  assert.equal(r.code, 64);
  r = await run(['code', fixture, '--format', 'xml']);
  assert.equal(r.code, 64);
  assert.match(r.err, /--format 'xml' is not one of json, jsonl, table/);
  r = await run(['code', fixture, '--bogus']);
  assert.equal(r.code, 64);
});

test(here + '--help everywhere', async () => {
  const r = await run(['code', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /usage: dyad code/);
  const m = await run(['--help']);
  assert.match(m.out, /commands:/);
});

test(here + 'bin/dyad runs as a process and prints no stack trace on bad input', () => {
  const p = spawnSync(process.execPath, [bin, 'code', join(dir, 'missing.txt')], { encoding: 'utf8' });
  assert.equal(p.status, 66);
  assert.ok(!/\bat .*\.js:\d+/.test(p.stderr), p.stderr);
  const ok = spawnSync(process.execPath, [bin, 'code', fixture, '--date', '2020-10-07'], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).document.title, 'Paris accuses Ankara of arming Azerbaijan in Karabakh');
});

test(here + 'an HTML page is extracted before coding; its date and title are used; no markup is coded', async () => {
  const page = `<!doctype html><html lang="en"><head><title>Kenya and Somalia reopen border | The Example Post</title>
<meta property="og:title" content="Kenya and Somalia reopen border">
<meta property="article:published_time" content="2024-06-11T09:00:00Z">
<link rel="canonical" href="https://post.example/world/kenya-somalia-border"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<!-- France accused Turkey of arming rebels. -->
<article><h1>Kenya and Somalia reopen border</h1>
<p>Kenya and Somalia agreed on Monday to reopen three crossings on their shared border, closed since a dispute over trade rules last year.</p>
<p>The African Union welcomed the decision and urged both countries to settle their maritime dispute through talks in the coming months.</p>
<p>Officials from both governments said a joint commission on security and trade would meet for the first time next month in Nairobi.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>`;
  const r = await run(['code', '-', '--format', 'json'], page);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.document.date, '2024-06-11');
  assert.equal(j.document.url, 'https://post.example/world/kenya-somalia-border');
  assert.doesNotMatch(j.document.text, /<|Subscribe|Home/);
  assert.ok(!j.events.some((e: { source: { code: string } | null }) => e.source?.code === 'FRA'), 'the commented-out markup was coded');
  const agree = j.events.find((e: { cameo: string; source: { code: string } | null }) => e.cameo.startsWith('03') && e.source?.code === 'KEN');
  assert.ok(agree, 'the agreement was not coded');
  assert.equal(agree.date, '2024-06-10');
  assert.doesNotMatch(r.err, /no publication date/);
});

test(here + 'an undated article says so on stderr and document.date is null', async () => {
  const r = await run(['code', '-', '--format', 'json'], 'Kenya and Somalia agreed on Monday to reopen three border crossings.');
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).document.date, null);
  assert.match(r.err, /stdin: no publication date \(give --date YYYY-MM-DD\)/);
});
