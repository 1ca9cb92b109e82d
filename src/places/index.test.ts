import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaces, type PlaceMention } from './index.js';

const find = (text: string, name: string): PlaceMention | undefined => findPlaces(text).find((p) => p.text === name);

test('a conflict area resolves to its country', () => {
  const p = find('Heavy fighting erupted in Nagorno-Karabakh on Sunday, officials said.', 'Nagorno-Karabakh');
  assert.ok(p);
  assert.equal(p.country, 'AZE');
  assert.ok(Math.abs(p.lat - 39.8) < 1 && Math.abs(p.lon - 46.7) < 1);
});

test('two cities in one sentence: Geneva and Moscow', () => {
  const ps = findPlaces('Diplomats will hold meetings tomorrow in Geneva, others on Monday in Moscow.');
  assert.equal(ps.find((p) => p.text === 'Geneva')?.country, 'CHE');
  assert.equal(ps.find((p) => p.text === 'Moscow')?.country, 'RUS');
  assert.equal(ps.length, 2);
});

test('seas and regions from the own table', () => {
  const p = find('Greece and Turkey are at odds over maritime rights in the eastern Mediterranean.', 'eastern Mediterranean');
  assert.ok(p);
  assert.equal(p.featureClass, 'H');
});

test('US and UK are countries, never towns', () => {
  const ps = findPlaces('Officials from the US and UK met in private. The U.S. later issued a statement.');
  assert.deepEqual(
    ps.map((p) => [p.text, p.country]),
    [
      ['US', 'USA'],
      ['UK', 'GBR'],
      ['U.S.', 'USA'],
    ],
  );
  assert.equal(ps[0].rule, 'gazetteer/country');
});

test("people's names are not places; a demonym is a mention of its country", () => {
  assert.deepEqual(findPlaces('Paris Hilton arrived late to the party.'), []);
  const fr = findPlaces('The French President spoke to reporters.');
  assert.deepEqual(
    fr.map((p) => [p.text, p.country, p.form, p.level]),
    [['French', 'FRA', 'demonym', 'country']],
  );
  assert.deepEqual(findPlaces('Jordan Peterson and Georgia Smith wrote a letter.'), []);
  assert.deepEqual(findPlaces('Reading the report, she frowned. Mobile phones were banned.'), []);
});

test('the country named in the article picks the right city', () => {
  const ps = findPlaces('Shelling hit Ganja overnight. Azerbaijan accused Armenian forces of the attack.');
  const ganja = ps.find((p) => p.text === 'Ganja');
  assert.equal(ganja?.country, 'AZE');
});

test('Kiev and Kyiv are the same city', () => {
  const a = find('Talks resumed in Kiev on Friday.', 'Kiev');
  const b = find('Talks resumed in Kyiv on Friday.', 'Kyiv');
  assert.ok(a && b);
  assert.equal(a.geonameid, b.geonameid);
  assert.equal(a.country, 'UKR');
});

test('an admin hint after a comma: Paris, Texas', () => {
  const p = find('He grew up in Paris, Texas, a small town near the Oklahoma border.', 'Paris');
  assert.equal(p?.country, 'USA');
  assert.equal(p?.rule, 'context/admin-hint');
  const q = find('The summit opened in Paris on Tuesday.', 'Paris');
  assert.equal(q?.country, 'FRA');
});

test('spans and confidence are well-formed', () => {
  const text = 'Protests spread from Baghdad to Basra, in southern Iraq.';
  for (const p of findPlaces(text)) {
    assert.equal(text.slice(p.start, p.end), p.text);
    assert.ok(p.confidence > 0 && p.confidence <= 1);
    assert.ok(p.rule.includes('/'));
  }
  assert.deepEqual(
    findPlaces(text).map((p) => p.country),
    ['IRQ', 'IRQ', 'IRQ'],
  );
});

test('exclude spans are respected', () => {
  const text = 'Georgia said the vote in Atlanta was fair.';
  const ps = findPlaces(text, { exclude: [{ start: 0, end: 7 }] });
  assert.deepEqual(
    ps.map((p) => p.text),
    ['Atlanta'],
  );
});

test('the outlet country breaks a tie between same-named towns', () => {
  const text = 'Flooding closed roads around Perth overnight.';
  assert.equal(findPlaces(text, { outletCountry: 'GBR' }).find((p) => p.text === 'Perth')?.country, 'GBR');
  assert.equal(findPlaces(text, { outletCountry: 'AU' }).find((p) => p.text === 'Perth')?.country, 'AUS');
});

test('a state abbreviation after a comma is a hint and a mention', () => {
  const ps = findPlaces('The fire broke out in Charleston, W.Va., late on Friday.');
  assert.deepEqual(
    ps.map((p) => [p.text, p.country]),
    [
      ['Charleston', 'USA'],
      ['W.Va.', 'USA'],
    ],
  );
  assert.ok(Math.abs(ps[0].lat - 38.35) < 0.5, `Charleston, West Virginia, not South Carolina (lat ${ps[0].lat})`);
});

test('a surname seen with a given name is not a town later', () => {
  const ps = findPlaces('Coach Mike Welch praised the team. Welch said the season was long. The bus left from Charleston.');
  assert.deepEqual(
    ps.map((p) => p.text),
    ['Charleston'],
  );
});

