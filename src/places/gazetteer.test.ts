import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gazetteer } from './gazetteer.js';
import { nameKey, haversineKm } from './normalize.js';

test('name keys fold case, accents, apostrophes and hyphens', () => {
  assert.equal(nameKey('São Paulo'), 'sao paulo');
  assert.equal(nameKey('Nagorno-Karabakh'), 'nagorno karabakh');
  assert.equal(nameKey('U.S.'), 'us');
  assert.equal(nameKey('Kramators’k'), 'kramatorsk');
  assert.equal(nameKey('Christiansø'), 'christianso');
});

test('haversine distance', () => {
  const km = haversineKm(48.8534, 2.3488, 51.5085, -0.1257); // Paris–London
  assert.ok(km > 330 && km < 350, String(km));
});

test('the gazetteer joins cities, countries, own regions and exonyms', () => {
  const g = gazetteer();
  assert.ok(g.size > 135000, `size ${g.size}`);
  const kind = (key: string): string[] => (g.lookup(key) ?? []).map((i) => g.place(i).kind);
  assert.ok(kind('france').includes('country'));
  assert.ok(kind('donbass').includes('conflict-area'));
  assert.ok(kind('red sea').includes('sea'));
  assert.ok(kind('punjab').filter((k) => k === 'state' || k === 'province').length >= 2);
  const kiev = g.preferred.get('kiev');
  assert.ok(kiev !== undefined);
  assert.equal(g.place(kiev).name, 'Kyiv');
  assert.equal(g.admin1.get('USA.TX')?.name, 'Texas');
  assert.equal(g.abbrevs.has('calif'), true);
});

test('every exonym in data/places/aliases.jsonl points at a city the gazetteer holds', () => {
  const g = gazetteer();
  for (const alias of ['bombay', 'peking', 'geneva', 'saigon', 'rangoon', 'khankendi', 'white house']) {
    const idx = g.preferred.get(alias);
    assert.ok(idx !== undefined, alias);
    assert.equal(g.place(idx).kind, 'city');
  }
});
