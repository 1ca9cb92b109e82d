import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseWordList, wordList, wordListIds, WORDS_DIR } from './words.js';

test('every shipped word list is valid, named after its file and has no duplicates', () => {
  const ids = wordListIds();
  assert.ok(ids.length > 0);
  for (const id of ids) {
    const list = parseWordList(readFileSync(WORDS_DIR + id + '.json', 'utf8'), id);
    assert.equal(list.id, id);
    assert.equal(new Set(list.words).size, list.words.length, `${id} has duplicate words`);
    assert.equal(wordList(id).size, list.words.length);
  }
});

test('speech verbs hold the reporting lemmas and a missing list is a clear error', () => {
  assert.ok(wordList('speech-verbs').has('say'));
  assert.ok(wordList('speech-verbs').has('tell'));
  assert.throws(() => wordList('no-such-list'), /word list 'no-such-list' not found/);
  assert.throws(() => parseWordList('{"id":"x","version":1,"description":"d","words":["Say"]}', 'x.json'), /lower-case/);
});
