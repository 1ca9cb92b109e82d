import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSync } from '../index.js';
import type { CodedEvent } from '../model/document.js';
import { actorAt, placeAt, testDoc, withLayers } from '../model/testing.js';
import { locateEvents } from './locate.js';

const here = '[events/locate] ';

test(here + 'Tripoli: a city resolved by the sentence\'s country is a location (Lebanese and Libyan troops alike)', () => {
  for (const [adj, country] of [['Lebanese', 'LBN'], ['Libyan', 'LBY']] as const) {
    const c = codeSync(`${adj} troops clashed with gunmen in Tripoli.`, { date: '2021-05-04', detectTitle: false });
    assert.equal(c.events.length, 1, `${adj}: one event`);
    const loc = c.events[0]!.location;
    assert.ok(loc, `${adj}: the clash has a location`);
    assert.equal(loc.name, 'Tripoli');
    assert.equal(loc.country, country);
    assert.equal(loc.rule, 'location/same-sentence');
  }
});

/** A minimal event over the sentence, with the evidence span given. */
function event(quadClass: number, sentence: number, evidence: { start: number; end: number }): CodedEvent {
  return {
    id: 'e',
    date: null,
    source: null,
    target: null,
    cameo: quadClass === 4 ? '190' : '010',
    root: quadClass === 4 ? '19' : '01',
    quadClass,
    goldstein: 0,
    plover: { event: 'X', mode: null },
    sentence,
    evidence: { ...evidence, text: '' },
    mentions: 1,
  };
}

test(here + 'countries are never locations; an acting country is not a place without a locative', () => {
  const doc = testDoc('Syria shelled Idlib. Troops fought in Syria.');
  const syria = { type: 'country' as const, code: 'SYR', country: 'SYR', name: 'Syria' };
  const d = withLayers(doc, {
    actors: [actorAt(doc, 'Syria', syria, ['country'])],
    places: [placeAt(doc, 'Syria', { level: 'country', country: 'SYR' }), placeAt(doc, 'Idlib', { country: 'SYR' }), placeAt(doc, 'Syria', { level: 'country', country: 'SYR' }, 1)],
    events: [event(4, 0, { start: 0, end: 19 }), event(4, 1, { start: 21, end: 43 })],
  });
  const [first, second] = locateEvents(d);
  assert.equal(first?.name, 'Idlib');
  assert.equal(second, null);
});

test(here + 'verbal acts take a place only inside their evidence; material acts the dominant place', () => {
  const doc = testDoc('Rebels attacked Homs. Homs was quiet. The minister said Homs fell. Officials spoke about it.');
  const homs = (n: number) => placeAt(doc, 'Homs', { country: 'SYR' }, n);
  const d = withLayers(doc, {
    places: [homs(0), homs(1), homs(2)],
    events: [event(1, 2, { start: 38, end: 60 }), event(1, 3, { start: 67, end: 80 }), event(4, 3, { start: 67, end: 80 })],
  });
  const [said, spoke, material] = locateEvents(d);
  assert.equal(said?.rule, 'location/in-evidence');
  assert.equal(spoke, null);
  assert.equal(material?.rule, 'location/dominant-place');
});
