import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../io.js';
import { openStore } from '../../store/index.js';
import { run } from './demo.js';

test('dyad demo ingests the whole sample corpus (JSONL, HTML, text) and prints a summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-demo-'));
  try {
    const db = join(dir, 'demo.duckdb');
    const io = memoryIo();
    assert.equal(await run(['--db', db, '--workers', '0'], io), 0, io.stderr);
    assert.match(io.stdout, /ingested 68 articles \(\d+ events\)/);
    assert.match(io.stdout, /68 articles from 5 outlets \(2024-02-24 to 2024-04-15\), 0 failed/);
    assert.match(io.stdout, /Top dyads/);
    assert.match(io.stdout, /Events by QuadClass/);
    assert.match(io.stdout, /Example events/);
    const store = await openStore({ path: db, readOnly: true });
    const [row] = await store.query<{ e: number; m: number }>('SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM mentions) AS m');
    assert.ok(row!.e >= 60, `only ${row!.e} events`);
    assert.ok(row!.m >= row!.e);
    await store.close();
    // A second demo starts from a fresh store.
    const io2 = memoryIo();
    assert.equal(await run(['--db', db, '--workers', '0'], io2), 0);
    assert.match(io2.stdout, /ingested 68 articles/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
