import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeSync } from './index.js';
import { getResources } from './resources.js';

test('--dict and --lexicon files apply at run time, over the compiled built-ins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-res-'));
  try {
    const dict = join(dir, 'arnor.jsonl');
    writeFileSync(dict, JSON.stringify({ kind: 'country', id: 'XAR', country: 'XAR', name: 'Arnor', adjectives: ['Arnorian'] }) + '\n');
    const lex = join(dir, 'mine.jsonl');
    writeFileSync(lex, JSON.stringify({ id: 'zz-scold', code: '111', pattern: 'scold $T', example: 'Arnor scolded France.' }) + '\n');
    const text = 'Arnor scolded France on Monday.';
    const plain = codeSync(text, { date: '2026-11-30', detectTitle: false });
    assert.equal(plain.events.length, 0);
    const coded = codeSync(text, { date: '2026-11-30', detectTitle: false, dictFiles: [dict], lexiconFiles: [lex] });
    assert.deepEqual(coded.events.map((e) => [e.source?.code, e.cameo, e.target?.code, e.date]), [['XAR', '111', 'FRA', '2026-11-30']]);
    assert.match(getResources({ dictFiles: [dict], lexiconFiles: [lex] }).version, /^actors:.*\+1 user file\+lexicon:[0-9a-f]{12}$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('resources load lazily: reading one does not build the others', () => {
  const res = getResources({ dictFiles: [join(tmpdir(), 'no-such-dyad-dict.jsonl')] });
  // the lexicon and the codebook load although the (missing) dictionary would fail
  assert.ok(res.lexicon.entries.length > 1000);
  assert.ok(res.codebook.has('111'));
  assert.throws(() => res.actors, /no-such-dyad-dict\.jsonl: file not found/);
});
