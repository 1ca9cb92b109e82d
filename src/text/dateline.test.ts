import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateline } from './dateline.js';

test('datelines in four agency styles', () => {
  const a = parseDateline('PORT SUDAN, June 11, 2024 - Fighting resumed around the city overnight.');
  assert.deepEqual(
    { place: a?.place, date: a?.date, agency: a?.agency, text: a?.text },
    { place: 'PORT SUDAN', date: '2024-06-11', agency: null, text: 'PORT SUDAN, June 11, 2024 -' },
  );
  const b = parseDateline('ISLAMABAD, May 14 (Reuters) - Pakistan summoned the envoy.', 2025);
  assert.equal(b?.place, 'ISLAMABAD');
  assert.equal(b?.agency, 'Reuters');
  assert.equal(b?.date, '2025-05-14');
  assert.equal(b?.dateText, 'May 14');
  const c = parseDateline('KYIV (AP) \u2014 Air raid sirens sounded across the capital.');
  assert.equal(c?.place, 'KYIV');
  assert.equal(c?.agency, 'AP');
  assert.equal(c?.date, null);
  const d = parseDateline('CAMBRIDGE, Mass. (AP) \u2014 The university said on Monday that it would appeal.');
  assert.equal(d?.place, 'CAMBRIDGE');
  assert.equal(d?.region, 'Mass.');
  const e = parseDateline('BEIJING -- China lodged a protest with Japan.');
  assert.equal(e?.place, 'BEIJING');
  assert.equal(e?.text, 'BEIJING --');
  const f = parseDateline('Gaza City (AFP) - Strikes hit the north.');
  assert.equal(f?.place, 'Gaza City');
  assert.equal(f?.agency, 'AFP');
  const g = parseDateline('NAIROBI, 3 March 2025 \u2013 Kenya reopened the crossing.');
  assert.equal(g?.date, '2025-03-03');
});

test('ordinary openings are not datelines', () => {
  for (const s of [
    'Paris - the French capital - hosted the talks on Monday.',
    'France accused Turkey on Wednesday of military involvement.',
    'The UN - which has 193 members - voted on Friday.',
    'UPDATE - Ministers met again.',
    'NATO allies met in Brussels on Tuesday.',
    'A - B testing is common.',
    'Kyiv said on Monday that it had downed 40 drones.',
  ]) assert.equal(parseDateline(s), null, s);
  // A month and day with no year and no reference: recorded as written, no date invented.
  assert.equal(parseDateline('ISLAMABAD, May 14 (Reuters) - Talks began.')?.date, null);
  assert.equal(parseDateline('ISLAMABAD, Feb 30, 2024 (Reuters) - Talks began.')?.date, null);
});
