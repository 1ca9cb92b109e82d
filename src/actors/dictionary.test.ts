import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_FILES, actorDataDir, loadActorDictionaries, officeAt, validateActorFile, type ActorDictionaries, type PersonRecord } from './dictionary.js';
import { DyadError } from '../model/errors.js';

const dict: ActorDictionaries = loadActorDictionaries();

function person(d: ActorDictionaries, name: string): PersonRecord {
  const p = d.people.find((x) => x.name === name);
  assert.ok(p, `${name} is in the dictionary`);
  return p;
}

test('every built-in file passes full validation with unique ids', () => {
  for (const { file, kind } of BUILTIN_FILES) {
    const path = join(actorDataDir(), file);
    const n = validateActorFile(path, kind);
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
    assert.equal(n, lines, `${file}: ids are unique`);
  }
});

test('the built-in countries hold France, Turkey and their capitals', () => {
  const fra = dict.countries.find((c) => c.id === 'FRA');
  assert.ok(fra);
  assert.ok(fra.capitals.includes('Paris'));
  assert.ok(fra.adjectives.includes('French'));
  assert.ok(fra.seats.some((s) => s.text === 'Quai d\'Orsay' && s.role === 'GOV'));
  const tur = dict.countries.find((c) => c.id === 'TUR');
  assert.ok(tur);
  assert.ok(tur.capitals.includes('Ankara'));
  assert.ok(tur.names.includes('Türkiye'));
  assert.ok(tur.names.includes('Turkey'));
  assert.ok(dict.countries.length >= 240);
  assert.equal(new Set(dict.countries.map((c) => c.id)).size, dict.countries.length);
});

test('the built-in organisations hold NATO, the Minsk Group and armed groups', () => {
  const nato = dict.orgs.find((o) => o.id === 'NATO');
  assert.equal(nato?.code, 'IGOWSTNAT');
  assert.equal(nato?.type, 'igo');
  const minsk = dict.orgs.find((o) => o.names.includes('OSCE Minsk Group'));
  assert.ok(minsk);
  assert.ok(minsk.code.startsWith('IGO'));
  const hamas = dict.orgs.find((o) => o.id === 'HAMAS');
  assert.equal(hamas?.type, 'group');
  assert.equal(hamas?.country, 'PSE');
  assert.ok(dict.orgs.some((o) => o.type === 'ngo' && o.names.includes('Amnesty International')));
});

test('role words are lower case and mark offices held by one person', () => {
  const fm = dict.roles.find((r) => r.id === 'foreign-minister');
  assert.ok(fm?.words.includes('foreign minister'));
  assert.equal(fm?.person, true);
  const troops = dict.roles.find((r) => r.words.includes('troop'));
  assert.equal(troops?.role, 'MIL');
  for (const r of dict.roles) for (const w of r.words) assert.equal(w, w.toLowerCase());
});

test('the seed article\'s actors are all in the dictionaries', () => {
  const has = (pred: (c: ActorDictionaries['countries'][number]) => boolean): string | undefined => dict.countries.find(pred)?.id;
  assert.equal(has((c) => c.names.includes('Armenia')), 'ARM');
  assert.equal(has((c) => c.names.includes('Azerbaijan')), 'AZE');
  assert.equal(has((c) => c.names.includes('Russia')), 'RUS');
  assert.equal(has((c) => c.adjectives.includes('Syrian')), 'SYR');
  assert.equal(has((c) => c.capitals.includes('Ankara')), 'TUR');
  assert.equal(has((c) => c.capitals.includes('Paris')), 'FRA');
  const roleOf = (w: string): string | undefined => dict.roles.find((r) => r.words.includes(w))?.role;
  assert.equal(roleOf('jihadist'), 'REB');
  assert.equal(roleOf('fighter'), 'REB');
  assert.equal(roleOf('parliament'), 'LEG');
  assert.equal(roleOf('president'), 'GOV');
  for (const name of ['Ilham Aliyev', 'Nikol Pashinyan', 'Emmanuel Macron']) {
    assert.equal(officeAt(person(dict, name), '2020-10-07')?.role, 'GOV', name);
  }
  assert.equal(officeAt(person(dict, 'Imran Khan'), '2020-10-07')?.code, 'PAKGOV');
  assert.equal(officeAt(person(dict, 'Imran Khan'), '2023-01-01')?.role, 'OPP');
});

test('Le Drian was Foreign Minister in October 2020 and Defence Minister in 2015', () => {
  const ledrian = person(dict, 'Jean-Yves Le Drian');
  assert.ok(ledrian.aliases.includes('Le Drian'));
  const o2020 = officeAt(ledrian, '2020-10-07');
  assert.equal(o2020?.title, 'Foreign Minister');
  assert.equal(o2020?.code, 'FRAGOV');
  assert.equal(officeAt(ledrian, '2015-01-01')?.title, 'Defence Minister');
  assert.equal(officeAt(ledrian, '1990-01-01'), null);
  assert.equal(officeAt(ledrian, null)?.title, 'Foreign Minister');
});

