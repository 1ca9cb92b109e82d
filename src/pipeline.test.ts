import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PIPELINE, checkPipeline, runStages, type AnyStage } from './pipeline.js';
import { emptyDoc, emptyLayers, type LayerName } from './model/document.js';
import { getResources } from './resources.js';

const here = '[pipeline] ';

function stage(name: `${string}.${string}`, requires: LayerName[], assigns: LayerName[]): AnyStage {
  return { name, requires, assigns, resources: [], run: () => ({}) };
}

test(here + 'the pipeline is consistent and assigns every layer exactly once', () => {
  checkPipeline(PIPELINE);
  const assigned = PIPELINE.flatMap((s) => [...s.assigns]).sort();
  assert.deepEqual(assigned, (Object.keys(emptyLayers()) as LayerName[]).sort());
  for (const s of PIPELINE) assert.match(s.name, /^[a-z]+\.[a-z]+$/);
});

test(here + 'a stage requiring a layer nobody assigns fails loudly, naming the stage and the layer', () => {
  const stages = [stage('text.clean', [], ['article']), stage('events.code', ['article', 'places'], ['events'])];
  assert.throws(() => checkPipeline(stages), /stage events\.code requires layer 'places', which no earlier stage assigns/);
});

test(here + 'a layer assigned later than it is required fails, and so does a second writer', () => {
  assert.throws(() => checkPipeline([stage('events.code', ['places'], ['events']), stage('places.find', [], ['places'])]), /events\.code requires layer 'places'/);
  assert.throws(() => checkPipeline([stage('places.find', [], ['places']), stage('places.again', [], ['places'])]), /stage places\.again assigns layer 'places', which stage places\.find already assigns/);
});

test(here + 'a stage can only store the layers it declares, and receives only the resources it names', () => {
  let seen: string[] = [];
  const sneaky: AnyStage = {
    name: 'places.find',
    requires: [],
    assigns: ['places'],
    resources: ['codebook'],
    run: (_doc, res) => {
      seen = Object.keys(res);
      return { places: [], events: [] };
    },
  };
  const doc = emptyDoc({ url: null, outlet: null, date: null, language: 'en' });
  assert.throws(() => runStages(doc, [sneaky], getResources(), { raw: '', title: null, detectTitle: false }), /stage places\.find returned layer 'events', which it does not assign/);
  assert.deepEqual(seen, ['codebook']);
});
