import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalGeo, geoTable } from './geo.js';
import { evalPart } from './split.js';

test('evalGeo returns null when the gold data is absent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-geo-'));
  try {
    assert.equal(await evalGeo(dir), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evalGeo scores the tuning and check parts apart, with recall, distance shares and spurious predictions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-geo-'));
  try {
    // x:1 falls in the tuning part and x:2 in the check part (a fixed hash of the id).
    assert.equal(evalPart('x:1'), 'tuning');
    assert.equal(evalPart('x:2'), 'check');
    const text = 'Talks opened in Geneva while shelling continued near Donetsk.';
    const tuning = {
      id: 'x:1',
      text,
      toponyms: [
        { name: 'Geneva', start: 16, end: 22, lat: 46.2, lon: 6.15, geonameid: null },
        // A gold point far from Donetsk: found, but more than 161 km off.
        { name: 'Donetsk', start: 53, end: 60, lat: 40.0, lon: 20.0, geonameid: null },
      ],
    };
    // Only Geneva is gold here: the Donetsk prediction is spurious.
    const check = { id: 'x:2', text, toponyms: [{ name: 'Geneva', start: 16, end: 22, lat: 46.2, lon: 6.15, geonameid: null }] };
    const lines = JSON.stringify(tuning) + '\n' + JSON.stringify(check) + '\n';
    writeFileSync(join(dir, 'gwn.jsonl'), lines);
    writeFileSync(join(dir, 'lgl.jsonl'), lines);
    const r = await evalGeo(dir);
    assert.ok(r);
    assert.equal(r.gwn.tuning.articles, 1);
    assert.equal(r.gwn.tuning.gold, 2);
    assert.equal(r.gwn.tuning.spanRecall, 1);
    assert.equal(r.gwn.tuning.within161, 0.5);
    assert.equal(r.gwn.tuning.withinAll, 0.5);
    assert.equal(r.gwn.tuning.spurious, 0);
    assert.equal(r.gwn.check.gold, 1);
    assert.equal(r.gwn.check.within161, 1);
    assert.equal(r.gwn.check.predictions, 2);
    assert.equal(r.gwn.check.spurious, 0.5);
    assert.match(geoTable(r), /\| lgl \| check \| 1 \| 1 \|/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
