import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalPart, SentenceParts, sentenceKey, splitByPart } from './split.js';

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

test('a sentence falls in the same part in every suite, following the PLOVER id where it is there', () => {
  // Two ids of which one is in each part: the sentence follows its PLOVER record's part.
  const ids = Array.from({ length: 40 }, (_, i) => `PLOVER-X-${i}`);
  const checkId = ids.find((id) => evalPart(id) === 'check')!;
  const tuningId = ids.find((id) => evalPart(id) === 'tuning')!;
  const parts = new SentenceParts([
    { id: checkId, text: 'Rebels shelled the northern town on Sunday.' },
    { id: tuningId, text: 'The two ministers met in the capital.' },
  ]);
  // Spacing, case and apostrophe variants of the same sentence are one sentence.
  assert.equal(sentenceKey('The government’s request.'), sentenceKey("the government ' s request ."));
  assert.equal(parts.partOf('Rebels shelled the northern  town on Sunday .'), 'check');
  assert.equal(parts.partOf('The two ministers met in the capital.'), 'tuning');
  // A sentence shared by two PLOVER records of different parts goes to the check part.
  const both = new SentenceParts([
    { id: tuningId, text: 'Police arrested the mayor.' },
    { id: checkId, text: 'Police arrested the mayor.' },
  ]);
  assert.equal(both.partOf('Police arrested the mayor.'), 'check');
  // Any other sentence: by the hash of its text key, whatever the suite's id.
  const other = 'A court in the city fined the company.';
  assert.equal(parts.partOf(other), evalPart('sentence:' + sentenceKey(other)));
});
