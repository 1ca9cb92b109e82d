/**
 * Every actor rule id of the registry (src/actors/rules.ts) has an example here, on text
 * written for these tests: the example fails when its rule is removed. Context and coreference
 * are also tested alone, on exactly the layers they read (src/model/testing.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PIPELINE, runStages } from '../pipeline.js';
import { emptyDoc, type Doc } from '../model/document.js';
import { entityIndex } from '../model/entities.js';
import { actorAt, placeAt, testDoc, withLayers } from '../model/testing.js';
import { getResources } from '../resources.js';
import { ACTOR_RULES, ruleString, type ActorRuleId } from './rules.js';
import { resolveActors } from './stage.js';

const here = '[actors/rules] ';

/** Runs the stages up to actors.resolve. */
function actorsOf(text: string): Doc {
  const upTo = PIPELINE.findIndex((s) => s.name === 'actors.resolve');
  const doc = emptyDoc({ url: null, outlet: null, date: '2020-10-07', language: 'en' });
  return runStages(doc, PIPELINE.slice(0, upTo + 1), getResources(), { raw: text, title: null, detectTitle: false });
}

/** The rule ids of every mention with this text (actors with their links, coreference's own). */
function rulesOf(doc: Doc, text: string): ActorRuleId[][] {
  const { actors, actorLinks } = doc.layers;
  const out: ActorRuleId[][] = [];
  actors.forEach((a, i) => {
    if (a.text === text) out.push([...a.rules, ...(actorLinks.links[i]?.rules ?? [])]);
  });
  for (const m of actorLinks.added) if (m.text === text) out.push([...m.rules]);
  return out;
}

/** One example per rule id: a text, and the mention that rule must mark. */
const EXAMPLES: Record<ActorRuleId, { text: string; mention: string }> = {
  country: { text: 'France accused Turkey.', mention: 'France' },
  adjective: { text: 'Turkish sides met.', mention: 'Turkish' },
  demonym: { text: 'Armenians fled the city.', mention: 'Armenians' },
  'demonym-modifier': { text: 'Israeli helicopters fired.', mention: 'Israeli' },
  'ethnic-demonym': { text: 'The clashes angered ethnic Albanians.', mention: 'ethnic Albanians' },
  'capital-metonym': { text: 'Ankara denied it.', mention: 'Ankara' },
  'seat-metonym': { text: 'The Elysee said no.', mention: 'Elysee' },
  person: { text: 'Jean-Yves Le Drian spoke.', mention: 'Jean-Yves Le Drian' },
  'person-alias': { text: 'Foreign Minister Jean-Yves Le Drian spoke. Le Drian left.', mention: 'Le Drian' },
  role: { text: 'Police detained protesters.', mention: 'Police' },
  'role-of-country': { text: 'The president of Azerbaijan spoke.', mention: 'president of Azerbaijan' },
  'adjective-role': { text: 'Turkish police detained him.', mention: 'Turkish police' },
  'country-role': { text: "Armenia's army fired.", mention: "Armenia's army" },
  'demonym-role': { text: 'Israeli police arrived.', mention: 'Israeli police' },
  'modifier-chain-role': { text: 'Hungarian and Romanian officials agreed.', mention: 'Hungarian' },
  igo: { text: 'NATO troops arrived.', mention: 'NATO troops' },
  ngo: { text: 'Amnesty International criticised the arrests.', mention: 'Amnesty International' },
  group: { text: 'Hamas fired rockets.', mention: 'Hamas' },
  'org-role': { text: 'NATO troops arrived.', mention: 'NATO troops' },
  'title-person': { text: 'Foreign Minister Jean-Yves Le Drian spoke.', mention: 'Foreign Minister Jean-Yves Le Drian' },
  'title-name': { text: 'Judge Alejandro Rivera ruled.', mention: 'Judge Alejandro Rivera' },
  'of-country': { text: 'President Arturo Ferrandez of Morocco spoke.', mention: 'President Arturo Ferrandez of Morocco' },
  'sentence-country': { text: 'In Ukraine, police detained protesters.', mention: 'police' },
  'article-country': { text: 'Turkey condemned the attack. Police detained protesters.', mention: 'Police' },
  'same-name': { text: 'Foreign Minister Jean-Yves Le Drian spoke. Le Drian left.', mention: 'Le Drian' },
  surname: { text: 'Judge Alejandro Rivera ruled on Monday. Later, Rivera said the case was closed.', mention: 'Rivera' },
  pronoun: { text: 'President Ilham Aliyev spoke. He said no.', mention: 'He' },
  'definite-role': { text: 'President Ilham Aliyev spoke. He said no. The president left.', mention: 'president' },
};

