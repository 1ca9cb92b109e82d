import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelineDate } from './prepare.js';

test('a plain-text article dates itself from a full date near its top', () => {
  assert.equal(datelineDate('ECOWAS lifts sanctions\n\nThe bloc lifted sanctions on Saturday, February 24, 2024, at a summit.'), '2024-02-24');
  assert.equal(datelineDate('PARIS, 12 March 2024 - France said it would send aid.'), '2024-03-12');
  assert.equal(datelineDate('Updated 2024-03-05. Talks resumed in Geneva.'), '2024-03-05');
  assert.equal(datelineDate('Relations have been frozen since 2019, officials said.'), null);
  assert.equal(datelineDate('x'.repeat(400) + ' on March 3, 2024'), null);
});
