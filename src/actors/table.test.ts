import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../build/table.js';
import { loadActorDictionaries } from './dictionary.js';
import { SEP, compileActorLexicon, phraseKeys, type ActorLexicon } from './lexicon.js';
import { buildActorTable, loadActorLexicon } from './table.js';

const dir = join(PACKAGE_ROOT, 'test-output', `actor-table-${process.pid}`);
mkdirSync(dir, { recursive: true });
const file = join(dir, 'actors.table');
buildActorTable(file);
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** Every key and prefix of the lexicon compiled from the sources gives the same answer from `got`. */
function sameLookups(got: ActorLexicon, want: ActorLexicon & { names: { entries: Map<string, unknown>; prefixes: Set<string> } }): number {
  let n = 0;
  for (const [key, list] of want.names.entries) {
    assert.deepEqual(got.names.entries.get(key), list, key);
    assert.equal(got.names.prefixes.has(key), want.names.prefixes.has(key), key);
    n++;
  }
  for (const p of want.names.prefixes) assert.ok(got.names.prefixes.has(p), p);
  assert.deepEqual(got.roles, want.roles);
  assert.deepEqual(got.countries, want.countries);
  return n;
}

const fromSources = () => compileActorLexicon(loadActorDictionaries()) as Parameters<typeof sameLookups>[1];

test('the compiled actor table gives the lookups of the dictionaries compiled from the sources', () => {
  const { lexicon, version } = loadActorLexicon({ file });
  const want = fromSources();
  assert.ok(sameLookups(lexicon, want) > 30000);
  // real names, spelled the way the matcher asks for them
  const key = (name: string) => phraseKeys(name).join(SEP);
  assert.deepEqual(lexicon.names.entries.get(key('France'))?.map((e) => [e.kind, e.id]), [['country', 'FRA']]);
  assert.equal(lexicon.names.entries.get(key('Emmanuel Macron'))?.[0]?.person?.name, 'Emmanuel Macron');
  assert.ok(lexicon.names.prefixes.has(key('Emmanuel')));
  assert.equal(lexicon.names.entries.get(key('Gondor')), undefined);
  // one record object per record: the entries of two names of Turkey share it
  assert.equal(lexicon.names.entries.get(key('Turkey'))?.[0]?.country, lexicon.names.entries.get(key('Ankara'))?.find((e) => e.kind === 'capital')?.country);
  assert.equal(version, loadActorDictionaries().version);
  assert.deepEqual(lexicon.dict.people.length, want.dict.people.length);
});

test('user dictionaries are compiled on the fly and merged over the compiled table as over the sources', () => {
  const user = join(dir, 'arnor.jsonl');
  writeFileSync(user, [
    JSON.stringify({ kind: 'country', id: 'XAR', country: 'XAR', name: 'Arnor', names: ['Arnor', 'France'], adjectives: ['Arnorian'], capitals: ['Annuminas'] }),
    JSON.stringify({ kind: 'person', id: 'aragorn', name: 'Aragorn', aliases: ['Elessar', 'Macron'], offices: [{ code: 'XARGOV', country: 'XAR', role: 'GOV', title: 'King', from: '2000-01-01', until: null }] }),
    JSON.stringify({ kind: 'igo', id: 'NATO', code: 'IGOWSTNAT', name: 'NATO', names: ['NATO', 'the Alliance'] }),
    JSON.stringify({ kind: 'role', id: 'ranger', words: ['ranger'], role: 'MIL', title: 'ranger' }),
  ].join('\n') + '\n');
  const { lexicon, version } = loadActorLexicon({ file, extraFiles: [user] });
  const want = compileActorLexicon(loadActorDictionaries({ extraFiles: [user] })) as Parameters<typeof sameLookups>[1];
  sameLookups(lexicon, want);
  const key = (name: string) => phraseKeys(name).join(SEP);
  // a name shared with a built-in country lists the built-in first, the user's after it
  assert.deepEqual(lexicon.names.entries.get(key('France'))?.map((e) => e.id), ['FRA', 'XAR']);
  // the replaced NATO record lost its old names
  assert.deepEqual(lexicon.names.entries.get(key('the Alliance'))?.map((e) => e.org?.names), [['NATO', 'the Alliance']]);
  assert.equal(lexicon.names.entries.get(key('North Atlantic Treaty Organization')), undefined);
  assert.equal(lexicon.countries.get('XAR')?.name, 'Arnor');
  assert.match(version, /\+1 user file$/);
});

test('a stale or missing table falls back to the sources with the same lookups', () => {
  process.env['DYAD_QUIET_TABLES'] = '1';
  const { lexicon } = loadActorLexicon({ file: join(dir, 'never-built.table') });
  sameLookups(lexicon, fromSources());
});
