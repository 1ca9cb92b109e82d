import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook, lookupCode } from './codebook.js';
import { isDyadError } from '../model/errors.js';

const GOLD_TYPES = ['AGREE', 'DEMAND', 'REJECT', 'THREATEN', 'PROTEST', 'COERCE', 'FIGHT', 'DISAPPROVE', 'ASSAULT',
  'RETREAT', 'SANCTION', 'SUPPORT', 'CONCEDE', 'CONSULT', 'AID', 'INVESTIGATE', 'MOBILIZE', 'COOPERATE'];

test('codebook has all 20 roots and ~300 codes', () => {
  const cb = loadCodebook();
  assert.ok(cb.size >= 300, `size ${cb.size}`);
  for (let r = 1; r <= 20; r++) {
    const root = String(r).padStart(2, '0');
    const e = cb.get(root);
    assert.ok(e, `root ${root}`);
    assert.equal(e.root, root);
  }
});

test('lookupCode returns name, root, QuadClass (GDELT convention), Goldstein and PLOVER', () => {
  const e = lookupCode('112');
  assert.equal(e.name, 'Accuse');
  assert.equal(e.root, '11');
  assert.equal(e.quadClass, 3);
  assert.equal(e.goldstein, -2);
  assert.equal(e.plover.event, 'ACCUSE');
  assert.equal(e.ploverDraft, 'DISAPPROVE');
  assert.equal(lookupCode('042').quadClass, 1);
  assert.equal(lookupCode('051').quadClass, 2); // GDELT: 05 is material cooperation
  assert.equal(lookupCode('0874').quadClass, 2);
  assert.equal(lookupCode('13').quadClass, 3);
  assert.equal(lookupCode('145').quadClass, 4);
  assert.equal(lookupCode('0256').name, 'Appeal for de-escalation of military engagement');
});

test('every entry is consistent', () => {
  for (const [code, e] of loadCodebook()) {
    assert.equal(e.code, code);
    assert.equal(e.root, code.slice(0, 2));
    assert.ok(e.goldstein >= -10 && e.goldstein <= 10, code);
    assert.ok(e.name.length > 2, code);
    assert.ok(e.ploverDraft === 'NONE' || GOLD_TYPES.includes(e.ploverDraft), `${code} ${e.ploverDraft}`);
  }
});

test('every PLOVER draft type of the gold file is reachable', () => {
  const reached = new Set([...loadCodebook().values()].map((e) => e.ploverDraft));
  for (const t of GOLD_TYPES) assert.ok(reached.has(t), t);
});

test('unknown code throws DYAD_E007', () => {
  assert.throws(() => lookupCode('999'), (e: unknown) => isDyadError(e) && e.code === 'DYAD_E007' && /999/.test(e.message));
});
