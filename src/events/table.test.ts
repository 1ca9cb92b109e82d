import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../build/table.js';
import { buildLexiconTable, parseBuiltinEntries, readLexiconTable } from './lexicon.js';

test('the compiled lexicon table holds the entries parsed from data/lexicon, forms and all', () => {
  const dir = join(PACKAGE_ROOT, 'test-output', `lexicon-table-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const file = join(dir, 'lexicon.table');
    const n = buildLexiconTable(file);
    const got = readLexiconTable(file);
    const want = parseBuiltinEntries();
    assert.ok(got && n === want.entries.length && n > 1000);
    assert.deepEqual(got, want);
    const accuse = got.entries.find((e) => e.pattern.startsWith('accuse'));
    const anchor = accuse?.elements[accuse.anchorIndex];
    assert.ok(anchor?.kind === 'word' && anchor.forms instanceof Set && anchor.forms.has('accused'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
