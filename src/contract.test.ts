/**
 * The JSON contract of `dyad code` on a news-style article with the seed's layout (headline
 * twice, reading time, caption with credit, body, social footer), written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { code } from './index.js';

const here = '[contract] ';
const fixture = fileURLToPath(new URL('../test-fixtures/articles/paris-ankara.txt', import.meta.url));
const seed = fileURLToPath(new URL('../../shared/seed/article.txt', import.meta.url));

test(here + 'document: title once, standfirst, caption with credit, debris dropped, offsets slice the text', async () => {
  const c = await code(readFileSync(fixture, 'utf8'), { date: '2020-10-07' });
  assert.equal(c.document.title, 'Paris accuses Ankara of arming Azerbaijan in Karabakh');
  assert.equal(c.document.standfirst, 'France has accused Turkey of sending weapons to Azerbaijan in its war with Armenia.');
  assert.deepEqual(c.document.captions, [{ text: 'Jean-Yves Le Drian addresses lawmakers in Paris', credit: 'Getty' }]);
  assert.ok(!c.document.text.includes('3 min read'));
  assert.ok(!c.document.text.includes('Share this'));
  assert.deepEqual(
    c.document.dropped.map((d) => d.kind),
    ['repeated-headline', 'reading-time', 'social-footer'],
  );
  // title + standfirst + 8 body sentences
  assert.equal(c.sentences.length, 10);
  assert.equal(c.sentences[0]!.part, 'title');
  assert.equal(c.sentences[1]!.part, 'standfirst');
  for (const s of c.sentences) assert.equal(c.document.text.slice(s.start, s.end), s.text);
  for (const e of c.entities) assert.equal(c.document.text.slice(e.start, e.end), e.text);
  for (const q of c.quotes) assert.equal(c.document.text.slice(q.start, q.end), q.text);
  for (const e of c.events) assert.equal(c.document.text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
});

test(here + 'every field of the contract is present with its type', async () => {
  const c = await code(readFileSync(fixture, 'utf8'), { date: '2020-10-07', url: 'https://example.org/a' });
  assert.deepEqual(Object.keys(c.document).sort(), ['captions', 'date', 'dropped', 'language', 'outlet', 'standfirst', 'text', 'title', 'url'].sort());
  assert.equal(c.document.url, 'https://example.org/a');
  assert.equal(c.document.date, '2020-10-07');
  for (const e of c.entities) for (const k of ['text', 'start', 'end', 'type', 'code', 'country', 'role']) assert.ok(k in e, `entity lacks ${k}`);
  assert.ok(c.events.length > 0, 'the fixture has events');
  for (const e of c.events) {
    for (const k of ['id', 'date', 'source', 'target', 'cameo', 'root', 'quadClass', 'goldstein', 'plover', 'sentence', 'evidence', 'mentions']) assert.ok(k in e, `event lacks ${k}`);
    assert.match(e.cameo, /^\d{2,4}$/);
    assert.equal(e.root, e.cameo.slice(0, 2));
    assert.ok([1, 2, 3, 4].includes(e.quadClass));
    assert.equal(typeof e.goldstein, 'number');
    assert.equal(typeof e.plover.event, 'string');
    assert.ok(e.rule && e.trigger, 'every event is explained: rule and trigger');
    for (const a of [e.source, e.target]) {
      if (a === null) continue;
      for (const k of ['code', 'country', 'role', 'name', 'text', 'start', 'end']) assert.ok(k in a, `actor lacks ${k}`);
      assert.equal(c.document.text.slice(a.start, a.end), a.text);
    }
  }
  // The JSON round-trips unchanged (no undefined, no cycles).
  assert.deepEqual(JSON.parse(JSON.stringify(c)), c);
});

test(here + 'the seed article (../shared/seed, when present): title once, 14 body sentences + standfirst', { skip: !existsSync(seed) && 'shared/seed is absent' }, async () => {
  const c = await code(readFileSync(seed, 'utf8'), { date: '2020-10-07' });
  assert.equal(c.document.title, 'France accuses Turkey of military involvement in Karabakh');
  assert.ok(!c.document.text.includes('2 min read') && !c.document.text.includes('Follow us'));
  assert.deepEqual(c.document.captions, [{ text: 'Jean-Yves Le Drian slammed Turkey', credit: 'Getty' }]);
  const body = c.sentences.filter((s) => s.part !== 'title');
  assert.equal(body.length, 15);
  assert.equal(body[0]!.part, 'standfirst');
  for (const s of c.sentences) assert.equal(c.document.text.slice(s.start, s.end), s.text);
});
