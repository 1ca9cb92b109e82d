import { test } from 'node:test';
import assert from 'node:assert/strict';
import { limitSentences, mayGrow, MAX_SENTENCE_TOKENS, PIECE_TOKENS, type TokenSpan } from './limits.js';

/** Tokens of `text` split on spaces, with their offsets. */
function tokens(text: string): { values: string[]; starts: number[] } {
  const values: string[] = [];
  const starts: number[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    values.push(m[0]);
    starts.push(m.index);
  }
  return { values, starts };
}

test('a sentence within the limit is left alone', () => {
  const { values, starts } = tokens('France accused Turkey of meddling .');
  const spans: TokenSpan[] = [[0, values.length - 1]];
  assert.deepEqual(limitSentences(spans, values, starts, 'France accused Turkey of meddling .'), { spans, notes: [] });
});

test('an over-long sentence is cut after clause marks into pieces of at most PIECE_TOKENS, and recorded', () => {
  const clause = 'officials in the capital said the talks would go on for another week ,';
  const text = Array.from({ length: 40 }, () => clause).join(' ');
  const { values, starts } = tokens(text);
  assert.ok(values.length > MAX_SENTENCE_TOKENS);
  const r = limitSentences([[0, values.length - 1]], values, starts, text);
  assert.ok(r.spans.length >= Math.ceil(values.length / PIECE_TOKENS));
  // Pieces cover the sentence exactly, in order, each ending at a comma but the last.
  assert.equal(r.spans[0]![0], 0);
  assert.equal(r.spans[r.spans.length - 1]![1], values.length - 1);
  for (let i = 0; i < r.spans.length; i++) {
    const [a, b] = r.spans[i]!;
    assert.ok(b - a + 1 <= PIECE_TOKENS);
    if (i > 0) assert.equal(a, r.spans[i - 1]![1] + 1);
    if (i < r.spans.length - 1) assert.equal(values[b], ',');
  }
  assert.equal(r.notes.length, 1);
  assert.equal(r.notes[0]!.kind, 'split-sentence');
  assert.match(r.notes[0]!.text, new RegExp(`^officials in the capital.*\\(${values.length} tokens, ${text.length} characters: coded as ${r.spans.length} pieces`));
});

test('with no clause mark, a long sentence is cut at the window end; merges stop at the limit', () => {
  const text = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
  const { values, starts } = tokens(text);
  const r = limitSentences([[0, 299]], values, starts, text);
  assert.deepEqual(r.spans, [[0, 119], [120, 239], [240, 299]]);
  assert.equal(mayGrow([0, 10]), true);
  assert.equal(mayGrow([0, MAX_SENTENCE_TOKENS - 1]), false);
});
