import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook } from './codebook.js';
import { hasClass, intentCode, isDomestic, rootOf, type ClassProperty } from './classes.js';

const here = '[events/classes] ';
const ROOT_PROPERTIES: ClassProperty[] = ['complementTarget', 'locusTarget', 'possibleThreat', 'contentBearing', 'violent', 'reciprocal', 'protest'];

test(here + 'class properties sit on roots and are read for any code of the root', () => {
  for (const e of loadCodebook().values()) {
    if (e.code.length === 2) continue;
    for (const p of ROOT_PROPERTIES) assert.equal(e[p], undefined, `${e.code} carries root property ${p}`);
    assert.equal(e.intentCode, undefined, `${e.code} carries intentCode`);
  }
  assert.equal(rootOf('1823').code, '18');
  assert.ok(hasClass('1823', 'violent'));
  assert.ok(!hasClass('0841', 'violent'));
  assert.ok(hasClass('141', 'protest'));
});

test(here + 'an announced act is a statement of intent (03) or a threat (13), and the code exists', () => {
  const cb = loadCodebook();
  for (const e of cb.values()) {
    const to = intentCode(e.code);
    if (to === null) continue;
    assert.ok(cb.has(to), `${e.code} → ${to} is a CAMEO code`);
    assert.ok(['03', '13'].includes(to.slice(0, 2)), `${e.code} → ${to}`);
  }
  assert.equal(intentCode('0841'), '035', 'will release → intent to yield');
  assert.equal(intentCode('190'), '138', 'will attack → threaten with military force');
  assert.equal(intentCode('111'), null, 'a statement has no intent code');
});

test(here + 'domestic measures are curfews, emergencies, freedoms and reforms', () => {
  const cb = loadCodebook();
  assert.ok(isDomestic(cb.get('1723')!), 'impose curfew');
  assert.ok(isDomestic(cb.get('0814')!), 'ease state of emergency or martial law');
  assert.ok(!isDomestic(cb.get('190')!));
});