test('places inside organisation names are kept, streets are not', () => {
  const ps = findPlaces('The Texas Rangers beat the Seattle Mariners. She lives on Washington Street.');
  assert.deepEqual(
    ps.map((p) => p.text),
    ['Texas', 'Seattle'],
  );
});

test('a US state wins over a country of the same name when the article is American', () => {
  const ps = findPlaces('Voters in Atlanta and Savannah went to the polls as Georgia counted ballots, officials in Washington said.');
  const georgia = ps.find((p) => p.text === 'Georgia');
  assert.equal(georgia?.country, 'USA');
});

test('a region named with a lower-case tail ("Donetsk region") is the region, not the city', () => {
  const ps = findPlaces('Fighting intensified in the Donetsk region while airstrikes hit Idlib province.');
  assert.deepEqual(
    ps.map((p) => [p.text, p.name, p.country]),
    [
      ['Donetsk region', 'Donetsk Oblast', 'UKR'],
      ['Idlib province', 'Idlib', 'SYR'],
    ],
  );
});

test('multi-word names with connectors', () => {
  const ps = findPlaces('Envoys from the Democratic Republic of the Congo and Bosnia and Herzegovina met in Rio de Janeiro.');
  assert.deepEqual(
    ps.map((p) => p.country),
    ['COD', 'BIH', 'BRA'],
  );
});

test('counties are placed in the state the article is about', () => {
  const ps = findPlaces('Storms hit Dallas, Texas, on Monday. Roads closed in Cooke, Grayson and Denton counties and in Collin County.');
  const counties = ps.filter((p) => p.level === 'admin2');
  assert.deepEqual(
    counties.map((p) => [p.text, p.name]),
    [
      ['Cooke', 'Cooke County'],
      ['Grayson', 'Grayson County'],
      ['Denton', 'Denton County'],
      ['Collin County', 'Collin County'],
    ],
  );
  // Each is the Texas county of that name (GeoNames has a Grayson County in four states).
  for (const c of counties) assert.ok(c.country === 'USA' && c.lat > 25.8 && c.lat < 36.5 && c.lon > -106.7 && c.lon < -93.5, c.name);
});

test('ambiguous common words resolve only to large places', () => {
  const ps = findPlaces('The ferry from Split reached Nice late, while fans in Reading and Bath watched. The Usa team flew home.');
  const by = (t: string): PlaceMention | undefined => ps.find((p) => p.text === t);
  assert.equal(by('Split')?.country, 'HRV');
  assert.equal(by('Nice')?.country, 'FRA');
  assert.equal(by('Reading')?.country, 'GBR');
  assert.equal(by('Bath')?.country, 'GBR');
  const usa = by('Usa');
  assert.ok(!usa || usa.country === 'USA');
});

test('US postal codes after a town ("Portland, ME")', () => {
  const ps = findPlaces('Staff were hired in Portland, ME and in Portland, OR last year.');
  assert.deepEqual(
    ps.map((p) => [p.text, p.name]),
    [
      ['Portland', 'Portland'],
      ['ME', 'Maine'],
      ['Portland', 'Portland'],
      ['OR', 'Oregon'],
    ],
  );
  assert.ok(ps[0].lon > -72 && ps[2].lon < -120, `${ps[0].lon} ${ps[2].lon}`);
});

test('state abbreviations outside a comma: headlines and party tags', () => {
  const a = findPlaces('Scandal-hit Ga. pastor to be buried on Saturday.');
  assert.deepEqual(a.map((p) => [p.text, p.name]), [['Ga.', 'Georgia']]);
  const b = findPlaces('Senator Maria Lopez, D-Calif., and Representative Tom Hale, R-W. Va., voted against the bill.');
  assert.deepEqual(b.map((p) => p.name), ['California', 'West Virginia']);
  // A title before a name is not a state, nor is a sentence-final "Mass.".
  assert.equal(findPlaces('She went to Mass. Then she drove home.').length, 0);
});

test('"Co." counties and counties located by a state resolved from context', () => {
  const p = find('Loudon Co. man dies in crash near Lenoir City, Tenn., police said.', 'Loudon Co.');
  assert.ok(p);
  assert.equal(p.country, 'USA');
});

test('possessives, hyphen pairs and town bodies keep the town', () => {
  const a = findPlaces("Mansfield's Pastor on Patrol program will continue, said Avondale Mayor Ed Rieker.");
  assert.deepEqual(a.map((p) => p.text), ['Mansfield', 'Avondale']);
  const b = findPlaces('The river will crest at 39 feet in Fargo-Moorhead on Friday.');
  assert.deepEqual(b.map((p) => p.text), ['Fargo', 'Moorhead']);
  // A hyphenated surname after a given name stays a person.
  assert.equal(findPlaces('Congressman John Diaz-Balart spoke to reporters about the new budget on Monday.').length, 0);
  // "Tbilisi says": a capital is the government speaking, not a person.
  assert.equal(find('Tbilisi says the separatists attacked first.', 'Tbilisi')?.country, 'GEO');
});

test('a foreign county the gazetteer has is itself', () => {
  assert.equal(find('Loans are funded by Lancashire County Council.', 'Lancashire')?.country, 'GBR');
});
