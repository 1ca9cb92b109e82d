/**
 * Two `dyad watch` processes on one PostgreSQL store: exactly one polls the feeds at a time, and
 * when it stops the other takes over.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { pgTestDb, pgUnavailable } from '../store/pgtest.js';
import { Leader } from './leader.js';

const BIN = fileURLToPath(new URL('../../bin/dyad', import.meta.url));
const skip = await pgUnavailable();

test('the advisory lock lets one Leader lead; it passes on when the leader closes', { skip }, async () => {
  const db = await pgTestDb();
  try {
    const a = await Leader.open(db.path, 'watch');
    const b = await Leader.open(db.path, 'watch');
    assert.equal(await a.tryLead(), true);
    assert.equal(await b.tryLead(), false);
    assert.equal(await a.tryLead(), true);
    await a.close();
    assert.equal(await b.tryLead(), true);
    await b.close();
  } finally {
    await db.done();
  }
});

test('two watchers of one PostgreSQL store never both poll; the second takes over when the first stops', { skip }, async () => {
  let feedHits = 0;
  // A feed with no items: each poll is one request, so the server counts the polls of both watchers.
  const server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      feedHits++;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet wire</title></channel></rss>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const dir = mkdtempSync(join(tmpdir(), 'dyad-watch-'));
  const db = await pgTestDb();
  const list = join(dir, 'feeds.txt');
  writeFileSync(list, `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml\n`);
  const watch = () => {
    const child = spawn(process.execPath, [BIN, 'watch', list, '--db', db.path, '--every', '1s', '--workers', '0', '--no-robots', '--min-interval', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = { text: '' };
    child.stdout!.on('data', (d: Buffer) => (out.text += d.toString()));
    child.stderr!.resume();
    return { child, out, exited: new Promise((r) => child.on('exit', r)) };
  };
  const until = async (cond: () => boolean, ms = 90_000) => {
    const t0 = Date.now();
    while (!cond() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 50));
    assert.ok(cond(), 'timed out');
  };
  const polled = (s: string) => (s.match(/poll \d+: ingested/g) ?? []).length;
  const skipped = (s: string) => (s.match(/poll \d+: skipped, another watcher/g) ?? []).length;
  try {
    const a = watch();
    await until(() => polled(a.out.text) >= 1);
    const b = watch();
    await until(() => skipped(b.out.text) >= 3 && polled(a.out.text) >= 3);
    assert.equal(polled(b.out.text), 0, 'the second watcher did not poll while the first led');
    a.child.kill('SIGTERM');
    await a.exited;
    const hitsA = feedHits;
    assert.equal(hitsA, polled(a.out.text), 'one feed request per poll of the leader, none from the other');
    await until(() => polled(b.out.text) >= 1);
    b.child.kill('SIGTERM');
    await b.exited;
    assert.equal(feedHits, hitsA + polled(b.out.text));
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
    await db.done();
  }
});
