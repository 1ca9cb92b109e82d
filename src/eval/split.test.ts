import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalPart, splitByPart } from './split.js';

test('the split is fixed by the id and about one third check', () => {
  const ids = Array.from({ length: 3000 }, (_, i) => `rec-${i}`);
  const parts = splitByPart(ids, (x) => x);
  assert.equal(parts.tuning.length + parts.check.length, 3000);
  assert.ok(parts.check.length > 900 && parts.check.length < 1100, `check part ${parts.check.length}`);
  // Stable across calls and independent of order.
  assert.equal(evalPart('PLOVER-GSR01-AGREE-0001'), evalPart('PLOVER-GSR01-AGREE-0001'));
  const reversed = splitByPart([...ids].reverse(), (x) => x);
  assert.deepEqual(new Set(reversed.check), new Set(parts.check));
});
