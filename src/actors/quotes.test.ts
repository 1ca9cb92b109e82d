import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSync } from '../index.js';

const here = '[actors/quotes] ';

const TEXT = [
  'Ministers clash over grain deal',
  '',
  '“We will not sign a deal that rewards aggression. Not now, not ever,” Ukrainian Foreign Minister Dmytro Kuleba told reporters on Monday.',
  'Russian President Vladimir Putin called the proposal a “dead end” and said the talks had failed.',
  '"The door remains open," the minister added.',
  '"We are ready to talk again next week."',
].join('\n');

test(here + 'curly, multi-sentence, partial and continued quotes with resolved speakers', () => {
  const c = codeSync(TEXT, { date: '2022-06-06' });
  const byText = (t: string) => c.quotes.find((q) => q.text === t);
  const q1 = byText('We will not sign a deal that rewards aggression. Not now, not ever');
  assert.ok(q1, c.quotes.map((q) => q.text).join(' | '));
  assert.equal(q1.speaker?.name, 'Dmytro Kuleba');
  assert.equal(q1.rule, 'quote/quote-then-speaker');
  assert.equal(byText('dead end')?.speaker?.name, 'Vladimir Putin');
  // "the minister" resolves to Kuleba, the most recent minister.
  assert.equal(byText('The door remains open')?.speaker?.name, 'Dmytro Kuleba');
  const cont = byText('We are ready to talk again next week');
  assert.equal(cont?.speaker?.name, 'Dmytro Kuleba');
  assert.equal(cont?.rule, 'quote/continuation');
  for (const q of c.quotes) assert.equal(c.document.text.slice(q.start, q.end), q.text);
});
