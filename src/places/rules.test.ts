/**
 * One test per places rule, each on a sentence written for it: the rule's effect is there when the
 * rule is on and gone when it is switched off (`without`), so removing a rule fails its test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaces, type FindPlacesOptions, type PlaceMention } from './index.js';
import { PLACE_RULES, type PlaceRuleId } from './rules.js';

interface Case {
  text: string;
  /** What the rule brings about. */
  holds(ps: PlaceMention[]): boolean;
  opts?: FindPlacesOptions;
  /** Other rules off in both runs (when a second rule would do the same work). */
  alsoOff?: PlaceRuleId[];
}

const has = (ps: PlaceMention[], text: string, test: (p: PlaceMention) => boolean = () => true): boolean => ps.some((p) => p.text === text && test(p));
const none = (ps: PlaceMention[], text: string): boolean => !ps.some((p) => p.text === text);
const inTexas = (p: PlaceMention): boolean => p.lat > 25.8 && p.lat < 36.5 && p.lon > -106.7 && p.lon < -93.5;

const CASES: Partial<Record<PlaceRuleId, Case>> = {
  'gazetteer-name': { text: 'Talks resumed in Geneva on Friday.', holds: (ps) => has(ps, 'Geneva', (p) => p.country === 'CHE') },
  'abbreviation-after-comma': { text: 'He was born in Brandon, Man., in 1950.', holds: (ps) => has(ps, 'Man.', (p) => p.name === 'Manitoba' && p.form === 'abbreviation') },
  'free-abbreviation': { text: 'A Ga. pastor was arrested.', holds: (ps) => has(ps, 'Ga.', (p) => p.level === 'admin1' && p.country === 'USA') },
  'party-state-tag': { text: 'Sen. Bob Casey, D-Pa., voted no.', holds: (ps) => has(ps, 'Pa.', (p) => p.name === 'Pennsylvania') },
  'postal-code': { text: 'Staff were hired in Austin, TX last year.', holds: (ps) => has(ps, 'TX', (p) => p.name === 'Texas') },
  'county-name': { text: 'Lindenwood County officials met, Texas officials said.', holds: (ps) => has(ps, 'Lindenwood County', (p) => p.level === 'admin2' && inTexas(p)) },
  'county-list': { text: 'Floods hit Cooke, Grayson and Denton counties in Texas.', holds: (ps) => has(ps, 'Cooke', (p) => p.name === 'Cooke County' && inTexas(p)) },
  demonym: { text: 'Russian troops advanced on the town.', holds: (ps) => has(ps, 'Russian', (p) => p.country === 'RUS' && p.form === 'demonym' && p.level === 'country') },
  'excluded-span': { text: 'Geneva welcomed the talks.', opts: { exclude: [{ start: 0, end: 6 }] }, holds: (ps) => none(ps, 'Geneva') },
  'locative-cue': { text: 'She moved to Scott last year.', holds: (ps) => has(ps, 'Scott') },
  'before-county': { text: 'Deputies from Scott Parish arrived, Louisiana officials said.', holds: (ps) => has(ps, 'Scott Parish') },
  'speech-verb-person': { text: 'Turner said the vote was close.', holds: (ps) => none(ps, 'Turner') },
  'given-name-before': { text: 'Maria Turner Jones spoke.', holds: (ps) => none(ps, 'Turner') },
  'given-name-alone': { text: 'Scott arrived late.', holds: (ps) => none(ps, 'Scott') },
  'short-word': { text: 'We met Ba later.', holds: (ps) => none(ps, 'Ba') },
  'not-a-place': { text: 'El Nino brought rain to the coast.', holds: (ps) => none(ps, 'El Nino') },
  'sentence-initial-word': { text: 'Reading the report, she frowned.', holds: (ps) => none(ps, 'Reading') },
  'common-word': { text: 'Residents of Liberty gathered.', holds: (ps) => none(ps, 'Liberty') },
  acronym: { text: 'The UN and NATO said so.', holds: (ps) => none(ps, 'UN') && none(ps, 'NATO') },
  'title-before': { text: 'Mr Houston arrived.', holds: (ps) => none(ps, 'Houston') },
  'street-or-building': { text: 'They live on Washington Street.', holds: (ps) => none(ps, 'Washington') },
  'person-name-run': { text: 'Paris Hilton arrived late.', holds: (ps) => none(ps, 'Paris') },
  'surname-after-name': { text: 'On Monday, Barack Obama spoke.', holds: (ps) => none(ps, 'Obama') },
  'remembered-surname': { text: 'Bob Turner spoke on Monday. Turner left early.', holds: (ps) => ps.length === 0 },
  'county-suffix': { text: 'Deputies from Scott Parish arrived, Louisiana officials said.', holds: (ps) => has(ps, 'Scott Parish', (p) => p.country === 'USA') },
  'demonym-before-town': { text: 'He sold Canadian Bacon.', holds: (ps) => none(ps, 'Bacon') },
  'admin-after-comma': { text: 'Rain fell in Seattle, Washington.', holds: (ps) => has(ps, 'Washington', (p) => p.level === 'admin1') },
  'admin-hint': { text: 'Rain fell in Paris, Tex., today.', holds: (ps) => has(ps, 'Paris', (p) => p.country === 'USA'), alsoOff: ['abbreviation-after-comma'] },
  'same-country': { text: 'Shelling hit Richmond overnight. Britain protested.', holds: (ps) => has(ps, 'Richmond', (p) => p.country === 'GBR') },
  'same-state': { text: 'Officials in Springfield met. Missouri lawmakers agreed.', holds: (ps) => has(ps, 'Springfield', (p) => p.lon < -92), alsoOff: ['nearby'] },
  nearby: { text: 'Fans drove from Cambridge to Boston.', holds: (ps) => has(ps, 'Cambridge', (p) => p.country === 'USA'), alsoOff: ['same-country', 'same-state'] },
  'outlet-country': { text: 'Hamilton council met.', opts: { outletCountry: 'CA' }, holds: (ps) => has(ps, 'Hamilton', (p) => p.country === 'CAN') },
  // Portland, Oregon (650,000 people) before Portland, Maine, and the smaller Portlands.
  'largest-population': { text: 'Fans met in Portland.', holds: (ps) => has(ps, 'Portland', (p) => p.lat > 45) },
  'county-in-state': { text: 'Lindenwood County officials met, Texas officials said.', holds: (ps) => has(ps, 'Lindenwood County', (p) => inTexas(p)) },
  'unsupported-village': { text: 'The Patrol program will continue.', holds: (ps) => none(ps, 'Patrol') },
};

