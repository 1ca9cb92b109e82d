import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../main.js';
import { memoryIo } from '../io.js';

const here = '[cli/ingest] ';

test(here + 'a mistyped path names the path, exits 66 and creates no store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-cli-'));
  try {
    const db = join(dir, 'x.duckdb');
    const io = memoryIo();
    assert.equal(await runCli(['ingest', join(dir, 'typo-path.txt'), '--db', db, '--quiet'], io), 66);
    assert.match(io.stderr, /typo-path\.txt: no such file or directory/);
    assert.equal(existsSync(db), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(here + 'a store held by another process is said in one line, with what to run instead', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-lock-'));
  const db = join(dir, 'held.duckdb');
  const art = join(dir, 'a.txt');
  writeFileSync(art, 'Kenya and Somalia agreed on Tuesday to reopen three crossings on their shared border.\n');
  const storeModule = fileURLToPath(new URL('../../store/index.js', import.meta.url));
  const holder = spawn(process.execPath, ['--input-type=module', '-e', `const { openStore } = await import(${JSON.stringify(storeModule)}); await openStore({ path: ${JSON.stringify(db)} }); console.log('open'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (b: Buffer) => { if (String(b).includes('open')) resolve(); });
      holder.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
    });
    const io = memoryIo();
    assert.equal(await runCli(['ingest', art, '--db', db, '--quiet', '--workers', '0'], io), 70);
    assert.match(io.stderr, /^dyad ingest: another Dyad process \(pid \d+\) has the store .*held\.duckdb open; stop it, or ingest and serve from one process with `dyad watch FEEDS\.txt --serve PORT`\n$/);
  } finally {
    holder.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
