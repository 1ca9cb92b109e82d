import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COMPILED_FILE, loadCompiled, parseCompiled } from './compiled.js';
import { isDyadError } from '../model/errors.js';
import { findPlaces } from './index.js';

test('a file that is not a compiled gazetteer is a DYAD_E030 error naming it', () => {
  assert.throws(
    () => parseCompiled(Buffer.from('hello world, not a gazetteer'), '/tmp/x.bin'),
    (e: unknown) => isDyadError(e) && e.code === 'DYAD_E030' && e.message.includes('/tmp/x.bin'),
  );
  // A real file cut short loses its sections.
  const cut = readFileSync(COMPILED_FILE).subarray(0, 5000);
  assert.throws(() => parseCompiled(cut, 'cut.bin'), (e: unknown) => isDyadError(e) && e.code === 'DYAD_E030');
});

test('the compiled GeoNames table has villages, US counties and alternate names', () => {
  const geo = loadCompiled();
  assert.ok(geo.size > 200000);
  const kinds = (key: string): string[] => [...(geo.lookup(key) ?? [])].map((i) => `${geo.kind(i)}:${geo.country(i)}`);
  assert.ok(kinds('cook county').includes('admin2:US'));
  assert.ok(kinds('gdansk').some((k) => k === 'city:PL'));
  // "Danzig" is an alternate name of Gdańsk, a city of more than 50,000 people.
  assert.ok(kinds('danzig').includes('city:PL'));
  // A key that is no name.
  assert.equal(geo.lookup('zzqx no such place'), undefined);
});

test('a county and a province abbreviation resolve from the compiled table and the own regions', () => {
  const ps = findPlaces('Harris County deputies and officers from Brandon, Man., searched the river.');
  assert.deepEqual(
    ps.map((p) => [p.text, p.level, p.country]),
    [
      ['Harris County', 'admin2', 'USA'],
      ['Brandon', 'city', 'CAN'],
      ['Man.', 'admin1', 'CAN'],
    ],
  );
});