/** Rules that only name a decision the priors made: tested by the label they give. */
const LABELS: Partial<Record<PlaceRuleId, [string, string]>> = {
  'country-name': ['Officials from Ukraine met.', 'Ukraine'],
  'unique-name': ['Talks resumed in Kramatorsk.', 'Kramatorsk'],
  alias: ['Officials in Ulaanbaatar met.', 'Ulaanbaatar'],
  'region-name': ['Fighting spread across Nagorno-Karabakh.', 'Nagorno-Karabakh'],
};

for (const [id, c] of Object.entries(CASES) as Array<[PlaceRuleId, Case]>) {
  test(`places rule ${id}: ${c.text}`, () => {
    const off = c.alsoOff ?? [];
    const on = findPlaces(c.text, { ...c.opts, without: off });
    assert.ok(c.holds(on), `with ${id}: ${JSON.stringify(on.map((p) => [p.text, p.name, p.country, p.rules]))}`);
    const without = findPlaces(c.text, { ...c.opts, without: [...off, id] });
    assert.ok(!c.holds(without), `without ${id}: ${JSON.stringify(without.map((p) => [p.text, p.name, p.country, p.rules]))}`);
  });
}

for (const [id, [text, span]] of Object.entries(LABELS) as Array<[PlaceRuleId, [string, string]]>) {
  test(`places rule ${id} names the decision: ${text}`, () => {
    const p = findPlaces(text).find((x) => x.text === span);
    assert.ok(p);
    assert.deepEqual(p.rules, ['gazetteer-name', id]);
  });
}

test('every registered places rule has its test', () => {
  const tested = new Set([...Object.keys(CASES), ...Object.keys(LABELS)]);
  assert.deepEqual(
    PLACE_RULES.map((r) => r.id).filter((id) => !tested.has(id)),
    [],
  );
});

test('a dateline is recorded as such, and a country that acts is still a place mention', () => {
  const ps = findPlaces('BEIJING — China accused Japan of provocations on Monday.');
  assert.deepEqual(
    ps.map((p) => [p.text, p.form, p.level]),
    [
      ['BEIJING', 'dateline', 'city'],
      ['China', 'name', 'country'],
      ['Japan', 'name', 'country'],
    ],
  );
});