for (const id of Object.keys(ACTOR_RULES) as ActorRuleId[]) {
  test(here + `rule ${id}: ${EXAMPLES[id].text}`, () => {
    const { text, mention } = EXAMPLES[id];
    const found = rulesOf(actorsOf(text), mention);
    assert.ok(found.length > 0, `no mention '${mention}'`);
    assert.ok(found.some((rules) => rules.includes(id)), `'${mention}' has rules ${JSON.stringify(found)}, not ${id}`);
  });
}

test(here + 'published rule strings are derived from the ids (heads reset, suffixes append)', () => {
  assert.equal(ruleString(['role', 'title-name', 'of-country']), 'actors/role+name+of-country');
  assert.equal(ruleString(['igo', 'org-role', 'title-name']), 'actors/igo+role+name');
  assert.equal(ruleString(['role', 'sentence-country', 'definite-role']), 'coref/definite-role');
  assert.equal(ruleString(['person-alias', 'same-name']), 'actors/person-alias');
});

test(here + 'context alone: a role-only actor takes its sentence\'s country, else the article\'s; armed actors never the article\'s', () => {
  const doc = testDoc('Police detained protesters in Kharkiv.\nFrance protested. Rebels fired. Officials met.\nFrance again.');
  const d = withLayers(doc, {
    actors: [
      actorAt(doc, 'Police', { role: 'COP', code: 'COP' }, ['role']),
      actorAt(doc, 'France', { type: 'country', code: 'FRA', country: 'FRA', name: 'France' }, ['country']),
      actorAt(doc, 'Rebels', { role: 'REB', code: 'REB' }, ['role']),
      actorAt(doc, 'Officials', { type: 'government', role: 'GOV', code: 'GOV' }, ['role']),
      actorAt(doc, 'France', { type: 'country', code: 'FRA', country: 'FRA', name: 'France' }, ['country'], 1),
    ],
    places: [placeAt(doc, 'Kharkiv', { country: 'UKR', name: 'Kharkiv' })],
  });
  const actorLinks = resolveActors(d);
  const links = actorLinks.links;
  assert.deepEqual([links[0]!.country, links[0]!.rules], ['UKR', ['sentence-country']]);
  // Armed actors are never given the article's country; other roles are.
  assert.deepEqual([links[2]!.country, links[2]!.rules], [null, []]);
  assert.deepEqual([links[3]!.country, links[3]!.rules], ['FRA', ['article-country']]);
  const e = entityIndex(withLayers(d, { actorLinks })).entities.find((x) => x.text === 'Police')!;
  assert.equal(e.code, 'UKRCOP');
  assert.equal(e.inferredCountry, true);
});

test(here + 'coreference alone records a ref to the antecedent; the projection gives the antecedent\'s fields', () => {
  const doc = testDoc('President Ilham Aliyev spoke on Monday. He said the talks had failed.');
  const office = { title: 'President', code: 'AZEGOV', from: null, until: null };
  const d = withLayers(doc, {
    actors: [actorAt(doc, 'President Ilham Aliyev', { type: 'person', code: 'AZEGOV', country: 'AZE', role: 'GOV', name: 'Ilham Aliyev', office }, ['role', 'title-person'])],
  });
  const linked = withLayers(d, { actorLinks: resolveActors(d) });
  const added = linked.layers.actorLinks.added;
  assert.equal(added.length, 1);
  assert.deepEqual([added[0]!.text, added[0]!.ref, added[0]!.rules], ['He', 0, ['pronoun']]);
  // The layer keeps no copy of the antecedent's fields: the published entity gets them.
  assert.ok(!('code' in added[0]!));
  const he = entityIndex(linked).entities.find((x) => x.text === 'He')!;
  assert.deepEqual([he.code, he.name, he.ref, he.rule], ['AZEGOV', 'Ilham Aliyev', 0, 'coref/pronoun']);
});
