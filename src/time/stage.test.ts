import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDoc, withLayers } from '../model/testing.js';
import { dateAnnotations, sentenceDates } from './stage.js';

const here = '[dates] ';

test(here + 'dates.find: each date with its tokens, sentence and both readings of a bare weekday', () => {
  // 2020-10-07 is a Wednesday.
  const doc = testDoc('Talks ended on Monday.\nThe ministers will meet again on Friday, and signed a deal on 3 October 2020.', { date: '2020-10-07' });
  const dates = dateAnnotations(doc);
  const monday = dates.find((d) => d.text.includes('Monday'))!;
  assert.equal(monday.sentence, 0);
  assert.deepEqual(monday.weekday, { last: '2020-10-05', next: '2020-10-12' });
  assert.deepEqual(doc.layers.tokens.slice(monday.range.start, monday.range.end).map((t) => t.text), ['on', 'Monday']);
  assert.equal(doc.layers.text.slice(monday.start, monday.end), monday.text);
  const stated = dates.find((d) => d.rule === 'date/stated')!;
  assert.equal(stated.date, '2020-10-03');
  assert.equal(stated.weekday, null);
  // The coder picks the reading from the clause's tense.
  const withDates = withLayers(doc, { dates });
  const friday = sentenceDates(withDates, 1, () => true).find((d) => d.text.includes('Friday'))!;
  assert.deepEqual([friday.date, friday.rule], ['2020-10-09', 'date/weekday-next']);
  const past = sentenceDates(withDates, 0, () => false)[0]!;
  assert.deepEqual([past.date, past.rule, past.start], ['2020-10-05', 'date/weekday-last', 'Talks ended '.length]);
});

test(here + 'no publication date: only years and decades, which need none', () => {
  const doc = testDoc('The war of the 1990s ended on Monday.');
  assert.deepEqual(dateAnnotations(doc).map((d) => d.rule), ['date/decade']);
});