test('Erdogan was Prime Minister before 2014-08-28 and President after', () => {
  const erdogan = person(dict, 'Recep Tayyip Erdogan');
  assert.equal(officeAt(erdogan, '2010-06-01')?.title, 'Prime Minister');
  assert.equal(officeAt(erdogan, '2020-10-07')?.title, 'President');
});

test('PETRARCH people are there, curated people are not duplicated', () => {
  assert.ok(dict.people.length > 10000);
  const putin = dict.people.filter((p) => p.name === 'Vladimir Putin');
  assert.equal(putin.length, 1);
  const macron = dict.people.filter((p) => p.name === 'Emmanuel Macron');
  assert.equal(macron.length, 1);
});

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-actors-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('a user file adds a country and its king, and overrides a built-in record', () => {
  const file = tmpFile(
    'arnor.jsonl',
    [
      JSON.stringify({ kind: 'country', id: 'XAR', country: 'XAR', name: 'Arnor', names: ['Arnor', 'Kingdom of Arnor'], adjectives: ['Arnorian'], capitals: ['Annuminas'] }),
      '',
      JSON.stringify({ kind: 'person', id: 'aragorn', name: 'Aragorn', aliases: ['Elessar', 'Strider'], offices: [{ code: 'XARGOV', country: 'XAR', role: 'GOV', title: 'King', from: '2000-01-01', until: null }] }),
      JSON.stringify({ kind: 'igo', id: 'NATO', code: 'IGOWSTNAT', name: 'NATO', names: ['NATO', 'the Alliance'] }),
    ].join('\n'),
  );
  const d = loadActorDictionaries({ extraFiles: [file] });
  const arnor = d.countries.find((c) => c.id === 'XAR');
  assert.equal(arnor?.name, 'Arnor');
  assert.deepEqual(arnor?.seats, []);
  const aragorn = person(d, 'Aragorn');
  assert.equal(officeAt(aragorn, '2020-10-07')?.title, 'King');
  assert.equal(officeAt(aragorn, '1999-12-31'), null);
  const natos = d.orgs.filter((o) => o.id === 'NATO');
  assert.equal(natos.length, 1);
  assert.deepEqual(natos[0]?.names, ['NATO', 'the Alliance']);
  assert.ok(d.sources.includes(file));
  assert.match(d.version, /\+1 user file/);
});

test('a malformed user line gives DYAD_E007 naming the file and the line', () => {
  const file = tmpFile(
    'bad.jsonl',
    [
      JSON.stringify({ kind: 'country', id: 'XAR', name: 'Arnor' }),
      JSON.stringify({ kind: 'person', id: 'aragorn', name: 'Aragorn', offices: [{ code: 'XARGOV', title: 'King', from: '2000-13-01' }] }),
    ].join('\n'),
  );
  assert.throws(
    () => loadActorDictionaries({ extraFiles: [file] }),
    (e: unknown) => e instanceof DyadError && e.code === 'DYAD_E007' && e.message.startsWith(`${file}:2: `) && /from/.test(e.message),
  );
  const notJson = tmpFile('notjson.jsonl', '{"kind": "role", "id": "x"\n');
  assert.throws(
    () => loadActorDictionaries({ extraFiles: [notJson] }),
    (e: unknown) => e instanceof DyadError && e.code === 'DYAD_E007' && e.message === `${notJson}:1: not valid JSON (each line must be one JSON object)`,
  );
  const noKind = tmpFile('nokind.jsonl', JSON.stringify({ id: 'x', name: 'X' }) + '\n');
  assert.throws(() => loadActorDictionaries({ extraFiles: [noKind] }), /nokind\.jsonl:1: "kind" is missing/);
  const upper = tmpFile('upper.jsonl', JSON.stringify({ kind: 'role', id: 'r', words: ['Foreign Minister'], role: 'GOV', title: 'x' }) + '\n');
  assert.throws(() => loadActorDictionaries({ extraFiles: [upper] }), /upper\.jsonl:1: "words" must be lower case/);
  assert.throws(
    () => loadActorDictionaries({ extraFiles: [join(tmpdir(), 'no-such-dyad-dict.jsonl')] }),
    (e: unknown) => e instanceof DyadError && e.code === 'DYAD_E007' && /file not found/.test(e.message),
  );
});

test('officeAt prefers a dated office over an undated one and the later start on overlap', () => {
  const p: PersonRecord = {
    id: 'x',
    name: 'X',
    aliases: [],
    offices: [
      { code: 'AZEELI', country: 'AZE', role: 'ELI', title: 'elite', from: null, until: null },
      { code: 'AZEGOV', country: 'AZE', role: 'GOV', title: 'Prime Minister', from: '2003-08-04', until: '2003-11-04' },
      { code: 'AZEGOV', country: 'AZE', role: 'GOV', title: 'President', from: '2003-10-31', until: null },
    ],
  };
  assert.equal(officeAt(p, '2003-09-01')?.title, 'Prime Minister');
  assert.equal(officeAt(p, '2003-11-01')?.title, 'President');
  assert.equal(officeAt(p, '1990-01-01')?.title, 'elite');
  assert.equal(officeAt(p, null)?.title, 'President');
});
