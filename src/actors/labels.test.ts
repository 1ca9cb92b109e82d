import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLabel } from './labels.js';

test('actor codes are labelled by what they mean, not by a mention', () => {
  assert.equal(codeLabel('CHN'), 'China');
  assert.equal(codeLabel('GEOGOV'), 'Georgia: government');
  assert.equal(codeLabel('GEOOPP'), 'Georgia: opposition');
  assert.equal(codeLabel('IRNMIL'), 'Iran: military');
  assert.equal(codeLabel('PRK'), 'North Korea');
  assert.equal(codeLabel('PRKGOV'), 'North Korea: government');
  assert.equal(codeLabel('IGOUNO'), 'United Nations');
  assert.equal(codeLabel('PSEREBHMS'), 'Hamas');
  assert.equal(codeLabel('MIL'), 'military');
  assert.equal(codeLabel('ZZZQQQ'), null);
});
