import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalGeo } from './geo.js';

test('evalGeo returns null when the gold data is absent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-geo-'));
  try {
    assert.equal(await evalGeo(dir), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evalGeo scores a tiny written corpus', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-geo-'));
  try {
    const text = 'Talks opened in Geneva while shelling continued near Donetsk.';
    const doc = {
      id: 'x:1',
      text,
      toponyms: [
        { name: 'Geneva', start: 16, end: 22, lat: 46.2, lon: 6.15, geonameid: null },
        { name: 'Donetsk', start: 53, end: 60, lat: 48.0, lon: 37.8, geonameid: null },
      ],
    };
    writeFileSync(join(dir, 'gwn.jsonl'), JSON.stringify(doc) + '\n');
    writeFileSync(join(dir, 'lgl.jsonl'), JSON.stringify(doc) + '\n');
    const r = await evalGeo(dir);
    assert.ok(r);
    assert.equal(r.gwn.gold, 2);
    assert.equal(r.gwn.spanRecall, 1);
    assert.equal(r.gwn.within161, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
