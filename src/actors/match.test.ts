import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeSync } from '../index.js';
import type { CodedDocument, ContractEntity } from '../model/contract.js';

const here = '[actors] ';

function ent(c: CodedDocument, text: string): ContractEntity {
  const e = c.entities.find((x) => x.text === text && x.type !== 'place');
  assert.ok(e, `no entity "${text}" in ${c.entities.map((x) => x.text).join(' | ')}`);
  return e;
}

const ARTICLE = [
  'Paris summons Turkish envoy',
  '',
  'French Foreign Minister Jean-Yves Le Drian summoned the Turkish ambassador on Tuesday.',
  'Le Drian said Ankara had broken its promises. He added that the Elysee would consult its partners.',
  '"We will not accept this," the minister said.',
  'Armenia\'s defence ministry said Azerbaijani President Ilham Aliyev had ordered new strikes, and Turkish police detained protesters in Istanbul.',
  'Aliyev denied the claim.',
].join('\n');

test(here + 'countries, metonyms, roles and people at the article date', () => {
  const c = codeSync(ARTICLE, { date: '2020-10-06' });
  const ld = ent(c, 'French Foreign Minister Jean-Yves Le Drian');
  assert.equal(ld.code, 'FRAGOV');
  assert.equal(ld.name, 'Jean-Yves Le Drian');
  assert.equal(ld.office?.title, 'Foreign Minister');
  assert.equal(ent(c, 'Ankara').code, 'TURGOV');
  assert.equal(ent(c, 'Elysee').code, 'FRAGOV');
  assert.match(ent(c, "Armenia's defence ministry").code!, /^ARM(MIL|GOV)$/);
  assert.equal(ent(c, 'Azerbaijani President Ilham Aliyev').code, 'AZEGOV');
  assert.equal(ent(c, 'Turkish police').code, 'TURCOP');
});

test(here + 'coreference: alias, pronoun and definite role resolve to the first full mention', () => {
  const c = codeSync(ARTICLE, { date: '2020-10-06' });
  for (const text of ['Le Drian', 'He', 'minister']) {
    const e = ent(c, text);
    assert.equal(e.name, 'Jean-Yves Le Drian', text);
    assert.equal(e.code, 'FRAGOV', text);
  }
  const surname = ent(c, 'Aliyev');
  assert.equal(surname.code, 'AZEGOV');
  const q = c.quotes.find((x) => x.text === 'We will not accept this');
  assert.equal(q?.speaker?.name, 'Jean-Yves Le Drian');
});

test(here + 'the role is the one held at the article date', () => {
  const before = codeSync('Jean-Yves Le Drian met officers in Brest.', { date: '2015-03-01', detectTitle: false });
  assert.equal(ent(before, 'Jean-Yves Le Drian').office?.title, 'Defence Minister');
  const after = codeSync('Jean-Yves Le Drian met officers in Brest.', { date: '2021-03-01', detectTitle: false });
  assert.equal(ent(after, 'Jean-Yves Le Drian').office?.title, 'Foreign Minister');
});

test(here + 'a person with a title but not in the dictionary is resolved from the title', () => {
  const c = codeSync("Pakistan's Prime Minister Imran Khan met Moldovan Foreign Minister Ion Zarescu.", { date: '2019-06-01', detectTitle: false });
  assert.equal(ent(c, "Pakistan's Prime Minister Imran Khan").code, 'PAKGOV');
  const z = ent(c, 'Moldovan Foreign Minister Ion Zarescu');
  assert.equal(z.code, 'MDAGOV');
  assert.equal(z.name, 'Ion Zarescu');
});

test(here + 'a user dictionary adds Arnor and its king Aragorn (issue 3)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-dict-'));
  const file = join(dir, 'middle-earth.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({ kind: 'country', id: 'XAR', country: 'XAR', name: 'Arnor', names: ['Arnor'], adjectives: ['Arnorian'], demonyms: [], capitals: ['Annuminas'], seats: [] }),
      JSON.stringify({ kind: 'person', id: 'aragorn', name: 'Aragorn', aliases: ['Elessar'], offices: [{ code: 'XARGOV', country: 'XAR', role: 'GOV', title: 'King', from: '2000-01-01', until: null }] }),
    ].join('\n') + '\n',
  );
  const text = 'Aragorn accused Mordor of attacking Arnor. Annuminas condemned the raid.';
  const c = codeSync(text, { date: '2024-05-01', detectTitle: false, dictFiles: [file] });
  const a = ent(c, 'Aragorn');
  assert.equal(a.code, 'XARGOV');
  assert.equal(a.office?.title, 'King');
  assert.equal(ent(c, 'Arnor').code, 'XAR');
  assert.equal(ent(c, 'Annuminas').code, 'XARGOV');
  // Without the file, nothing of it is known.
  const plain = codeSync(text, { date: '2024-05-01', detectTitle: false });
  assert.ok(!plain.entities.some((e) => e.code?.startsWith('XAR')));
});

test(here + 'negatives: modifiers and places are not actors', () => {
  const c = codeSync('The talks covered military involvement and the state of Islam in French schools, and delegates met in Moscow.', { date: '2020-01-01', detectTitle: false });
  assert.ok(!c.entities.some((e) => e.text === 'military' && e.type !== 'place'));
  assert.ok(!c.entities.some((e) => e.text === 'state'));
  assert.ok(!c.entities.some((e) => e.text === 'Moscow' && e.code === 'RUSGOV'), 'a capital after "in" is a place');
});
