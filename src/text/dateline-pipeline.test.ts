import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSync } from '../index.js';

test('a dateline gives the publication date when none is given, is recorded, and is never a place of the act', () => {
  const doc = codeSync('Fighting in Darfur\n\nPORT SUDAN, June 11, 2024 - The army shelled positions of the Rapid Support Forces in El Fasher, residents said.\n\nAid groups said thousands had fled the city.');
  assert.equal(doc.document.date, '2024-06-11');
  assert.equal(doc.document.dateline?.place, 'PORT SUDAN');
  assert.equal(doc.document.dateline?.text, 'PORT SUDAN, June 11, 2024 -');
  assert.doesNotMatch(doc.document.text, /PORT SUDAN/);
  for (const e of doc.events) assert.notEqual(e.location?.name, 'Port Sudan', 'the dateline city became the place of an act');
  assert.ok(!doc.entities.some((e) => /port sudan/i.test(e.text)), 'the dateline was coded as text');
  // A date given by the caller wins over the dateline's.
  assert.equal(codeSync('KYIV, May 2, 2024 (AP) \u2014 Russia struck the city overnight.', { date: '2024-05-03' }).document.date, '2024-05-03');
  assert.equal(codeSync('KYIV (AP) \u2014 Russia struck the city overnight.').document.dateline?.agency, 'AP');
});
