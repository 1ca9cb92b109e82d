import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import { PACKAGE_ROOT } from '../build/table.js';
import { buildWinkTable, readWinkTable, winkModel } from './wink-model.js';

const require = createRequire(import.meta.url);
const real = require('wink-eng-lite-web-model') as Record<string, unknown> & { core(): unknown; addons: Record<string, unknown> };

test('the compiled wink core is the package loader\'s core, and the other parts are the package\'s own', () => {
  const dir = join(PACKAGE_ROOT, 'test-output', `wink-table-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const file = join(dir, 'wink.table');
    assert.ok(buildWinkTable(file) > 80000);
    // prototypes included: the hashes have none, so a lexeme such as "constructor" is a plain key
    assert.deepStrictEqual(readWinkTable(file), real.core());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ours = winkModel() as Record<string, unknown> & { addons: Record<string, unknown> };
  assert.deepEqual(Object.keys(ours).sort(), Object.keys(real).sort());
  for (const k of Object.keys(real)) if (k !== 'core' && k !== 'addons') assert.equal(ours[k], real[k], k);
  assert.deepEqual(Object.keys(ours.addons).sort(), Object.keys(real.addons).sort());
  for (const k of Object.keys(real.addons)) assert.equal(ours.addons[k], real.addons[k], k);
});

test('tokens, lemmas, tags and sentences are the same with the compiled model', () => {
  const text = 'The constructor of the dam said on Tuesday that Ethiopia\'s engineers hadn\'t been paid. Mr. Abiy denied it; protesters gathered in Addis Ababa!';
  const read = (nlp: ReturnType<typeof winkNLP>) => {
    const doc = nlp.readDoc(text);
    const toks = doc.tokens() as unknown as { out(f: unknown): string[] };
    return { v: toks.out(nlp.its.value), l: toks.out(nlp.its.lemma), p: toks.out(nlp.its.pos), s: doc.sentences().out() };
  };
  const ours = read(winkNLP(winkModel() as unknown as Parameters<typeof winkNLP>[0]));
  assert.deepEqual(ours, read(winkNLP(real as unknown as Parameters<typeof winkNLP>[0])));
  assert.equal(ours.s.length, 2);
});
