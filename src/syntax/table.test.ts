import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a, WeightTable } from './table.js';

test('the weight table adds each feature its own weights, and nothing for an unknown one', () => {
  const entries: Array<[string, number[]]> = Array.from({ length: 500 }, (_, i) => [`feat ${i}`, [i % 7, i / 10, 6, 1]]);
  const t = new WeightTable(entries);
  const out = new Float64Array(7);
  t.addTo('feat 3', out);
  t.addTo('feat 3', out);
  t.addTo('no such feature', out);
  assert.ok(Math.abs(out[3]! - 0.6) < 1e-6, String(out[3]));
  assert.equal(out[6], 2);
  assert.equal(out.reduce((a, b) => a + b, 0).toFixed(4), (0.6 + 2).toFixed(4));
  assert.notEqual(fnv1a('feat 1'), fnv1a('feat 2'));
});
