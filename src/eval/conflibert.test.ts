import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addQuad,
  addRoles,
  contentWords,
  emptyQuad,
  emptyRoles,
  eventClass,
  firstEvent,
  quadMetrics,
  readQuad,
  readRoles,
  rolesMetrics,
  scoreRoles,
  spanHits,
  type RolesRecord,
  type TypeOf,
} from './conflibert.js';
import { isDyadError } from '../model/errors.js';

// A tiny codebook of my own: the PLOVER draft type of a few CAMEO codes.
const types: TypeOf = (cameo) =>
  ({ '010': 'NONE', '020': 'DEMAND', '036': 'AGREE', '042': 'CONSULT', '070': 'AID', '112': 'DISAPPROVE', '163': 'SANCTION', '190': 'FIGHT', '145': 'PROTEST' })[cameo];

function ev(cameo: string, at: number) {
  return { cameo, evidence: { start: at, end: at + 5, text: 'xxxxx' }, trigger: { start: at } };
}

test('event class follows the suite convention, statements and appeals being 0', () => {
  assert.equal(eventClass({ cameo: '036' }, types), 1);
  assert.equal(eventClass({ cameo: '042' }, types), 1);
  assert.equal(eventClass({ cameo: '070' }, types), 2);
  assert.equal(eventClass({ cameo: '112' }, types), 3);
  // SANCTION is verbal conflict in the suite's convention, though CAMEO's quad class of 16 is 4.
  assert.equal(eventClass({ cameo: '163' }, types), 3);
  assert.equal(eventClass({ cameo: '145' }, types), 4);
  assert.equal(eventClass({ cameo: '190' }, types), 4);
  assert.equal(eventClass({ cameo: '010' }, types), 0);
  assert.equal(eventClass({ cameo: '020' }, types), 0);
});

test('the first event is the one whose trigger comes first in the text', () => {
  assert.equal(firstEvent([ev('190', 40), ev('112', 3), ev('036', 20)])?.cameo, '112');
  assert.equal(firstEvent([]), null);
  // A statement first makes the sentence class 0.
  const f = firstEvent([ev('190', 30), ev('010', 2)]);
  assert.equal(f === null ? 0 : eventClass(f, types), 0);
});

test('accuracy and macro-F1 over the five classes', () => {
  const s = emptyQuad();
  addQuad(s, 4, 4);
  addQuad(s, 4, 3);
  addQuad(s, 3, 3);
  addQuad(s, 0, 0);
  const m = quadMetrics(s);
  assert.equal(m.accuracy, 0.75);
  // class 0: F1 1; class 3: P 1/2 R 1 -> 2/3; class 4: P 1 R 1/2 -> 2/3; classes 1 and 2: 0.
  assert.ok(Math.abs(m.macroF1 - (1 + 2 / 3 + 2 / 3) / 5) < 1e-9, String(m.macroF1));
  assert.equal(m.perClass[4]!.gold, 2);
});

test('spans match by a shared content word at the same place, not by function words', () => {
  const text = 'The army of the north shelled the town of the south.';
  const words = contentWords(text);
  assert.deepEqual(
    words.map((w) => text.slice(w.start, w.end)),
    ['army', 'north', 'shelled', 'town', 'south'],
  );
  const gold = [{ start: 0, end: 21 }]; // "The army of the north"
  assert.equal(spanHits(words, { start: 4, end: 8 }, gold), true); // "army"
  assert.equal(spanHits(words, { start: 0, end: 3 }, gold), false); // "The" alone
  assert.equal(spanHits(words, { start: 30, end: 38 }, gold), false); // "the town": elsewhere
  assert.equal(spanHits(words, null, gold), false);
  // An implied actor has an empty span.
  assert.equal(spanHits(words, { start: 4, end: 4 }, gold), false);
});

const rec: RolesRecord = {
  id: 'mine-1',
  text: 'Police in the capital arrested two opposition leaders on Friday.',
  source: [{ start: 0, end: 6, text: 'Police' }],
  target: [{ start: 31, end: 53, text: 'two opposition leaders' }],
  trigger: [{ start: 22, end: 30, text: 'arrested' }],
};
const police = { start: 0, end: 6 };
const leaders = { start: 35, end: 53 };
const capital = { start: 14, end: 21 };

test('attribution: right roles, swapped roles, a place as target, statements set aside', () => {
  const right = scoreRoles(rec, [{ cameo: '173', source: police, target: leaders }]);
  assert.deepEqual(right, { found: true, foundAny: true, produced: 1, correct: 1, swapped: 0 });
  const swapped = scoreRoles(rec, [{ cameo: '173', source: leaders, target: police }]);
  assert.deepEqual(swapped, { found: false, foundAny: false, produced: 1, correct: 0, swapped: 1 });
  const place = scoreRoles(rec, [
    { cameo: '173', source: police, target: capital },
    { cameo: '010', source: police, target: leaders },
  ]);
  // The statement has the roles right but is no event of the suite: only foundAny sees it.
  assert.deepEqual(place, { found: false, foundAny: true, produced: 1, correct: 0, swapped: 0 });
  assert.equal(scoreRoles({ ...rec, target: [] }, []), null);
});

test('attribution figures: recall over sentences, precision over events', () => {
  const s = emptyRoles();
  addRoles(s, { found: true, foundAny: true, produced: 2, correct: 1, swapped: 0 });
  addRoles(s, { found: false, foundAny: false, produced: 1, correct: 0, swapped: 1 });
  addRoles(s, { found: false, foundAny: true, produced: 0, correct: 0, swapped: 0 });
  const m = rolesMetrics(s);
  assert.equal(m.precision, 1 / 3);
  assert.equal(m.recall, 1 / 3);
  assert.equal(m.recallAny, 2 / 3);
  assert.equal(s.swapped, 1);
});

test('a bad suite line is an error naming the file and the line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-conflibert-'));
  mkdirSync(join(dir, 'eval', 'conflibert'), { recursive: true });
  assert.equal(readQuad(dir), null);
  writeFileSync(join(dir, 'eval', 'conflibert', 'quad.jsonl'), '{"id":"a","text":"Troops fired.","quad":4}\n\n{"id":"b","text":"x","quad":7}\n');
  assert.throws(() => readQuad(dir), (e: unknown) => isDyadError(e) && e.code === 'DYAD_E007' && /quad\.jsonl:3: record b/.test(e.message));
  writeFileSync(join(dir, 'eval', 'conflibert', 'roles.jsonl'), '{"id":"c","text":"t","source":[],"target":[{"start":0}],"trigger":[]}\n');
  assert.throws(() => readRoles(dir), (e: unknown) => isDyadError(e) && /roles\.jsonl:1: record c: "target"/.test(e.message));
  writeFileSync(join(dir, 'eval', 'conflibert', 'roles.jsonl'), '{"id":"c", oops\n');
  assert.throws(() => readRoles(dir), (e: unknown) => isDyadError(e) && /roles\.jsonl:1: not valid JSON/.test(e.message));
});
